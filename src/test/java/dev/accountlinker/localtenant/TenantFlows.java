package dev.accountlinker.localtenant;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.auth.AuthorizeUrlBuilder;
import com.auth0.json.auth.TokenHolder;
import dev.accountlinker.testkit.TenantBrowser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * The app's sign-in flow against a tenant, done with the real auth0-java AuthAPI (authorize URL + code exchange)
 * and a {@link TenantBrowser}. Reusable by other tests.
 */
public final class TenantFlows {

    public static final String FULL_SCOPE =
            "openid profile email read:current_user update:current_user_identities update:current_user_metadata";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One prepared /authorize request and the secrets the app keeps for it. */
    public record Authorization(String url, String verifier, String state, String nonce, String redirectUri) {}

    private TenantFlows() {}

    public static AuthAPI authApi(LocalTenant tenant) {
        return AuthAPI.newBuilder(tenant.baseUrl(), tenant.clientId()).build();
    }

    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's authorize URL: PKCE S256, state, nonce, Management API audience, full scope; then the customizer. */
    public static Authorization authorization(LocalTenant tenant, UnaryOperator<AuthorizeUrlBuilder> customize) {
        return authorization(tenant, tenant.audience(), randomToken(), customize);
    }

    /** Like {@link #authorization(LocalTenant, UnaryOperator)} with a chosen audience and state (null = leave out). */
    public static Authorization authorization(
            LocalTenant tenant, String audience, String state, UnaryOperator<AuthorizeUrlBuilder> customize) {
        return authorization(tenant, LocalTenant.LOOPBACK_REDIRECT_URI, audience, state, customize);
    }

    /** Like {@link #authorization(LocalTenant, UnaryOperator)} with this redirect URI (e.g. the tenant's own). */
    public static Authorization authorization(
            LocalTenant tenant, String redirectUri, UnaryOperator<AuthorizeUrlBuilder> customize) {
        return authorization(tenant, redirectUri, tenant.audience(), randomToken(), customize);
    }

    private static Authorization authorization(
            LocalTenant tenant,
            String redirectUri,
            String audience,
            String state,
            UnaryOperator<AuthorizeUrlBuilder> customize) {
        String verifier = randomToken();
        String nonce = randomToken();
        AuthorizeUrlBuilder builder = authApi(tenant)
                .authorizeUrl(redirectUri)
                .withCodeChallenge(challenge(verifier))
                .withParameter("nonce", nonce)
                .withScope(FULL_SCOPE);
        if (audience != null) {
            builder.withAudience(audience);
        }
        if (state != null) {
            builder.withState(state);
        }
        return new Authorization(customize.apply(builder).build(), verifier, state, nonce, redirectUri);
    }

    public static Authorization authorization(LocalTenant tenant) {
        return authorization(tenant, b -> b);
    }

    public static TokenHolder exchange(LocalTenant tenant, Authorization auth, URI callback) throws Exception {
        String code = TenantBrowser.queryParams(callback).get("code");
        if (code == null) {
            throw new AssertionError("No code in the callback: error="
                    + TenantBrowser.queryParams(callback).get("error") + " "
                    + TenantBrowser.queryParams(callback).get("error_description"));
        }
        return authApi(tenant)
                .exchangeCodeWithVerifier(code, auth.verifier(), auth.redirectUri())
                .execute()
                .getBody();
    }

    /** Full sign-in on the database form of the Universal Login page (or a connection page when customized). */
    public static TokenHolder signIn(
            LocalTenant tenant,
            TenantBrowser browser,
            String email,
            String password,
            UnaryOperator<AuthorizeUrlBuilder> customize)
            throws Exception {
        Authorization auth = authorization(tenant, customize);
        URI callback = browser.signIn(auth.url(), email, password);
        if (!auth.state().equals(TenantBrowser.queryParams(callback).get("state"))) {
            throw new AssertionError("state mismatch");
        }
        return exchange(tenant, auth, callback);
    }

    /** Like {@link #signIn(LocalTenant, TenantBrowser, String, String, UnaryOperator)} with this redirect URI. */
    public static TokenHolder signIn(
            LocalTenant tenant, TenantBrowser browser, String redirectUri, String email, String password)
            throws Exception {
        Authorization auth = authorization(tenant, redirectUri, b -> b);
        return exchange(tenant, auth, browser.signIn(auth.url(), email, password));
    }

    /** Sign-in in a fresh browser, with the connection given (null = Universal Login database form). */
    public static TokenHolder signIn(LocalTenant tenant, String connection, String email, String password)
            throws Exception {
        return signIn(
                tenant,
                new TenantBrowser(),
                email,
                password,
                b -> connection == null ? b : b.withConnection(connection));
    }

    /** The SDK's Management API client for one user-scoped token, without the SDK's retries. */
    public static com.auth0.client.mgmt.ManagementApi managementApi(LocalTenant tenant, String accessToken) {
        return com.auth0.client.mgmt.ManagementApi.builder()
                .url(tenant.baseUrl() + "/api/v2")
                .token(accessToken)
                .maxRetries(0)
                .build();
    }
}
