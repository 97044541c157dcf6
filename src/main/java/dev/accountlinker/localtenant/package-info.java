/**
 * A local Auth0-compatible tenant for the demo mode and the tests.
 *
 * <p>{@link dev.accountlinker.localtenant.LocalTenant} runs a JDK HttpServer on 127.0.0.1 that the app reaches only
 * through auth0-java ({@code AuthAPI}, {@code ManagementApi}) and jwks-rsa, exactly as it would reach real Auth0:
 * {@code /authorize} + Universal-Login-like pages under {@code /u/login} (authorization code + PKCE S256 only, SSO
 * cookie {@code auth0}), {@code /v2/logout}, {@code /oauth/token} (JSON or form body), {@code /userinfo},
 * {@code /.well-known/jwks.json}, {@code /.well-known/openid-configuration}, and the {@code current_user} part of
 * the Management API ({@code GET/PATCH /api/v2/users/{id}}, {@code POST .../identities},
 * {@code DELETE .../identities/{provider}/{user_id}}), rate-limited like Auth0's
 * ({@link dev.accountlinker.localtenant.RateLimit}). {@link dev.accountlinker.localtenant.Faults} injects
 * server errors, delays, malformed bodies and dropped connections.
 *
 * <p>One job per class: {@code LocalTenant} (server, routing, the public test API and its builder),
 * {@code UserDirectory} (users, accounts, link/unlink, metadata), {@code LoginState} (transactions, sessions,
 * codes), {@code AuthorizeHandler} / {@code TokenHandler} / {@code ManagementHandler} (the endpoints and their
 * wire shapes), {@code TokenIssuer} (keys and JWTs), {@code RateLimiter}, {@code DemoAccounts}, {@code Discovery},
 * {@code LoginPage}, {@code Avatars}.
 */
package dev.accountlinker.localtenant;
