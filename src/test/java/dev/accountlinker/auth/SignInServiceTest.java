package dev.accountlinker.auth;

import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorize request the app builds with AuthAPI: every parameter real Auth0 expects. */
class SignInServiceTest {
    private final SignInService service = new SignInService(
            new TenantSettings(
                    TenantAddress.parse("domain", "acme.eu.auth0.com"),
                    "native-client-id",
                    List.of("google-oauth2"),
                    URI.create("http://127.0.0.1/callback")),
            Clock.systemUTC(),
            Locale.forLanguageTag("pt-BR"));

    SignInServiceTest() throws Exception {}

    private static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            values.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void theMainSignInAsksForACodeWithPkceStateNonceAndTheManagementApiScopes() {
        AuthorizationRequest request = service.newAuthorization(AuthorizeOptions.primarySignIn());
        assertTrue(request.url().startsWith("https://acme.eu.auth0.com/authorize?"), request.url());
        Map<String, String> query = query(request.url());
        assertEquals("code", query.get("response_type"));
        assertEquals("native-client-id", query.get("client_id"));
        assertEquals("http://127.0.0.1/callback", query.get("redirect_uri"));
        assertEquals("https://acme.eu.auth0.com/api/v2/", query.get("audience"));
        assertEquals(
                "openid profile email read:current_user update:current_user_identities update:current_user_metadata",
                query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(Pkce.challengeFor(request.pkce().verifier()), query.get("code_challenge"));
        assertEquals(request.state(), query.get("state"));
        assertEquals(request.nonce(), query.get("nonce"));
        assertEquals("pt-BR", query.get("ui_locales"), "Universal Login speaks the app's language");
        assertEquals("600", query.get("max_age"), "so Auth0 writes auth_time, and an older session asks to log in");
        assertEquals(600, request.maxAgeSeconds().orElseThrow(), "the ID token's auth_time is checked against it");
        assertFalse(query.containsKey("prompt"), "never prompt=none");
        assertFalse(query.containsKey("connection"));
        assertFalse(
                request.url().contains(request.pkce().verifier()),
                "the verifier never leaves the app before the exchange");
    }

    @Test
    void theSecondAccountIsAFreshLoginForTheChosenConnection() {
        AuthorizationRequest request =
                service.newAuthorization(AuthorizeOptions.secondAccount(Optional.of("google-oauth2")));
        Map<String, String> query = query(request.url());
        assertEquals("google-oauth2", query.get("connection"));
        assertEquals("0", query.get("max_age"));
        assertEquals("login", query.get("prompt"));
        assertEquals(Optional.of(0), request.maxAgeSeconds());
        assertTrue(query.get("scope").contains("read:current_user"), "the second account can read its own metadata");
    }

    @Test
    void theFirstSignInAfterSigningOutShowsTheLoginPageAndStillAsksForAuthTime() {
        AuthorizationRequest request = service.newAuthorization(AuthorizeOptions.primarySignInAfterSignOut());
        Map<String, String> query = query(request.url());
        assertEquals("login", query.get("prompt"));
        assertEquals("600", query.get("max_age"));
        assertEquals(Optional.of(600), request.maxAgeSeconds());
    }

    @Test
    void noSignInEverAsksForPromptNoneNotEvenWithALoopbackCallback() {
        Optional<URI> loopback = Optional.of(URI.create("http://127.0.0.1:28471/callback"));
        for (AuthorizeOptions options : List.of(
                AuthorizeOptions.primarySignIn(),
                AuthorizeOptions.primarySignInAfterSignOut(),
                AuthorizeOptions.secondAccount(Optional.empty()),
                AuthorizeOptions.confirmIdentity(Optional.empty(), Optional.of("alice@example.com")))) {
            for (Optional<URI> redirect : List.of(Optional.<URI>empty(), loopback)) {
                Map<String, String> query = query(service.newAuthorization(options.withRedirectUri(redirect))
                        .url());
                assertFalse("none".equals(query.get("prompt")), options + " " + redirect);
                assertTrue(query.containsKey("max_age"), options + " " + redirect);
            }
        }
    }

    @Test
    void everyAttemptHasItsOwnStateNonceAndVerifier() {
        AuthorizationRequest first = service.newAuthorization(AuthorizeOptions.primarySignIn());
        AuthorizationRequest second = service.newAuthorization(AuthorizeOptions.primarySignIn());
        assertNotEquals(first.state(), second.state());
        assertNotEquals(first.nonce(), second.nonce());
        assertNotEquals(first.pkce().verifier(), second.pkce().verifier());
        assertTrue(first.state().length() >= 32 && first.nonce().length() >= 32);
    }

    @Test
    void aLoopbackRedirectReplacesTheConfiguredOne() {
        AuthorizationRequest request = service.newAuthorization(AuthorizeOptions.primarySignIn()
                .withRedirectUri(Optional.of(URI.create("http://127.0.0.1:53682/callback"))));
        assertEquals("http://127.0.0.1:53682/callback", query(request.url()).get("redirect_uri"));
        assertEquals(URI.create("http://127.0.0.1:53682/callback"), request.redirectUri());
    }

    @Test
    void theCodeIsOnlyTakenFromACallbackWithOurState() throws Exception {
        AuthorizationRequest request = service.newAuthorization(AuthorizeOptions.primarySignIn());
        CallbackResponse ours = new CallbackResponse(
                Optional.of("the-code"), Optional.of(request.state()), Optional.empty(), Optional.empty());
        assertEquals("the-code", SignInService.authorizationCode(request, ours));
        CallbackResponse empty = new CallbackResponse(
                Optional.empty(), Optional.of(request.state()), Optional.empty(), Optional.empty());
        assertEquals(
                AuthException.Reason.MALFORMED_CALLBACK,
                assertThrows(AuthException.class, () -> SignInService.authorizationCode(request, empty))
                        .reason());
    }
}
