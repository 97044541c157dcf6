package dev.accountlinker.localtenant;

import com.auth0.exception.APIException;
import com.auth0.json.auth.TokenHolder;
import com.auth0.jwt.JWT;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Allowed Callback URLs are exact strings, as at Auth0 (scheme, host, port, path); RFC 8252's any-port rule for
 * loopback is only there with the named leniency {@code allowAnyLoopbackPort(true)}.
 */
class CallbackUrlTest {

    private static final String REGISTERED_WITH_PORT = "http://127.0.0.1:8484/callback";

    /** The /authorize URL the app builds, through auth0-java, for this redirect URI. */
    private static String authorizeUrl(LocalTenant tenant, String redirectUri, String verifier) {
        return TenantFlows.authApi(tenant)
                .authorizeUrl(redirectUri)
                .withCodeChallenge(TenantFlows.challenge(verifier))
                .withState("st")
                .withParameter("nonce", "n")
                .withScope(TenantFlows.FULL_SCOPE)
                .withAudience(tenant.audience())
                .build();
    }

    /** Opens the authorize URL and expects Auth0's "Callback URL mismatch" page, never a redirect. */
    private static void assertMismatch(LocalTenant tenant, String redirectUri) {
        TenantBrowser.Outcome outcome = new TenantBrowser(redirectUri).open(authorizeUrl(tenant, redirectUri, "v"));
        TenantBrowser.Page page = outcome.requirePage();
        assertEquals(400, page.status(), redirectUri);
        assertTrue(page.title().startsWith("Callback URL mismatch"), page.title());
        assertTrue(
                page.error().orElseThrow().contains(redirectUri), page.error().orElseThrow());
        assertFalse(page.hasLoginForm());
    }

    @Test
    void aPortLessLoopbackEntryDoesNotAcceptARequestWithAPort() {
        try (LocalTenant tenant = LocalTenant.builder()
                .redirectUris(List.of("http://127.0.0.1/callback"))
                .start()) {
            assertMismatch(tenant, "http://127.0.0.1:51234/callback");
            assertMismatch(tenant, "http://[::1]:51234/callback");
            // The entry still matches itself.
            assertTrue(new TenantBrowser()
                    .open(authorizeUrl(tenant, "http://127.0.0.1/callback", "v"))
                    .requirePage()
                    .hasLoginForm());
        }
    }

    @Test
    void aPortedEntryMatchesOnlyItsExactString() {
        try (LocalTenant tenant = LocalTenant.builder()
                .redirectUris(List.of(REGISTERED_WITH_PORT))
                .start()) {
            assertMismatch(tenant, "http://127.0.0.1/callback");
            assertMismatch(tenant, "http://127.0.0.1:8485/callback");
            assertMismatch(tenant, "http://127.0.0.1:8484/callback/");
            assertMismatch(tenant, "http://127.0.0.1:8484/other");
            assertMismatch(tenant, "https://127.0.0.1:8484/callback");
            assertMismatch(tenant, "http://localhost:8484/callback");
            assertTrue(new TenantBrowser(REGISTERED_WITH_PORT)
                    .open(authorizeUrl(tenant, REGISTERED_WITH_PORT, "v"))
                    .requirePage()
                    .hasLoginForm());
        }
    }

    @Test
    void theDefaultTenantIsStrict() {
        try (LocalTenant tenant = LocalTenant.startDemo()) {
            assertEquals(List.of(tenant.ownCallbackUrl(), LocalTenant.LOOPBACK_REDIRECT_URI), tenant.redirectUris());
            assertEquals(tenant.baseUrl() + "/mobile", tenant.ownCallbackUrl());
            assertMismatch(tenant, "http://127.0.0.1:40000/callback");
        }
    }

    @Test
    void withTheNamedLeniencyAPortLessLoopbackEntryAcceptsAnyPortAndTheTokenEndpointWantsThatExactUri()
            throws Exception {
        try (LocalTenant tenant = LocalTenant.builder()
                .redirectUris(List.of("http://127.0.0.1/callback"))
                .allowAnyLoopbackPort(true)
                .start()) {
            String redirect = "http://127.0.0.1:51234/callback";
            String verifier = TenantFlows.randomToken();
            URI callback = new TenantBrowser(redirect)
                    .signIn(authorizeUrl(tenant, redirect, verifier), "alice@example.com", "Alice-Demo-1");
            String code = TenantBrowser.queryParams(callback).get("code");

            // The port-less entry itself, or another port, is not the redirect_uri of this authorize request.
            APIException portLess = assertThrows(
                    APIException.class,
                    () -> TenantFlows.authApi(tenant)
                            .exchangeCodeWithVerifier(code, verifier, "http://127.0.0.1/callback")
                            .execute());
            assertEquals("invalid_grant", portLess.getError());

            URI again = new TenantBrowser(redirect)
                    .signIn(authorizeUrl(tenant, redirect, verifier), "alice@example.com", "Alice-Demo-1");
            String code2 = TenantBrowser.queryParams(again).get("code");
            APIException otherPort = assertThrows(
                    APIException.class,
                    () -> TenantFlows.authApi(tenant)
                            .exchangeCodeWithVerifier(code2, verifier, "http://127.0.0.1:51235/callback")
                            .execute());
            assertEquals("invalid_grant", otherPort.getError());

            URI third = new TenantBrowser(redirect)
                    .signIn(authorizeUrl(tenant, redirect, verifier), "alice@example.com", "Alice-Demo-1");
            TokenHolder tokens = TenantFlows.authApi(tenant)
                    .exchangeCodeWithVerifier(TenantBrowser.queryParams(third).get("code"), verifier, redirect)
                    .execute()
                    .getBody();
            assertEquals("auth0|alice", JWT.decode(tokens.getIdToken()).getSubject());

            // The leniency is about the port of a port-less loopback entry only.
            assertMismatch(tenant, "http://127.0.0.1:51234/callback/");
            assertMismatch(tenant, "http://localhost:51234/callback");
            assertMismatch(tenant, "https://127.0.0.1:51234/callback");
        }
    }

    @Test
    void theTokenEndpointRefusesATrailingSlashVariantOfTheAuthorizeRedirect() {
        try (LocalTenant tenant = LocalTenant.builder()
                .redirectUris(List.of(REGISTERED_WITH_PORT))
                .start()) {
            String verifier = TenantFlows.randomToken();
            URI callback = new TenantBrowser(REGISTERED_WITH_PORT)
                    .signIn(authorizeUrl(tenant, REGISTERED_WITH_PORT, verifier), "alice@example.com", "Alice-Demo-1");
            APIException e = assertThrows(
                    APIException.class,
                    () -> TenantFlows.authApi(tenant)
                            .exchangeCodeWithVerifier(
                                    TenantBrowser.queryParams(callback).get("code"),
                                    verifier,
                                    REGISTERED_WITH_PORT + "/")
                            .execute());
            assertEquals("invalid_grant", e.getError());
        }
    }
}
