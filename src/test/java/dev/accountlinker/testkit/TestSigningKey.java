package dev.accountlinker.testkit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;

/**
 * One RS256 key pair for every tenant the kit starts in a JVM ({@code LocalTenant.Builder.signingKey}). Making a
 * 2048-bit key took 0.1–0.5 s per tenant on a busy machine and up to 2.6 s for the first one of a fresh JVM, on the
 * way to each test's first window. It is made once, on a thread of its own from the moment the kit is loaded, while
 * JavaFX starts. Each tenant still has a key id of its own, and a rotation still makes a new key.
 */
final class TestSigningKey {
    private static final CompletableFuture<KeyPair> KEY = CompletableFuture.supplyAsync(TestSigningKey::generate);

    private TestSigningKey() {}

    /** Starts making the key (loading the class does). */
    static void prepare() {}

    static KeyPair shared() {
        return KEY.join();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }
}
