package dev.accountlinker.auth;

import com.auth0.exception.IdTokenValidationException;
import com.auth0.exception.PublicKeyProviderException;
import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.utils.tokens.IdTokenVerifier;
import com.auth0.utils.tokens.SignatureVerifier;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Validates ID tokens with auth0-java's {@link IdTokenVerifier} (RS256 signature from the tenant's JWKS,
 * iss, aud, azp, exp, nonce, max_age) and adds the checks it skips: an {@code iat} or {@code auth_time} in the
 * future beyond the leeway, and an {@code azp} of another client with a single audience. Each refusal names the
 * check ({@link IdTokenProblem}), never what the token says.
 */
public final class IdTokenValidator {
    public static final int LEEWAY_SECONDS = 60;

    private final IdTokenVerifier verifier;
    private final String clientId;
    private final Clock clock;

    public IdTokenValidator(String issuer, String clientId, JwkProvider keys, Clock clock) {
        this.verifier = IdTokenVerifier.init(issuer, clientId, SignatureVerifier.forRS256(kid -> rsaKey(keys, kid)))
                .withLeeway(LEEWAY_SECONDS)
                .build();
        this.clientId = clientId;
        this.clock = clock;
    }

    private static RSAPublicKey rsaKey(JwkProvider keys, String keyId) throws PublicKeyProviderException {
        try {
            PublicKey key = keys.get(keyId).getPublicKey();
            if (key instanceof RSAPublicKey rsaKey) {
                return rsaKey;
            }
            throw new PublicKeyProviderException("The signing key is not an RSA key");
        } catch (JwkException e) {
            throw new PublicKeyProviderException("No signing key with the token's key id could be fetched", e);
        }
    }

    /**
     * @param maxAgeSeconds when the authorize request carried {@code max_age}, auth_time must be present and recent
     * @throws AuthException {@link AuthException#invalidIdToken} naming the check that failed, never the token's content
     */
    public IdTokenClaims validate(String idToken, String expectedNonce, Optional<Integer> maxAgeSeconds)
            throws AuthException {
        if (idToken == null || idToken.isEmpty()) {
            throw AuthException.invalidIdToken(IdTokenProblem.MISSING);
        }
        if (expectedNonce == null || expectedNonce.isEmpty()) {
            throw AuthException.invalidIdToken(IdTokenProblem.NONCE); // no nonce was sent for this sign-in
        }
        DecodedJWT jwt;
        try {
            verifier.verify(idToken, expectedNonce, maxAgeSeconds.orElse(null));
            jwt = JWT.decode(idToken);
        } catch (IdTokenValidationException e) {
            // Its message quotes what the token says (issuer, audience, nonce, key id): only the check is kept.
            throw AuthException.invalidIdToken(IdTokenProblem.fromVerifierMessage(e.getMessage()));
        } catch (RuntimeException unreadable) {
            // A claim of the wrong type, say: the token is refused all the same, without its content.
            throw AuthException.invalidIdToken(IdTokenProblem.MALFORMED);
        }
        // The verifier compares azp only when there are several audiences; a present azp names who asked for the
        // token, so one that is not this app is refused even with a single audience (OIDC Core 3.1.3.7).
        Claim authorizedParty = jwt.getClaim("azp");
        if (!authorizedParty.isMissing() && !clientId.equals(authorizedParty.asString())) {
            throw AuthException.invalidIdToken(IdTokenProblem.AUTHORIZED_PARTY);
        }
        Instant latestAcceptable = clock.instant().plusSeconds(LEEWAY_SECONDS);
        Date issuedAt = jwt.getIssuedAt();
        if (issuedAt == null || issuedAt.toInstant().isAfter(latestAcceptable)) {
            throw AuthException.invalidIdToken(IdTokenProblem.ISSUED_AT);
        }
        Claim authTime = jwt.getClaim("auth_time");
        if (!authTime.isMissing()
                && !authTime.isNull()
                && authTime.asDate() != null
                && authTime.asDate().toInstant().isAfter(latestAcceptable)) {
            throw AuthException.invalidIdToken(IdTokenProblem.AUTH_TIME);
        }
        return new IdTokenClaims(
                jwt.getSubject(),
                Optional.ofNullable(jwt.getClaim("email").asString()),
                Boolean.TRUE.equals(jwt.getClaim("email_verified").asBoolean()),
                Optional.ofNullable(jwt.getClaim("name").asString()),
                Optional.ofNullable(jwt.getClaim("picture").asString()),
                issuedAt.toInstant(),
                authTime.isMissing() || authTime.isNull() || authTime.asDate() == null
                        ? Optional.empty()
                        : Optional.of(authTime.asDate().toInstant()));
    }
}
