package dev.accountlinker.auth;

import com.auth0.client.ProxyOptions;
import com.auth0.client.auth.AuthAPI;
import com.auth0.client.auth.AuthorizeUrlBuilder;
import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.TokenHolder;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.net.client.DefaultHttpClient;
import dev.accountlinker.config.Languages;
import dev.accountlinker.config.TenantSettings;

import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Authorization Code + PKCE against Auth0 through auth0-java: builds authorize URLs, checks the redirect,
 * exchanges the code and validates the ID token. Construction is cheap; the HTTP client and key source
 * are created on first use, which callers do off the JavaFX thread.
 */
public final class SignInService {
    /** What the settings screen and linking need from the Management API for the user's own account. */
    public static final String SCOPE =
            "openid profile email read:current_user update:current_user_identities update:current_user_metadata";

    private final TenantSettings settings;
    private final Clock clock;
    private final Locale uiLocale;
    private final SecureRandom random = new SecureRandom();
    private volatile AuthAPI authApi;
    private volatile IdTokenValidator validator;

    /** @param uiLocale the app's language: Universal Login is asked to speak it too ({@code ui_locales}) */
    public SignInService(TenantSettings settings, Clock clock, Locale uiLocale) {
        this.settings = settings;
        this.clock = clock;
        this.uiLocale = uiLocale;
    }

    public TenantSettings settings() {
        return settings;
    }

    private AuthAPI authApi() {
        AuthAPI api = authApi;
        if (api == null) {
            synchronized (this) {
                if (authApi == null) {
                    // No retries: an authorization code is single-use, so a retried exchange could only fail.
                    DefaultHttpClient.Builder http = DefaultHttpClient.newBuilder()
                            .withConnectTimeout(settings.connectTimeoutSeconds())
                            .withReadTimeout(settings.readTimeoutSeconds())
                            .withMaxRetries(0);
                    // The SDK takes one proxy, not a selector: the one the app's rules pick for this tenant.
                    Proxy proxy = proxy();
                    if (proxy.type() != Proxy.Type.DIRECT) {
                        http.withProxy(new ProxyOptions(proxy));
                    }
                    authApi = AuthAPI.newBuilder(settings.address().baseUrl(), settings.clientId())
                            .withHttpClient(http.build())
                            .build();
                }
                api = authApi;
            }
        }
        return api;
    }

    private IdTokenValidator validator() {
        IdTokenValidator current = validator;
        if (current == null) {
            synchronized (this) {
                if (validator == null) {
                    try {
                        // Cached keys; an unknown kid triggers one refetch (key rotation), rate limited.
                        validator = new IdTokenValidator(
                                settings.address().issuer(),
                                settings.clientId(),
                                new JwkProviderBuilder(
                                                new URL(settings.address().jwksUrl()))
                                        .cached(10, 24, TimeUnit.HOURS)
                                        .rateLimited(10, 1, TimeUnit.MINUTES)
                                        .timeouts(
                                                (int) settings.connectTimeout().toMillis(),
                                                (int) settings.readTimeout().toMillis())
                                        .proxied(proxy())
                                        .build(),
                                clock);
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException("The tenant address was validated when it was configured", e);
                    }
                }
                current = validator;
            }
        }
        return current;
    }

    /** The proxy (or none) for the tenant, from the app's proxy rules; loopback tenants are always direct. */
    private Proxy proxy() {
        var chosen = settings.proxies().select(settings.address().baseUri());
        return chosen == null || chosen.isEmpty() ? Proxy.NO_PROXY : chosen.get(0);
    }

    /** Builds the HTTP client and key source ahead of time; call from a background thread. */
    public void warmUp() {
        authApi();
        validator();
    }

    /** A fresh attempt: new state, nonce and PKCE verifier. */
    public AuthorizationRequest newAuthorization(AuthorizeOptions options) {
        Pkce pkce = Pkce.generate(random);
        String state = randomToken();
        String nonce = randomToken();
        URI redirectUri = options.redirectUri().orElse(settings.redirectUri());
        AuthorizeUrlBuilder url = authApi()
                .authorizeUrl(redirectUri.toString())
                .withResponseType("code")
                .withScope(SCOPE)
                .withAudience(settings.address().managementAudience())
                .withState(state)
                .withParameter("nonce", nonce)
                .withCodeChallenge(pkce.challenge());
        options.connection().ifPresent(url::withConnection);
        options.loginHint().ifPresent(hint -> url.withParameter("login_hint", hint));
        url.withParameter("ui_locales", Languages.uiLocales(uiLocale));
        // Always max_age: Auth0 writes auth_time only then, and "signed in within N minutes" rests on it. Never
        // prompt=none: Auth0 refuses it for a loopback callback, and the app has no silent sign-in.
        int maxAge = switch (options.freshness()) {
            case SESSION_ALLOWED, ASK_TO_LOG_IN -> (int) AuthorizeOptions.RECENT_AUTHENTICATION.toSeconds();
            case AUTHENTICATE_NOW -> 0;
        };
        url.withParameter("max_age", String.valueOf(maxAge));
        if (options.freshness() != AuthorizeOptions.Freshness.SESSION_ALLOWED) {
            url.withParameter("prompt", "login");
        }
        return new AuthorizationRequest(url.build(), state, nonce, pkce, redirectUri, Optional.of(maxAge));
    }

    /** Checks the redirect against the attempt; returns the authorization code. */
    public static String authorizationCode(AuthorizationRequest request, CallbackResponse response)
            throws AuthException {
        if (response.state().isEmpty() || !constantTimeEquals(response.state().get(), request.state())) {
            throw new AuthException(AuthException.Reason.STATE_MISMATCH, "");
        }
        if (response.error().isPresent()) {
            throw new AuthException(
                    AuthException.Reason.AUTHORIZATION_ERROR,
                    response.errorDescription()
                            .filter(d -> !d.isBlank())
                            .orElse(response.error().get()));
        }
        return response.code()
                .filter(code -> !code.isBlank())
                .orElseThrow(() -> new AuthException(AuthException.Reason.MALFORMED_CALLBACK, ""));
    }

    /** Exchanges the code and validates the ID token. Blocking: run it in a background task. */
    public SignedInAccount complete(AuthorizationRequest request, CallbackResponse response) throws AuthException {
        String code = authorizationCode(request, response);
        TokenHolder holder;
        try {
            holder = authApi()
                    .exchangeCodeWithVerifier(
                            code,
                            request.pkce().verifier(),
                            request.redirectUri().toString())
                    .execute()
                    .getBody();
        } catch (APIException e) {
            throw tokenEndpointError(e);
        } catch (Auth0Exception e) {
            throw new AuthException(AuthException.Reason.NETWORK, "", e.getCause());
        }
        if (holder == null || holder.getAccessToken() == null) {
            throw new AuthException(AuthException.Reason.TOKEN_REJECTED, "The tenant returned no access token");
        }
        IdTokenClaims claims = validator().validate(holder.getIdToken(), request.nonce(), request.maxAgeSeconds());
        Instant expiresAt = clock.instant().plus(Duration.ofSeconds(Math.max(0, holder.getExpiresIn())));
        return new SignedInAccount(
                claims, new Tokens(holder.getIdToken(), holder.getAccessToken(), holder.getScope(), expiresAt));
    }

    private static AuthException tokenEndpointError(APIException e) {
        int status = e.getStatusCode();
        if (status < 400) {
            // A success status whose body the SDK could not parse.
            return new AuthException(AuthException.Reason.MALFORMED_RESPONSE, "");
        }
        if (status == 429) {
            return new AuthException(AuthException.Reason.RATE_LIMITED, "");
        }
        if (status >= 500) {
            return new AuthException(AuthException.Reason.SERVER_ERROR, String.valueOf(status));
        }
        String detail = e.getDescription() != null
                ? e.getDescription()
                : e.getError() != null ? e.getError() : "HTTP " + status;
        return new AuthException(AuthException.Reason.TOKEN_REJECTED, detail);
    }

    /**
     * Where a browser goes to end the tenant's single-sign-on session ({@code /v2/logout} with the client id, so
     * Auth0 checks {@code returnTo} against the application's Allowed Logout URLs).
     *
     * @param federated also end the session at the identity provider behind the tenant (Google, GitHub...)
     */
    public String logoutUrl(String returnTo, boolean federated) {
        var url = authApi().logoutUrl(returnTo, true);
        if (federated) {
            url.useFederated(true);
        }
        return url.build();
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
