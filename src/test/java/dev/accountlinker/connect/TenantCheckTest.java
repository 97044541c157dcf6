package dev.accountlinker.connect;

import dev.accountlinker.config.ProxySetting;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.connect.TenantCheck.Item;
import dev.accountlinker.connect.TenantCheck.Line;
import dev.accountlinker.connect.TenantCheck.Report;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TestCertificate;
import dev.accountlinker.net.ProxyRules;
import dev.accountlinker.net.TestProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connect screen's check against a real local tenant over HTTP(S): every line passing, and each way it fails
 * with its own plain sentence (never a stack trace). This JVM does not trust the test certificate, so the HTTPS
 * tenant gives a real TLS failure.
 */
class TenantCheckTest {
    private static final Messages MESSAGES = Messages.forLocale(Locale.ENGLISH);
    private static final ProxyRules DIRECT = ProxyRules.direct();

    @TempDir
    static Path certificates;

    private static TestCertificate certificate;
    private LocalTenant tenant;

    @BeforeAll
    static void makeCertificate() {
        certificate = TestCertificate.create(certificates, "acme.test");
    }

    @BeforeEach
    void startTenant() {
        tenant = LocalTenant.builder().start();
    }

    @AfterEach
    void stopTenant() {
        tenant.close();
    }

    @AfterAll
    static void nothing() {
        // the certificate folder is removed by JUnit
    }

    private static Report check(String domain, ProxyRules rules) throws Exception {
        return new TenantCheck(rules).run(TenantAddress.parse("domain", domain));
    }

    private static List<String> texts(Report report) {
        return report.lines().stream()
                .map(line -> (line.passed() ? "✓ " : "✗ ") + MESSAGES.format(line.message()))
                .toList();
    }

    private static Line only(Report report) {
        assertEquals(1, report.lines().size(), () -> "one line expected: " + texts(report));
        return report.lines().get(0);
    }

    private String discovery(String issuer, boolean withTokenEndpoint) {
        String base = tenant.baseUrl();
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + base + "/authorize\","
                + (withTokenEndpoint ? "\"token_endpoint\":\"" + base + "/oauth/token\"," : "")
                + "\"jwks_uri\":\"" + base + "/.well-known/jwks.json\"}";
    }

    @Test
    void aWorkingTenantPassesEveryLine() throws Exception {
        Report report = check(tenant.baseUrl(), DIRECT);
        assertTrue(report.passed(), () -> String.join("\n", texts(report)));
        assertEquals(
                List.of(Item.REACHABLE, Item.ISSUER, Item.SIGNING_KEYS, Item.ENDPOINTS),
                report.lines().stream().map(Line::item).toList());
        assertEquals(
                List.of(
                        "✓ " + tenant.baseUrl() + " answers as an OpenID provider.",
                        "✓ The tenant calls itself " + tenant.issuer() + ", as expected.",
                        "✓ RS256 signing keys are published (1).",
                        "✓ The authorize and token endpoints are present."),
                texts(report));
        assertEquals(2, tenant.requests().size(), "discovery and JWKS, nothing else");
    }

    @Test
    void anIssuerForAnotherDomainIsNamedWithTheDomainToUse() throws Exception {
        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/openid-configuration")
                        .respond(200, discovery("https://acme.eu.auth0.com/", true)));
        Report report = check(tenant.baseUrl(), DIRECT);
        assertFalse(report.passed());
        Line issuer = report.lines().get(1);
        assertFalse(issuer.passed());
        assertEquals(
                "The tenant calls itself https://acme.eu.auth0.com/, not " + tenant.issuer()
                        + ": its tokens would be refused. Use the domain acme.eu.auth0.com instead.",
                MESSAGES.format(issuer.message()));
        assertTrue(
                report.lines().get(0).passed()
                        && report.lines().get(2).passed()
                        && report.lines().get(3).passed(),
                () -> String.join("\n", texts(report)));
    }

    @Test
    void aTenantWithoutAnRs256KeyIsToldWhereToSwitchIt() throws Exception {
        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/jwks.json")
                        .respond(
                                200,
                                "{\"keys\":[{\"kty\":\"oct\",\"alg\":\"HS256\",\"kid\":\"x\"},"
                                        + "{\"kty\":\"RSA\",\"alg\":\"RS512\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}"));
        Line keys = check(tenant.baseUrl(), DIRECT).lines().get(2);
        assertEquals(Item.SIGNING_KEYS, keys.item());
        assertFalse(keys.passed());
        assertTrue(
                MESSAGES.format(keys.message())
                        .startsWith(
                                "No RS256 signing key is published at " + tenant.baseUrl()
                                        + "/.well-known/jwks.json. In Auth0, set the application's JSON Web Token signature algorithm to RS256"),
                MESSAGES.format(keys.message()));
    }

    @Test
    void missingEndpointsAreNamed() throws Exception {
        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/openid-configuration")
                        .respond(200, discovery(tenant.issuer(), false)));
        Line endpoints = check(tenant.baseUrl(), DIRECT).lines().get(3);
        assertFalse(endpoints.passed());
        assertEquals(
                "The tenant's settings do not name token_endpoint: sign-in needs both the authorize and the token"
                        + " endpoint.",
                MESSAGES.format(endpoints.message()));
    }

    @Test
    void somethingThatIsNotAnOpenIdProviderSaysSo() throws Exception {
        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/openid-configuration")
                        .respond(404, "{\"error\":\"not_found\"}"));
        Line line = only(check(tenant.baseUrl(), DIRECT));
        assertFalse(line.passed());
        assertEquals(
                tenant.baseUrl() + " answered, but not as an OpenID provider (HTTP 404 for"
                        + " /.well-known/openid-configuration). Check the domain: Auth0 shows it under Applications → your"
                        + " application → Settings → Domain.",
                MESSAGES.format(line.message()));
    }

    @Test
    void aCaptivePortalsPageOrRedirectIsRecognised() throws Exception {
        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/openid-configuration")
                        .respond(
                                200,
                                "<!DOCTYPE html><html><body>Welcome to Train Wi-Fi. Accept the terms.</body></html>"));
        String page = MESSAGES.format(only(check(tenant.baseUrl(), DIRECT)).message());
        assertTrue(
                page.startsWith(tenant.baseUrl() + " answered with a web page instead of the tenant's settings"
                        + " (HTTP 200). A network login page (captive portal"),
                page);

        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/openid-configuration")
                        .respond(302, "")
                        .header("Location", "http://portal.train.test/login"));
        String redirect = MESSAGES.format(only(check(tenant.baseUrl(), DIRECT)).message());
        assertTrue(
                redirect.startsWith(tenant.baseUrl()
                        + " sent the check somewhere else (http://portal.train.test/login)." + " A network login page"),
                redirect);
    }

    @Test
    void unreachableAddressesSayWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(
                "127.0.0.1 refused the connection: nothing answers at that address. Check the domain (and the port,"
                        + " if you gave one).",
                MESSAGES.format(
                        only(check("http://127.0.0.1:" + closedPort, DIRECT)).message()));
        assertEquals(
                "The name nothing-here.invalid was not found. Check the spelling of the domain, and that this"
                        + " computer is connected to the network.",
                MESSAGES.format(only(check("nothing-here.invalid", DIRECT)).message()));
    }

    @Test
    void aCertificateThisComputerDoesNotTrustIsATlsFailure() throws Exception {
        try (LocalTenant https =
                LocalTenant.builder().https(certificate.serverContext()).start()) {
            String text = MESSAGES.format(only(check(https.baseUrl(), DIRECT)).message());
            assertEquals(
                    "A secure connection to 127.0.0.1 could not be made: the certificate it presented is not trusted"
                            + " by this computer. A proxy or firewall that inspects encrypted traffic can cause this; ask your"
                            + " network administrator.",
                    text);
        }
    }

    @Test
    void theCheckGoesThroughTheProxyAndNamesItWhenItFails() throws Exception {
        try (LocalTenant https = LocalTenant.builder()
                        .https(certificate.serverContext())
                        .advertisedBaseUrl("https://acme.test")
                        .start();
                TestProxy proxy = TestProxy.start().route("acme.test", 443, https.port())) {
            ProxyRules rules = ProxyRules.of(new ProxySetting.Http("127.0.0.1", proxy.port()), Map.of(), "Linux");
            // acme.test exists only behind the proxy; this JVM does not trust its certificate: the TLS failure
            // proves the check went through the proxy to the tenant.
            String text = MESSAGES.format(only(check("acme.test", rules)).message());
            assertTrue(text.startsWith("A secure connection to acme.test could not be made"), text);
            assertEquals(
                    "CONNECT acme.test:443",
                    proxy.forwarded().get(0).method() + " "
                            + proxy.forwarded().get(0).target());

            proxy.refuseWith(403);
            assertEquals(
                    "The proxy 127.0.0.1:" + proxy.port() + " refused to connect to acme.test (it answered HTTP 403)."
                            + " Ask your network administrator whether acme.test may be reached, or check the proxy setting.",
                    MESSAGES.format(only(check("acme.test", rules)).message()));
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProxyRules nowhere = ProxyRules.of(new ProxySetting.Http("127.0.0.1", closedPort), Map.of(), "Linux");
        String text = MESSAGES.format(only(check("acme.eu.auth0.com", nowhere)).message());
        assertTrue(
                text.startsWith(
                        "The proxy 127.0.0.1:" + closedPort + " cannot be reached: the connection was refused."),
                text);
    }
}
