package dev.accountlinker.localtenant;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Holds the tenant's RS256 signing key, signs ID/access tokens and verifies the tokens it issued. */
final class TokenIssuer {

    /** Why a token was refused; the message is safe to show (it never contains the token). */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    private record SigningKey(KeyPair pair, String kid, Algorithm algorithm) {}

    private final Clock clock;
    private volatile SigningKey key;

    /** @param firstKey the key to sign with until the first rotation; {@code null} makes a new one */
    TokenIssuer(Clock clock, KeyPair firstKey) {
        this.clock = clock;
        use(firstKey != null ? firstKey : newKeyPair());
    }

    /** A new key pair under a new key id; tokens signed with the old one are refused from now on. */
    void rotate() {
        use(newKeyPair());
    }

    private void use(KeyPair pair) {
        // The key id is the tenant's own even when the key pair was handed in, so tenants never accept each other's
        // tokens.
        String kid = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        key = new SigningKey(
                pair, kid, Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    KeyPair keyPair() {
        return key.pair();
    }

    String keyId() {
        return key.kid();
    }

    String sign(Map<String, Object> claims) {
        SigningKey k = key;
        return JWT.create().withKeyId(k.kid()).withPayload(claims).sign(k.algorithm());
    }

    /** JWKS document: only the current key is published (a rotation retires the old one at once). */
    Map<String, Object> jwks() {
        SigningKey k = key;
        RSAPublicKey pub = (RSAPublicKey) k.pair().getPublic();
        return Map.of(
                "keys",
                List.of(Json.object(
                        "kty",
                        "RSA",
                        "use",
                        "sig",
                        "alg",
                        "RS256",
                        "kid",
                        k.kid(),
                        "n",
                        base64Url(pub.getModulus()),
                        "e",
                        base64Url(pub.getPublicExponent()))));
    }

    /**
     * Checks algorithm, key id, signature, expiry (with the tenant clock) and issuer.
     * Audience checks are left to the caller because access tokens and ID tokens differ there.
     */
    DecodedJWT verify(String token, String issuer) throws InvalidTokenException {
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw new InvalidTokenException("Invalid token: not a JWT");
        }
        SigningKey k = key;
        if (!"RS256".equals(jwt.getAlgorithm())) {
            throw new InvalidTokenException("Invalid token: algorithm must be RS256");
        }
        if (!k.kid().equals(jwt.getKeyId())) {
            throw new InvalidTokenException("Invalid token: unknown signing key");
        }
        try {
            k.algorithm().verify(jwt);
        } catch (SignatureVerificationException e) {
            throw new InvalidTokenException("Invalid token: invalid signature");
        }
        Instant exp = jwt.getExpiresAtAsInstant();
        if (exp == null || !clock.instant().isBefore(exp)) {
            throw new InvalidTokenException("Expired token");
        }
        if (!issuer.equals(jwt.getIssuer())) {
            throw new InvalidTokenException("Invalid token: wrong issuer");
        }
        return jwt;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            // BigInteger adds a sign byte; JWK wants the unsigned big-endian bytes.
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
