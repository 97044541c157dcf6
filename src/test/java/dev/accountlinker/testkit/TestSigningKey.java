package dev.accountlinker.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RS256 key pair of every tenant the kit starts ({@code LocalTenant.Builder.signingKey}), read from the kit's
 * {@code test-signing-key.pem}. Making a 2048-bit key cost each test JVM 2–3 s of CPU on the way to its first window
 * (the UI JVMs run at C1, which has no big-integer intrinsics); reading a fixed one costs milliseconds. The key is
 * public, which is fine for a tenant on loopback and nothing else. Each tenant still has a key id of its own, and a
 * rotation still makes a new key.
 */
public final class TestSigningKey {
    private static final String RESOURCE = "test-signing-key.pem";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private TestSigningKey() {}

    /** The key pair, read once per JVM. */
    public static KeyPair shared() {
        return Holder.KEY;
    }

    private static final class Holder {
        static final KeyPair KEY = read();
    }

    private static KeyPair read() {
        try (InputStream in = TestSigningKey.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.substring(pem.indexOf(BEGIN) + BEGIN.length(), pem.indexOf(END));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
            return new KeyPair(
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())),
                    privateKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
