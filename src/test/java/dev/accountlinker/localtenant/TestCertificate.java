package dev.accountlinker.localtenant;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for an HTTPS local tenant, made by the JDK's {@code keytool} (tests only: the shipped
 * demo never makes one). {@link #trustStore()} holds just the certificate, for a JVM that should trust it
 * ({@code javax.net.ssl.trustStore}); a JVM without it gets a real TLS failure.
 *
 * @param keyStore   PKCS12 with the private key, for the tenant's server
 * @param trustStore PKCS12 with only the certificate
 */
public record TestCertificate(Path keyStore, Path trustStore, String password) {
    private static final String ALIAS = "tenant";

    /** A certificate for {@code dnsName} and 127.0.0.1, valid for two days, in {@code folder}. */
    public static TestCertificate create(Path folder, String dnsName) {
        try {
            Files.createDirectories(folder);
            Path keys = folder.resolve("tenant-keys.p12");
            Path trust = folder.resolve("tenant-trust.p12");
            for (Path old : List.of(keys, trust)) {
                Files.deleteIfExists(old);
            }
            String password = "test-only-" + Long.toHexString(System.nanoTime());
            keytool(
                    "-genkeypair",
                    "-alias",
                    ALIAS,
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=" + dnsName,
                    "-ext",
                    "SAN=dns:" + dnsName + ",ip:127.0.0.1",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keys.toString(),
                    "-storepass",
                    password,
                    "-keypass",
                    password);
            // The trust store is written here rather than by two more keytool runs: each is a JVM start (1–2 s).
            KeyStore server = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keys)) {
                server.load(in, password.toCharArray());
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, server.getCertificate(ALIAS));
            try (OutputStream out = Files.newOutputStream(trust)) {
                trusted.store(out, password.toCharArray());
            }
            return new TestCertificate(keys, trust, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not make a test certificate", e);
        }
    }

    /** The server side: what {@code LocalTenant.builder().https(...)} takes. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the test certificate", e);
        }
    }

    /** Makes this JVM trust the certificate (and only it): call before the first TLS connection of the JVM. */
    public void trustInThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", password);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
