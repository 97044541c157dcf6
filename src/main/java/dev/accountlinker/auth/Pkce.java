package dev.accountlinker.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Proof Key for Code Exchange (RFC 7636) with the S256 method; the verifier never leaves memory. */
public final class Pkce {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String verifier;
    private final String challenge;

    private Pkce(String verifier) {
        this.verifier = verifier;
        this.challenge = challengeFor(verifier);
    }

    /** 32 random bytes give a 43-character verifier, the minimum RFC 7636 allows and what Auth0's SDKs use. */
    public static Pkce generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new Pkce(BASE64URL.encodeToString(bytes));
    }

    public static Pkce fromVerifier(String verifier) {
        return new Pkce(verifier);
    }

    public static String challengeFor(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    public String verifier() {
        return verifier;
    }

    public String challenge() {
        return challenge;
    }

    @Override
    public String toString() {
        return "Pkce[S256]";
    }
}
