package dev.accountlinker.ui;

import dev.accountlinker.OwnJvm;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.RecordedRequest;
import dev.accountlinker.localtenant.TestCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded sign-in's default callback, {@code https://{domain}/mobile} on the tenant's own address (Auth0's
 * WPF/WinForms pattern), proven with a real certificate: the tenant serves TLS with one made for this test, which this
 * JVM (and only it: UI test classes have their own) trusts. The redirect to that https URL is caught in the WebView's
 * {@code locationProperty} and cancelled before any request is made (the tenant never sees {@code GET /mobile}), and
 * Auth0's "confirm this app" page never shows: the callback is verifiable.
 */
@OwnJvm("makes the JVM trust the test certificate (javax.net.ssl.trustStore, read once per JVM)")
class HttpsCallbackUiTest extends AppUiTestSupport {
    private static Path certificates;
    private static TestCertificate certificate;

    @BeforeAll
    static void trustTheTenantsCertificate() throws IOException {
        certificates = Files.createTempDirectory("https-callback-ui-test");
        certificate = TestCertificate.create(certificates, "acme.test");
        certificate.trustInThisJvm(); // before any TLS connection of this JVM
    }

    @AfterAll
    static void removeCertificates() throws IOException {
        try (var files = Files.walk(certificates)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    protected LocalTenant.Builder configureTenant(LocalTenant.Builder builder) {
        return builder.https(certificate.serverContext());
    }

    @Test
    void theHttpsCallbackOnTheTenantsOwnDomainIsCaughtBeforeAnyRequestAndNeedsNoConfirmation() {
        assertTrue(tenant.baseUrl().startsWith("https://127.0.0.1:"), tenant.baseUrl());
        String callback = tenant.baseUrl() + "/mobile";
        assertEquals(
                callback, services.config().tenant().orElseThrow().redirectUri().toString());

        // The first TLS connections of this JVM (WebKit's and the SDK's) set up their crypto: on a machine shared
        // with other builds that alone took over 30 s once. Every wait is still on a condition.
        timeout(Duration.ofSeconds(120));
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        confirmLink();
        waitForIdentityCount(2);

        List<RecordedRequest> authorizations = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .toList();
        assertEquals(2, authorizations.size());
        authorizations.forEach(
                r -> assertTrue(r.query().contains("redirect_uri=" + callback), "the https callback: " + r.query()));
        assertEquals(0, callbacks.hits(), "the redirect was caught in the window: GET /mobile never left it");
        assertEquals(
                0,
                tenant.requests().stream()
                        .filter(r -> r.path().startsWith("/u/confirm"))
                        .count(),
                "a verifiable callback: no \"confirm this app\"");
        assertTrue(tenant.requests().stream().anyMatch(r -> r.path().equals("/oauth/token")), "the code was used");
    }
}
