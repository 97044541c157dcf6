package dev.accountlinker.auth;

import com.auth0.jwk.Jwk;
import com.auth0.jwk.SigningKeyNotFoundException;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ID token checker on its own, with tokens signed by a test key it knows (and one it does not): every refusal is
 * one fixed reason from the bundles, never what the token says; a present {@code azp} must be this app.
 */
class IdTokenValidatorTest {
    private static final String ISSUER = "https://acme.eu.auth0.com/";
    private static final String CLIENT_ID = "native-client-id";
    private static final String NONCE = "the-nonce-of-this-attempt";
    private static final String KEY_ID = "tenant-key";
    /** Values a hostile token carries that no message may repeat. */
    private static final List<String> TOKEN_CONTENT =
            List.of("evil.example", "another-client", "replayed-nonce", "attacker-key", "auth0|mallory", "eyJ");

    private static final KeyPair TENANT_KEYS = rsaKeys();
    private static final KeyPair ATTACKER_KEYS = rsaKeys();
    private static final Messages MESSAGES = Messages.forLocale(Locale.ENGLISH);
    private static final ErrorTranslator TRANSLATOR = new ErrorTranslator(Clock.systemUTC());

    private final Instant now = Instant.now();
    private final IdTokenValidator validator =
            new IdTokenValidator(ISSUER, CLIENT_ID, IdTokenValidatorTest::publishedKey, Clock.systemUTC());

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tenant's JWKS: one RS256 key. */
    private static Jwk publishedKey(String keyId) throws SigningKeyNotFoundException {
        if (!KEY_ID.equals(keyId)) {
            throw new SigningKeyNotFoundException("no key " + keyId, null);
        }
        RSAPublicKey key = (RSAPublicKey) TENANT_KEYS.getPublic();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kid", KEY_ID);
        values.put("kty", "RSA");
        values.put("alg", "RS256");
        values.put("use", "sig");
        values.put("n", base64Url(key.getModulus()));
        values.put("e", base64Url(key.getPublicExponent()));
        return Jwk.fromValues(values);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private JWTCreator.Builder valid() {
        return JWT.create()
                .withKeyId(KEY_ID)
                .withIssuer(ISSUER)
                .withAudience(CLIENT_ID)
                .withSubject("auth0|alice")
                .withClaim("nonce", NONCE)
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plusSeconds(3600)))
                .withClaim("auth_time", now.getEpochSecond());
    }

    private static String signedByTenant(JWTCreator.Builder token) {
        return token.sign(
                Algorithm.RSA256((RSAPublicKey) TENANT_KEYS.getPublic(), (RSAPrivateKey) TENANT_KEYS.getPrivate()));
    }

    private IdTokenProblem refusal(String token, Optional<Integer> maxAge) {
        AuthException refused = assertThrows(AuthException.class, () -> validator.validate(token, NONCE, maxAge));
        assertEquals(AuthException.Reason.INVALID_ID_TOKEN, refused.reason());
        String shown = MESSAGES.format(TRANSLATOR.translate(refused));
        IdTokenProblem problem = refused.idTokenProblem().orElseThrow();
        assertEquals(
                "The identity token could not be trusted, so sign-in was stopped: "
                        + MESSAGES.get(problem.messageKey()),
                shown,
                "one fixed text");
        for (String content : TOKEN_CONTENT) {
            assertFalse(shown.contains(content), shown);
            assertFalse(String.valueOf(refused.getMessage()).contains(content), refused.getMessage());
        }
        assertTrue(token.isEmpty() || !String.valueOf(refused.getMessage()).contains(token));
        return problem;
    }

    private IdTokenProblem refusal(UnaryOperator<JWTCreator.Builder> bend) {
        return refusal(signedByTenant(bend.apply(valid())), Optional.empty());
    }

    @Test
    void aWellFormedTokenIsAccepted() throws Exception {
        IdTokenClaims claims = validator.validate(signedByTenant(valid()), NONCE, Optional.of(600));
        assertEquals("auth0|alice", claims.subject());
        assertEquals(
                "auth0|alice",
                validator
                        .validate(signedByTenant(valid().withClaim("azp", CLIENT_ID)), NONCE, Optional.empty())
                        .subject(),
                "an azp that is this app is fine");
    }

    @Test
    void anAuthorizedPartyOtherThanThisAppIsRefusedEvenWithASingleAudience() {
        assertEquals(IdTokenProblem.AUTHORIZED_PARTY, refusal(token -> token.withClaim("azp", "another-client")));
        assertEquals(IdTokenProblem.AUTHORIZED_PARTY, refusal(token -> token.withClaim("azp", 42)));
        assertEquals(
                IdTokenProblem.AUTHORIZED_PARTY,
                refusal(token -> token.withAudience(CLIENT_ID, "another-client")),
                "several audiences without azp");
    }

    @Test
    void eachFailedCheckIsOneFixedReasonThatRepeatsNothingOfTheToken() {
        assertEquals(IdTokenProblem.ISSUER, refusal(token -> token.withIssuer("https://evil.example/")));
        assertEquals(IdTokenProblem.AUDIENCE, refusal(token -> token.withAudience("another-client")));
        assertEquals(IdTokenProblem.NONCE, refusal(token -> token.withClaim("nonce", "replayed-nonce")));
        assertEquals(IdTokenProblem.NONCE, refusal(token -> token.withClaim("nonce", (String) null)));
        assertEquals(
                IdTokenProblem.EXPIRED,
                refusal(token -> token.withIssuedAt(Date.from(now.minusSeconds(7200)))
                        .withExpiresAt(Date.from(now.minusSeconds(3600)))));
        assertEquals(
                IdTokenProblem.ISSUED_AT,
                refusal(token -> token.withIssuedAt(Date.from(now.plusSeconds(600)))
                        .withExpiresAt(Date.from(now.plusSeconds(4200)))));
        assertEquals(
                IdTokenProblem.AUTH_TIME,
                refusal(token ->
                        token.withClaim("auth_time", now.plusSeconds(600).getEpochSecond())));
        assertEquals(
                IdTokenProblem.AUTH_TIME,
                refusal(signedByTenant(valid().withClaim("auth_time", (Long) null)), Optional.of(0)),
                "max_age sent, auth_time missing");
        assertEquals(
                IdTokenProblem.SUBJECT,
                refusal(
                        signedByTenant(JWT.create()
                                .withKeyId(KEY_ID)
                                .withIssuer(ISSUER)
                                .withAudience(CLIENT_ID)
                                .withClaim("nonce", NONCE)
                                .withIssuedAt(Date.from(now))
                                .withExpiresAt(Date.from(now.plusSeconds(3600)))),
                        Optional.empty()));
        assertEquals(
                IdTokenProblem.SIGNATURE,
                refusal(
                        valid().withKeyId("attacker-key")
                                .sign(Algorithm.RSA256((RSAPublicKey) ATTACKER_KEYS.getPublic(), (RSAPrivateKey)
                                        ATTACKER_KEYS.getPrivate())),
                        Optional.empty()));
        assertEquals(
                IdTokenProblem.SIGNATURE,
                refusal(
                        valid().sign(Algorithm.RSA256(
                                (RSAPublicKey) ATTACKER_KEYS.getPublic(), (RSAPrivateKey) ATTACKER_KEYS.getPrivate())),
                        Optional.empty()));
        assertEquals(IdTokenProblem.SIGNATURE, refusal(valid().sign(Algorithm.none()), Optional.empty()));
        assertEquals(IdTokenProblem.MALFORMED, refusal("this-is-not-a-token", Optional.empty()));
        assertEquals(IdTokenProblem.MISSING, refusal("", Optional.empty()));
        assertEquals(
                IdTokenProblem.NONCE, refusal(token -> token.withClaim("nonce", 12)), "a nonce that is not a string");
    }

    @Test
    void everyReasonHasItsText() {
        for (IdTokenProblem problem : IdTokenProblem.values()) {
            assertTrue(MESSAGES.has(problem.messageKey()), problem.messageKey());
        }
        assertEquals(IdTokenProblem.OTHER, IdTokenProblem.fromVerifierMessage("Organization (org_id) claim mismatch"));
        assertEquals(IdTokenProblem.OTHER, IdTokenProblem.fromVerifierMessage(null));
    }
}
