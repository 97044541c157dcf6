package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.OwnJvm;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.ProxySetting;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.RecordedRequest;
import dev.accountlinker.localtenant.TestCertificate;
import dev.accountlinker.net.TestProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind an HTTP proxy: a full sign-in, link and unlink through the real app, and nothing bypasses the proxy.
 * <p>
 * Loopback addresses never go through a proxy, so the tenant is given a name only the test's proxy can resolve,
 * {@code acme.test}, which means HTTPS (the app allows http:// only on this computer): the local tenant serves TLS
 * with a certificate made for this test, which this JVM (and only it: UI test classes have their own) trusts. The
 * proxy forwards {@code acme.test:443} to the tenant's port on 127.0.0.1 and records each connection's port; every
 * request the tenant saw must have come on one of those connections.
 */
@OwnJvm("makes the JVM trust the test certificate (javax.net.ssl.trustStore, read once per JVM)")
class ProxyUiTest extends AppUiTestSupport {
    private static Path certificates;
    private static TestCertificate certificate;
    private TestProxy proxy;

    @BeforeAll
    static void trustTheTenantsCertificate() throws IOException {
        certificates = Files.createTempDirectory("proxy-ui-test");
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
        return builder.https(certificate.serverContext()).advertisedBaseUrl("https://acme.test");
    }

    @Override
    protected AppServices createServices() throws Exception {
        proxy = TestProxy.start().route("acme.test", 443, tenant.port());
        TenantSettings settings = new TenantSettings(
                TenantAddress.parse("domain", "acme.test"),
                tenant.clientId(),
                List.of("google-oauth2", "github"),
                URI.create(callbacks.redirectUri()));
        AppConfig config = AppConfig.forTenant(settings)
                .withWays(SignInWays.embeddedOnly())
                .withProxy(new ProxySetting.Http("127.0.0.1", proxy.port()));
        return new AppServices(
                config,
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings(),
                ConfigSources.settingsFileOnly(certificates.resolve("no-settings.properties")));
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private boolean reached(String method, String pathPart) {
        return tenant.requests().stream()
                .anyMatch(r -> r.method().equals(method) && r.path().contains(pathPart));
    }

    @Test
    void aFullSignInLinkAndUnlinkGoThroughTheProxyAndNothingBypassesIt() {
        clickOn("#signInButton");
        waitForLoginForm();
        // The sign-in window's address line: the tenant's host with a lock, as a browser shows an https page.
        assertEquals("acme.test", text("#loginHostLabel"));
        assertEquals("Page from acme.test, over a secure connection", accessibleText("#loginHostLabel"));
        assertFalse(onFx(() -> lookup("#loginNotSecureLabel").query().isVisible()));
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1);
        assertEquals(
                "https://acme.test",
                services.config().tenant().orElseThrow().address().baseUrl());

        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        clickWhenReady("#unlink-github-4242424");
        waitForDialogButton("#confirmUnlinkButton");
        clickOn("#confirmUnlinkButton");
        waitForIdentityCount(1);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());

        // Everything the flow needs reached the tenant: the login pages, the token exchange, the signing keys,
        // Management API reads and writes.
        for (String[] request : List.of(
                new String[] {"GET", "/authorize"},
                new String[] {"POST", "/u/login"},
                new String[] {"POST", "/oauth/token"},
                new String[] {"GET", "/.well-known/jwks.json"},
                new String[] {"GET", "/api/v2/users/"},
                new String[] {"PATCH", "/api/v2/users/"},
                new String[] {"POST", "/identities"},
                new String[] {"DELETE", "/identities/"})) {
            assertTrue(reached(request[0], request[1]), request[0] + " " + request[1] + " never reached the tenant");
        }
        // ...and each of those requests came on a connection the proxy made: nothing went around it.
        Set<Integer> proxyConnections = proxy.forwarded().stream()
                .map(TestProxy.Forwarded::upstreamLocalPort)
                .collect(Collectors.toSet());
        List<RecordedRequest> bypassed = tenant.requests().stream()
                .filter(request -> !proxyConnections.contains(request.clientPort()))
                .toList();
        assertEquals(List.of(), bypassed, "requests that reached the tenant without the proxy");
        assertEquals(
                Set.of("CONNECT acme.test:443"),
                proxy.forwarded().stream()
                        .map(forwarded -> forwarded.method() + " " + forwarded.target())
                        .collect(Collectors.toSet()));
        assertEquals(List.of(), proxy.refused());
        assertEquals(0, callbacks.hits(), "the loopback redirect is caught in the window, never requested");
    }

    @Test
    void aProxyThatRefusesIsNamedInTheMessage() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        waitUntil(() -> !onFx(() -> lookup("#refreshButton").query().isDisabled()));

        proxy.refuseWith(502);
        clickOn("#refreshButton");
        waitUntil(() -> statusIs("error"));
        assertEquals(
                "The proxy 127.0.0.1:" + proxy.port() + " refused to connect to acme.test (it answered HTTP 502)."
                        + " Ask your network administrator whether acme.test may be reached, or check the proxy setting.",
                statusText());
    }
}
