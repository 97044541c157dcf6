package dev.accountlinker.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.accountlinker.account.Account;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile ID tokens and callbacks, each met through the real flow: a real sign-in on the local tenant gives a
 * real code, then the tenant's token endpoint is made to answer with a token the test mints (java-jwt, keys
 * generated here or the tenant's own). Every case must be refused with a clear message and nothing signed in.
 */
class HostileInputTest {
    private static final String CLIENT_ID = LocalTenant.DEMO_CLIENT_ID;
    private static final String ALICE = "auth0|alice";

    private static LocalTenant tenant;
    private static SignInService service;
    private static KeyPair attackerKeys;
    private static final Messages MESSAGES = Messages.forDefaultLocale();
    private static final ErrorTranslator TRANSLATOR = new ErrorTranslator(Clock.systemUTC());

    @BeforeAll
    static void startTenant() throws Exception {
        tenant = LocalTenant.builder().seedDemoUsers(true).start();
        TenantSettings settings = new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                CLIENT_ID,
                List.of(),
                URI.create(LocalTenant.LOOPBACK_REDIRECT_URI));
        service = new SignInService(settings, Clock.systemUTC(), Locale.ENGLISH);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        attackerKeys = generator.generateKeyPair();
    }

    @AfterAll
    static void stopTenant() {
        tenant.close();
    }

    @AfterEach
    void clearFaults() {
        tenant.faults().clear();
    }

    /** What a well-formed ID token for this sign-in would carry; each case bends one thing. */
    record Mint(String nonce, Instant now) {
        JWTCreator.Builder valid() {
            return JWT.create()
                    .withKeyId(tenant.keyId())
                    .withIssuer(tenant.issuer())
                    .withAudience(CLIENT_ID)
                    .withSubject(ALICE)
                    .withClaim("nonce", nonce)
                    .withClaim("email", "alice@example.com")
                    .withClaim("email_verified", true)
                    .withIssuedAt(Date.from(now))
                    .withExpiresAt(Date.from(now.plusSeconds(3600)))
                    .withClaim("auth_time", now.getEpochSecond());
        }

        String signedByTenant(JWTCreator.Builder builder) {
            return builder.sign(
                    Algorithm.RSA256((RSAPublicKey) tenant.signingKeyPair().getPublic(), (RSAPrivateKey)
                            tenant.signingKeyPair().getPrivate()));
        }
    }

    private static Arguments hostile(String name, Function<Mint, String> token) {
        return Arguments.of(name, token, false);
    }

    private static Arguments hostileForFreshLogin(String name, Function<Mint, String> token) {
        return Arguments.of(name, token, true);
    }

    static Stream<Arguments> hostileIdTokens() {
        return Stream.of(
                hostile("alg none", mint -> mint.valid().sign(Algorithm.none())),
                hostile(
                        "HS256 signed with the tenant's public key (algorithm confusion)",
                        mint -> mint.valid()
                                .sign(Algorithm.HMAC256(
                                        tenant.signingKeyPair().getPublic().getEncoded()))),
                hostile(
                        "unknown kid",
                        mint -> mint.valid()
                                .withKeyId("attacker-key")
                                .sign(Algorithm.RSA256((RSAPublicKey) attackerKeys.getPublic(), (RSAPrivateKey)
                                        attackerKeys.getPrivate()))),
                hostile(
                        "the tenant's kid but another key",
                        mint -> mint.valid()
                                .sign(Algorithm.RSA256((RSAPublicKey) attackerKeys.getPublic(), (RSAPrivateKey)
                                        attackerKeys.getPrivate()))),
                hostile("tampered payload (sub changed after signing)", mint -> {
                    String[] parts = mint.signedByTenant(mint.valid()).split("\\.");
                    String otherPayload = mint.signedByTenant(mint.valid().withSubject("auth0|bob"))
                            .split("\\.")[1];
                    return parts[0] + "." + otherPayload + "." + parts[2];
                }),
                hostile("tampered signature", mint -> {
                    String token = mint.signedByTenant(mint.valid());
                    char last = token.charAt(token.length() - 5);
                    return token.substring(0, token.length() - 5)
                            + (last == 'A' ? 'B' : 'A')
                            + token.substring(token.length() - 4);
                }),
                hostile("wrong issuer", mint -> mint.signedByTenant(mint.valid().withIssuer("https://evil.example/"))),
                hostile(
                        "issuer without the trailing slash",
                        mint -> mint.signedByTenant(mint.valid().withIssuer(tenant.baseUrl()))),
                hostile(
                        "wrong audience",
                        mint -> mint.signedByTenant(mint.valid().withAudience("another-client"))),
                hostile(
                        "several audiences without azp",
                        mint -> mint.signedByTenant(mint.valid().withAudience(CLIENT_ID, "another-client"))),
                hostile(
                        "several audiences with the wrong azp",
                        mint -> mint.signedByTenant(mint.valid()
                                .withAudience(CLIENT_ID, "another-client")
                                .withClaim("azp", "another-client"))),
                hostile(
                        "one audience with another client's azp",
                        mint -> mint.signedByTenant(mint.valid().withClaim("azp", "another-client"))),
                hostile(
                        "expired",
                        mint -> mint.signedByTenant(mint.valid()
                                .withIssuedAt(Date.from(mint.now().minusSeconds(7200)))
                                .withExpiresAt(Date.from(mint.now().minusSeconds(3600))))),
                hostile(
                        "issued in the future beyond the leeway",
                        mint -> mint.signedByTenant(mint.valid()
                                .withIssuedAt(Date.from(mint.now().plusSeconds(600)))
                                .withExpiresAt(Date.from(mint.now().plusSeconds(4200))))),
                hostile(
                        "auth_time in the future beyond the leeway",
                        mint -> mint.signedByTenant(mint.valid()
                                .withClaim(
                                        "auth_time", mint.now().plusSeconds(600).getEpochSecond()))),
                hostile(
                        "missing sub",
                        mint -> mint.signedByTenant(JWT.create()
                                .withKeyId(tenant.keyId())
                                .withIssuer(tenant.issuer())
                                .withAudience(CLIENT_ID)
                                .withClaim("nonce", mint.nonce())
                                .withIssuedAt(Date.from(mint.now()))
                                .withExpiresAt(Date.from(mint.now().plusSeconds(3600))))),
                hostile(
                        "missing nonce",
                        mint -> mint.signedByTenant(mint.valid().withClaim("nonce", (String) null))),
                hostile(
                        "another sign-in's nonce",
                        mint -> mint.signedByTenant(mint.valid().withClaim("nonce", "replayed-nonce"))),
                hostile("not a JWT at all", mint -> "this-is-not-a-token"),
                hostileForFreshLogin(
                        "fresh login required but auth_time missing",
                        mint -> mint.signedByTenant(mint.valid().withClaim("auth_time", (Long) null))),
                hostileForFreshLogin(
                        "fresh login required but the session is ten minutes old",
                        mint -> mint.signedByTenant(mint.valid()
                                .withClaim(
                                        "auth_time",
                                        mint.now().minusSeconds(600).getEpochSecond()))));
    }

    private static AuthorizationRequest authorize(boolean freshLogin) {
        return service.newAuthorization(
                freshLogin ? AuthorizeOptions.secondAccount(Optional.empty()) : AuthorizeOptions.primarySignIn());
    }

    /** A real login on the tenant's page: the callback carries a real code and our state. */
    private static CallbackResponse realCallback(AuthorizationRequest request) {
        URI callback = new TenantBrowser().signIn(request.url(), "alice@example.com", "Alice-Demo-1");
        return CallbackResponse.match(callback.toString(), request.redirectUri())
                .orElseThrow();
    }

    private static void tokenEndpointAnswers(String idToken) {
        tenant.faults()
                .inject(Faults.on("POST", "/oauth/token")
                        .respond(
                                200,
                                "{\"access_token\":\"opaque-access-token\",\"id_token\":\"" + idToken
                                        + "\",\"token_type\":\"Bearer\",\"expires_in\":86400}"));
    }

    private static void assertRefusedClearly(
            AuthException refusal, AuthException.Reason reason, String messageStart, String... secrets) {
        assertEquals(reason, refusal.reason());
        String shown = MESSAGES.format(TRANSLATOR.translate(refusal));
        assertTrue(shown.startsWith(messageStart), shown);
        for (String secret : secrets) {
            assertFalse(shown.contains(secret), "the message must not carry the token or code");
            assertFalse(String.valueOf(refusal.getMessage()).contains(secret), "nor the exception message");
        }
        assertFalse(shown.contains("eyJ"), shown);
    }

    @Test
    void theHarnessAcceptsAWellFormedToken() throws Exception {
        AuthorizationRequest request = authorize(false);
        CallbackResponse callback = realCallback(request);
        Mint mint = new Mint(request.nonce(), Instant.now());
        tokenEndpointAnswers(mint.signedByTenant(mint.valid()));
        assertEquals(ALICE, service.complete(request, callback).claims().subject());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIdTokens")
    void aHostileIdTokenIsRefused(String name, Function<Mint, String> hostileToken, boolean freshLogin) {
        AuthorizationRequest request = authorize(freshLogin);
        CallbackResponse callback = realCallback(request);
        String token = hostileToken.apply(new Mint(request.nonce(), Instant.now()));
        tokenEndpointAnswers(token);
        int managementCallsBefore = managementCalls();

        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(request, callback), name);

        assertRefusedClearly(
                refusal, AuthException.Reason.INVALID_ID_TOKEN, "The identity token could not be trusted", token);
        String shown = MESSAGES.format(TRANSLATOR.translate(refusal));
        assertTrue(
                java.util.Arrays.stream(IdTokenProblem.values())
                        .anyMatch(problem -> shown.equals("The identity token could not be trusted, so sign-in was"
                                + " stopped: " + MESSAGES.get(problem.messageKey()))),
                "a fixed text, whatever the token says: " + shown);
        for (String content : List.of("evil.example", "another-client", "replayed-nonce", "attacker-key", "bob")) {
            assertFalse(shown.contains(content) || refusal.getMessage().contains(content), shown);
        }
        assertEquals(managementCallsBefore, managementCalls(), "nothing is read or changed with a refused token");
    }

    private static int managementCalls() {
        return (int) tenant.requests().stream()
                .filter(r -> r.path().startsWith("/api/v2/"))
                .count();
    }

    @Test
    void aCallbackWithoutStateIsRefused() {
        AuthorizationRequest request = authorize(false);
        CallbackResponse real = realCallback(request);
        CallbackResponse withoutState =
                new CallbackResponse(real.code(), Optional.empty(), Optional.empty(), Optional.empty());
        long exchanges = tokenRequests();
        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(request, withoutState));
        assertRefusedClearly(
                refusal,
                AuthException.Reason.STATE_MISMATCH,
                "The sign-in answer did not belong",
                real.code().get());
        assertEquals(exchanges, tokenRequests(), "the code is never exchanged for a foreign or missing state");
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() {
        AuthorizationRequest request = authorize(false);
        CallbackResponse real = realCallback(request);
        CallbackResponse forged =
                new CallbackResponse(real.code(), Optional.of("attacker-state"), Optional.empty(), Optional.empty());
        long exchanges = tokenRequests();
        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(request, forged));
        assertRefusedClearly(
                refusal,
                AuthException.Reason.STATE_MISMATCH,
                "The sign-in answer did not belong",
                real.code().get());
        assertEquals(exchanges, tokenRequests(), "the code is never exchanged for a foreign or missing state");
    }

    @Test
    void anAccessDeniedCallbackShowsTheReason() {
        AuthorizationRequest request = authorize(false);
        CallbackResponse denied = new CallbackResponse(
                Optional.empty(),
                Optional.of(request.state()),
                Optional.of("access_denied"),
                Optional.of("The user denied access"));
        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(request, denied));
        assertRefusedClearly(
                refusal, AuthException.Reason.AUTHORIZATION_ERROR, "Sign-in did not complete: The user denied access");
    }

    @Test
    void aReplayedCodeIsRefused() throws Exception {
        AuthorizationRequest request = authorize(false);
        CallbackResponse callback = realCallback(request);
        service.complete(request, callback);
        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(request, callback));
        assertRefusedClearly(
                refusal,
                AuthException.Reason.TOKEN_REJECTED,
                "The tenant refused to complete the sign-in",
                callback.code().get());
    }

    @Test
    void aCodeRedeemedWithAnotherPkceVerifierIsRefused() {
        AuthorizationRequest request = authorize(false);
        CallbackResponse callback = realCallback(request);
        AuthorizationRequest otherVerifier = new AuthorizationRequest(
                request.url(),
                request.state(),
                request.nonce(),
                Pkce.generate(new java.security.SecureRandom()),
                request.redirectUri(),
                request.maxAgeSeconds());
        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(otherVerifier, callback));
        assertRefusedClearly(
                refusal,
                AuthException.Reason.TOKEN_REJECTED,
                "The tenant refused to complete the sign-in",
                callback.code().get());
    }

    @Test
    void aRotatedSigningKeyIsFetchedOnceAndAnUnknownOneStillFails() throws Exception {
        AuthorizationRequest first = authorize(false);
        service.complete(first, realCallback(first));
        long jwksFetches = jwksFetches();

        tenant.rotateSigningKey();
        AuthorizationRequest second = authorize(false);
        assertEquals(
                ALICE, service.complete(second, realCallback(second)).claims().subject());
        assertEquals(jwksFetches + 1, jwksFetches(), "an unknown kid makes the validator refetch the keys once");

        AuthorizationRequest third = authorize(false);
        CallbackResponse callback = realCallback(third);
        Mint mint = new Mint(third.nonce(), Instant.now());
        tokenEndpointAnswers(mint.valid()
                .withKeyId("never-published")
                .sign(Algorithm.RSA256(
                        (RSAPublicKey) attackerKeys.getPublic(), (RSAPrivateKey) attackerKeys.getPrivate())));
        AuthException refusal = assertThrows(AuthException.class, () -> service.complete(third, callback));
        assertEquals(AuthException.Reason.INVALID_ID_TOKEN, refusal.reason());
    }

    private static long jwksFetches() {
        return tenant.requests().stream()
                .filter(r -> r.path().equals("/.well-known/jwks.json"))
                .count();
    }

    private static long tokenRequests() {
        return tenant.requests().stream()
                .filter(r -> r.path().equals("/oauth/token"))
                .count();
    }

    private static SignedInAccount signInAlice() throws Exception {
        AuthorizationRequest request = authorize(false);
        return service.complete(request, realCallback(request));
    }

    @Test
    void aLinkWithTokenIssuedForAnotherClientIsRefusedAndChangesNothing() throws Exception {
        SignedInAccount alice = signInAlice();
        String google = "google-oauth2|109876543210987654321";
        Mint mint = new Mint("n", Instant.now());
        String foreignToken =
                mint.signedByTenant(mint.valid().withSubject(google).withAudience("another-client"));
        AccountClient client = new AccountClient(
                service.settings(), alice.tokens().accessToken(), RequestPolicy.sleeping(Clock.systemUTC()));

        var refusal = assertThrows(
                com.auth0.client.mgmt.core.ManagementApiException.class, () -> client.link(ALICE, foreignToken));
        assertEquals(400, refusal.statusCode());
        String shown = MESSAGES.format(TRANSLATOR.translate(refusal));
        assertTrue(shown.startsWith("The account service refused the request"), shown);
        assertFalse(shown.contains(foreignToken));
        assertTrue(tenant.user(google).isPresent(), "the other account is untouched");
        assertEquals(1, tenant.user(ALICE).orElseThrow().identities().size());
    }

    @Test
    void aSecondAccountThatIsTheMainAccountIsRefusedBeforeAnyRequest() throws Exception {
        SignedInAccount alice = signInAlice();
        Account account = new AccountClient(
                        service.settings(), alice.tokens().accessToken(), RequestPolicy.sleeping(Clock.systemUTC()))
                .fetch(ALICE);
        long requests = tenant.requests().size();
        var refusal = dev.accountlinker.linking.LinkGuard.check(account, alice.claims());
        assertTrue(refusal.isPresent());
        assertEquals("link.refused.same", refusal.get().key());
        assertEquals(requests, tenant.requests().size(), "the guard refuses without asking the tenant");
    }

    @Test
    void tokensAreNotDecodableFromTheirToString() {
        Tokens tokens = new Tokens("id.token.value", "access.token.value", "openid", Instant.now());
        assertFalse(tokens.toString().contains("token.value"));
    }
}
