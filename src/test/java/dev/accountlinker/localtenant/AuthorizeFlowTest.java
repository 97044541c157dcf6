package dev.accountlinker.localtenant;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.json.auth.TokenHolder;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.utils.tokens.IdTokenVerifier;
import com.auth0.utils.tokens.SignatureVerifier;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /authorize, the login pages, /oauth/token, SSO and logout, driven through auth0-java's AuthAPI. */
class AuthorizeFlowTest {

    private LocalTenant tenant;
    private TenantBrowser browser;

    @BeforeEach
    void start() {
        tenant = LocalTenant.startDemo();
        browser = new TenantBrowser();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    static void verifyIdToken(LocalTenant tenant, String idToken, String nonce) throws Exception {
        JwkProvider jwks = new JwkProviderBuilder(new URL(tenant.baseUrl() + "/.well-known/jwks.json")).build();
        IdTokenVerifier.init(tenant.issuer(), tenant.clientId(), SignatureVerifier.forRS256(kid -> {
                    try {
                        return (RSAPublicKey) jwks.get(kid).getPublicKey();
                    } catch (Exception e) {
                        throw new com.auth0.exception.PublicKeyProviderException("no key " + kid, e);
                    }
                }))
                .build()
                .verify(idToken, nonce);
    }

    @Test
    void happySignInWithPkceIssuesVerifiableTokens() throws Exception {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant);
        URI callback = browser.signIn(auth.url(), "alice@example.com", "Alice-Demo-1");
        Map<String, String> params = TenantBrowser.queryParams(callback);
        assertEquals(auth.state(), params.get("state"));
        assertTrue(browser.hasSessionCookie());

        TokenHolder tokens = TenantFlows.exchange(tenant, auth, callback);
        verifyIdToken(tenant, tokens.getIdToken(), auth.nonce());

        DecodedJWT id = JWT.decode(tokens.getIdToken());
        assertEquals(tenant.keyId(), id.getKeyId());
        assertEquals("auth0|alice", id.getSubject());
        assertEquals(tenant.baseUrl() + "/", id.getIssuer());
        assertEquals(tenant.clientId(), id.getClaim("azp").asString());
        assertEquals("alice@example.com", id.getClaim("email").asString());
        assertTrue(id.getClaim("email_verified").asBoolean());
        assertEquals("Alice Example", id.getClaim("name").asString());
        assertTrue(id.getClaim("auth_time").isMissing(), "no max_age was asked: Auth0 writes no auth_time");
        assertNotNull(id.getClaim("picture").asString());

        DecodedJWT access = JWT.decode(tokens.getAccessToken());
        assertEquals(List.of(tenant.audience(), tenant.baseUrl() + "/userinfo"), access.getAudience());
        assertEquals(TenantFlows.FULL_SCOPE, access.getClaim("scope").asString());
        assertEquals(TenantFlows.FULL_SCOPE, tokens.getScope());
        assertEquals("Bearer", tokens.getTokenType());
        assertTrue(tokens.getExpiresIn() > 0);
    }

    @Test
    void unknownScopesAreDroppedAndOnlyTheApiAudienceGetsApiScopes() throws Exception {
        TokenHolder tokens = TenantFlows.signIn(
                tenant, browser, "bob@example.com", "Bob-Demo-1", b -> b.withScope("openid email read:users"));
        assertEquals("openid email", tokens.getScope());
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant, null, "st", b -> b);
        TokenHolder noAudience = TenantFlows.exchange(
                tenant, auth, new TenantBrowser().signIn(auth.url(), "bob@example.com", "Bob-Demo-1"));
        // Without an audience the access token is for /userinfo only, like Auth0.
        DecodedJWT access = JWT.decode(noAudience.getAccessToken());
        assertEquals(List.of(tenant.baseUrl() + "/userinfo"), access.getAudience());
        assertEquals("openid profile email", noAudience.getScope());
    }

    @Test
    void pkceVerifierMismatchIsInvalidGrant() {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant);
        String code = TenantBrowser.queryParams(browser.signIn(auth.url(), "alice@example.com", "Alice-Demo-1"))
                .get("code");
        APIException e = assertThrows(
                APIException.class,
                () -> TenantFlows.authApi(tenant)
                        .exchangeCodeWithVerifier(code, TenantFlows.randomToken(), LocalTenant.LOOPBACK_REDIRECT_URI)
                        .execute());
        assertEquals(403, e.getStatusCode());
        assertEquals("invalid_grant", e.getError());
    }

    @Test
    void codeIsOneTime() throws Exception {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant);
        URI callback = browser.signIn(auth.url(), "alice@example.com", "Alice-Demo-1");
        TenantFlows.exchange(tenant, auth, callback);
        APIException e = assertThrows(APIException.class, () -> TenantFlows.exchange(tenant, auth, callback));
        assertEquals("invalid_grant", e.getError());
    }

    @Test
    void codeExpiresWithTheInjectedClock() {
        MutableClock clock = new MutableClock(Instant.now());
        try (LocalTenant t = LocalTenant.builder()
                .clock(clock)
                .codeLifetime(Duration.ofSeconds(60))
                .start()) {
            TenantFlows.Authorization auth = TenantFlows.authorization(t);
            URI callback = new TenantBrowser().signIn(auth.url(), "alice@example.com", "Alice-Demo-1");
            clock.advance(Duration.ofSeconds(61));
            APIException e = assertThrows(APIException.class, () -> TenantFlows.exchange(t, auth, callback));
            assertEquals("invalid_grant", e.getError());
            assertTrue(e.getDescription().contains("expired"), e.getDescription());
        }
    }

    @Test
    void wrongRedirectUriAtAuthorizeShowsAnErrorPageAndNeverRedirects() {
        String url = TenantFlows.authApi(tenant)
                .authorizeUrl("http://127.0.0.1/evil")
                .withCodeChallenge(TenantFlows.challenge("v"))
                .withState("s")
                .withScope("openid")
                .build();
        TenantBrowser.Outcome outcome = new TenantBrowser("http://127.0.0.1/evil").open(url);
        TenantBrowser.Page page = outcome.requirePage();
        assertEquals(400, page.status());
        assertTrue(page.error().orElseThrow().contains("http://127.0.0.1/evil"));
        RecordedRequest last = tenant.requests().get(tenant.requests().size() - 1);
        assertEquals("/authorize", last.path());
        assertEquals(400, last.status());
    }

    @Test
    void wrongRedirectUriAtTokenIsInvalidGrant() {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant);
        String code = TenantBrowser.queryParams(browser.signIn(auth.url(), "alice@example.com", "Alice-Demo-1"))
                .get("code");
        APIException e = assertThrows(
                APIException.class,
                () -> TenantFlows.authApi(tenant)
                        .exchangeCodeWithVerifier(code, auth.verifier(), "http://127.0.0.1/other")
                        .execute());
        assertEquals("invalid_grant", e.getError());
    }

    @Test
    void plainOrMissingCodeChallengeIsRejectedWithARedirectError() {
        TenantFlows.Authorization plain =
                TenantFlows.authorization(tenant, b -> b.withParameter("code_challenge_method", "plain"));
        Map<String, String> params = browser.open(plain.url()).params();
        assertEquals("invalid_request", params.get("error"));
        assertEquals(plain.state(), params.get("state"));
        assertTrue(params.get("error_description").contains("S256"));

        String missing = TenantFlows.authApi(tenant)
                .authorizeUrl(LocalTenant.LOOPBACK_REDIRECT_URI)
                .withState("st")
                .withScope("openid")
                .build();
        assertEquals("invalid_request", browser.open(missing).params().get("error"));
    }

    @Test
    void missingStateOrOpenidScopeOrUnknownConnectionOrAudienceIsRejected() {
        assertEquals(
                "invalid_request",
                browser.open(TenantFlows.authorization(tenant, tenant.audience(), null, b -> b)
                                .url())
                        .params()
                        .get("error"));
        assertEquals(
                "invalid_request",
                browser.open(TenantFlows.authorization(tenant, b -> b.withScope("profile email"))
                                .url())
                        .params()
                        .get("error"));
        assertEquals(
                "invalid_request",
                browser.open(TenantFlows.authorization(tenant, b -> b.withConnection("facebook"))
                                .url())
                        .params()
                        .get("error"));
        assertEquals(
                "access_denied",
                browser.open(TenantFlows.authorization(tenant, b -> b.withAudience("https://elsewhere/api"))
                                .url())
                        .params()
                        .get("error"));
    }

    @Test
    void wrongClientIdShowsAnErrorPageAndTokenEndpointRefusesIt() {
        AuthAPI other = AuthAPI.newBuilder(tenant.baseUrl(), "someone-else").build();
        String url = other.authorizeUrl(LocalTenant.LOOPBACK_REDIRECT_URI)
                .withCodeChallenge(TenantFlows.challenge("v"))
                .withState("s")
                .withScope("openid")
                .build();
        TenantBrowser.Page page = browser.open(url).requirePage();
        assertEquals(400, page.status());
        assertFalse(page.hasLoginForm());

        APIException e = assertThrows(
                APIException.class,
                () -> other.exchangeCodeWithVerifier("x", "y", LocalTenant.LOOPBACK_REDIRECT_URI)
                        .execute());
        assertEquals(401, e.getStatusCode());
        assertEquals("invalid_client", e.getError());
    }

    @Test
    void wrongPasswordUnknownAccountOrOtherConnectionShowTheFormAgainWithAnError() {
        TenantBrowser.Page login =
                browser.open(TenantFlows.authorization(tenant).url()).requirePage();
        assertTrue(login.hasLoginForm());
        assertTrue(login.html().contains("Continue with Google"));
        assertTrue(login.error().isEmpty());

        TenantBrowser.Page again =
                browser.submit(login, "alice@example.com", "wrong").requirePage();
        assertEquals(200, again.status());
        assertTrue(again.hasLoginForm());
        assertEquals("Wrong email or password.", again.error().orElseThrow());

        assertTrue(browser.submit(again, "nobody@example.com", "x")
                .requirePage()
                .error()
                .isPresent());
        // Google's account is not a database account.
        assertTrue(browser.submit(again, "alice.g@example.com", "Google-Demo-1")
                .requirePage()
                .error()
                .isPresent());
        // The same transaction still works after the errors.
        assertTrue(browser.submit(again, "alice@example.com", "Alice-Demo-1").reachedCallback());
        assertFalse(tenant.requests().stream().anyMatch(r -> r.path().equals("/oauth/token")));
    }

    @Test
    void socialLinkOnUniversalLoginReentersTheTransactionWithThatConnection() throws Exception {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant);
        TenantBrowser.Page universal = browser.open(auth.url()).requirePage();
        TenantBrowser.Page google = browser.open(
                        universal.link("connection-google-oauth2").orElseThrow().toString())
                .requirePage();
        assertTrue(google.title().startsWith("Sign in with Google (demo)"), google.title());
        URI callback =
                browser.submit(google, "alice.g@example.com", "Google-Demo-1").requireCallback();
        DecodedJWT id = JWT.decode(TenantFlows.exchange(tenant, auth, callback).getIdToken());
        assertEquals("google-oauth2|109876543210987654321", id.getSubject());
    }

    @Test
    void ssoCookieAnswersASecondAuthorizeButNotWithMaxAgeZeroPromptLoginOrAnotherConnection() throws Exception {
        TenantFlows.signIn(tenant, browser, "alice@example.com", "Alice-Demo-1", b -> b);

        TenantFlows.Authorization silent = TenantFlows.authorization(tenant);
        TenantBrowser.Outcome sso = browser.open(silent.url());
        assertTrue(sso.reachedCallback(), "the SSO session answers without a page");
        assertEquals(
                "auth0|alice",
                JWT.decode(TenantFlows.exchange(tenant, silent, sso.callback()).getIdToken())
                        .getSubject());

        assertTrue(browser.open(TenantFlows.authorization(tenant, b -> b.withParameter("max_age", "0"))
                        .url())
                .requirePage()
                .hasLoginForm());
        assertTrue(browser.open(TenantFlows.authorization(tenant, b -> b.withParameter("prompt", "login"))
                        .url())
                .requirePage()
                .hasLoginForm());
        assertTrue(browser.open(TenantFlows.authorization(tenant, b -> b.withConnection("google-oauth2"))
                        .url())
                .requirePage()
                .hasLoginForm());
        assertTrue(browser.open(TenantFlows.authorization(tenant, b -> b.withParameter("max_age", "3600"))
                        .url())
                .reachedCallback());
    }

    @Test
    void maxAgeForcesLoginOnceTheSessionIsOlder() {
        MutableClock clock = new MutableClock(Instant.now());
        try (LocalTenant t = LocalTenant.builder().clock(clock).start()) {
            TenantBrowser b = new TenantBrowser();
            b.signIn(TenantFlows.authorization(t).url(), "bob@example.com", "Bob-Demo-1");
            clock.advance(Duration.ofSeconds(120));
            assertTrue(b.open(TenantFlows.authorization(t, x -> x.withParameter("max_age", "60"))
                            .url())
                    .requirePage()
                    .hasLoginForm());
            assertTrue(b.open(TenantFlows.authorization(t, x -> x.withParameter("max_age", "600"))
                            .url())
                    .reachedCallback());
        }
    }

    @Test
    void promptNoneWithoutSessionIsLoginRequired() {
        try (LocalTenant t = LocalTenant.builder()
                .skipNonVerifiableCallbackConfirmation(true)
                .start()) {
            TenantFlows.Authorization auth = TenantFlows.authorization(t, b -> b.withParameter("prompt", "none"));
            Map<String, String> params = browser.open(auth.url()).params();
            assertEquals("login_required", params.get("error"));
            assertEquals(auth.state(), params.get("state"));
        }
    }

    @Test
    void logoutClearsTheSession() throws Exception {
        try (LocalTenant t = LocalTenant.builder()
                .logoutUrls(List.of(LocalTenant.LOOPBACK_REDIRECT_URI))
                .start()) {
            TenantFlows.signIn(t, browser, "alice@example.com", "Alice-Demo-1", b -> b);
            assertTrue(browser.hasSessionCookie());
            String logout = TenantFlows.authApi(t)
                    .logoutUrl(LocalTenant.LOOPBACK_REDIRECT_URI, true)
                    .build();
            assertTrue(browser.open(logout).reachedCallback(), "redirects to an allowed returnTo");
            assertFalse(browser.hasSessionCookie());
            assertTrue(browser.open(TenantFlows.authorization(t).url())
                    .requirePage()
                    .hasLoginForm());

            // Even a client that kept the old cookie gets no SSO: the server side session is gone too.
            TenantBrowser other = new TenantBrowser();
            TenantFlows.signIn(t, other, "bob@example.com", "Bob-Demo-1", b -> b);
            java.net.HttpCookie saved =
                    other.cookieManager().getCookieStore().getCookies().get(0);
            TenantBrowser.Page out = other.open(t.baseUrl() + "/v2/logout").requirePage();
            assertTrue(out.html().contains("You are signed out"));
            other.cookieManager().getCookieStore().add(URI.create(t.baseUrl()), saved);
            assertTrue(
                    other.open(TenantFlows.authorization(t).url()).requirePage().hasLoginForm());
        }
    }

    @Test
    void linkedGithubIdentityOfCarolSignsInAsCarol() throws Exception {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant, b -> b.withConnection("github"));
        TenantBrowser.Page page = browser.open(auth.url()).requirePage();
        assertTrue(page.title().startsWith("Sign in with GitHub (demo)"));
        TokenHolder tokens = TenantFlows.exchange(
                tenant,
                auth,
                browser.submit(page, "carol-gh@example.com", "CarolGh-1").requireCallback());
        DecodedJWT id = JWT.decode(tokens.getIdToken());
        assertEquals("auth0|carol", id.getSubject());
        assertEquals("carol@example.com", id.getClaim("email").asString());
        assertEquals("Carol Linked", id.getClaim("name").asString());
    }

    @Test
    void discoveryJwksAndKeyRotation() throws Exception {
        JwkProvider jwks = new JwkProviderBuilder(new URL(tenant.baseUrl() + "/.well-known/jwks.json"))
                .cached(false)
                .rateLimited(false)
                .build();
        String oldKid = tenant.keyId();
        assertEquals(tenant.signingKeyPair().getPublic(), jwks.get(oldKid).getPublicKey());

        TenantBrowser.Page config = browser.open(tenant.baseUrl() + "/.well-known/openid-configuration")
                .requirePage();
        Map<?, ?> doc = new com.fasterxml.jackson.databind.ObjectMapper().readValue(config.html(), Map.class);
        assertEquals(tenant.issuer(), doc.get("issuer"));
        assertEquals(tenant.baseUrl() + "/.well-known/jwks.json", doc.get("jwks_uri"));
        assertEquals(tenant.baseUrl() + "/oauth/token", doc.get("token_endpoint"));

        tenant.rotateSigningKey();
        assertFalse(oldKid.equals(tenant.keyId()));
        assertNotNull(jwks.get(tenant.keyId()));
        assertThrows(com.auth0.jwk.SigningKeyNotFoundException.class, () -> jwks.get(oldKid));
    }

    @Test
    void userinfoAnswersForTheAccessTokenAndRecordedQueriesAreRedacted() throws Exception {
        TokenHolder tokens = TenantFlows.signIn(tenant, browser, "alice@example.com", "Alice-Demo-1", b -> b);
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        URI.create(tenant.baseUrl() + "/userinfo?access_token=abc&x=1"))
                                .header("Authorization", "Bearer " + tokens.getAccessToken())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"sub\":\"auth0|alice\""));
        RecordedRequest rec = tenant.requests().stream()
                .filter(x -> x.path().equals("/userinfo"))
                .findFirst()
                .orElseThrow();
        assertEquals("access_token=[redacted]&x=1", rec.query());
        assertNull(rec.fault());
        assertTrue(tenant.requests().stream().noneMatch(x -> x.query().contains(tokens.getAccessToken())));
    }
}
