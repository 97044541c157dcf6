package dev.accountlinker.localtenant;

import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /v2/logout checks returnTo against the application's Allowed Logout URLs, like Auth0. */
class LogoutTest {

    private static final String SIGNED_OUT_PAGE = "http://127.0.0.1:8484/signed-out";
    private static final String OTHER_ALLOWED = "http://127.0.0.1:8484/bye";

    private LocalTenant tenant;
    private TenantBrowser browser;

    @BeforeEach
    void start() throws Exception {
        tenant = LocalTenant.builder()
                .logoutUrls(List.of(SIGNED_OUT_PAGE, OTHER_ALLOWED))
                .start();
        TenantBrowser signIn = new TenantBrowser();
        TenantFlows.signIn(tenant, signIn, "alice@example.com", "Alice-Demo-1", b -> b);
        browser = signIn.stoppingAt(SIGNED_OUT_PAGE);
        assertTrue(browser.hasSessionCookie());
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    /** The logout URL the app builds with auth0-java (client_id included). */
    private String logoutUrl(String returnTo) {
        return TenantFlows.authApi(tenant).logoutUrl(returnTo, true).build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The SSO session is gone: a new /authorize shows the login page instead of answering at once. */
    private void assertSignedOut() {
        assertFalse(browser.hasSessionCookie());
        TenantBrowser app = browser.stoppingAt(LocalTenant.LOOPBACK_REDIRECT_URI);
        assertTrue(
                app.open(TenantFlows.authorization(tenant).url()).requirePage().hasLoginForm());
    }

    /** Auth0's error page for a returnTo that is not allowed: names it, and does not redirect. */
    private static void assertReturnToRefused(TenantBrowser.Outcome outcome, String returnTo) {
        TenantBrowser.Page page = outcome.requirePage();
        assertEquals(400, page.status());
        assertEquals(
                "The \"returnTo\" querystring parameter \"" + returnTo
                        + "\" is not defined as a valid URL in \"Allowed Logout URLs\".",
                page.error().orElseThrow());
    }

    @Test
    void anAllowedReturnToRedirectsThereAndEndsTheSession() {
        TenantBrowser.Outcome outcome = browser.open(logoutUrl(SIGNED_OUT_PAGE));
        assertEquals(URI.create(SIGNED_OUT_PAGE), outcome.requireCallback());
        assertSignedOut();
    }

    @Test
    void aForeignReturnToShowsTheErrorPageWithoutRedirectingButStillEndsTheSession() throws Exception {
        String foreign = "https://evil.example/phish";
        assertReturnToRefused(new TenantBrowser(foreign).open(logoutUrl(foreign)), foreign);
        // Seen by a client that does not follow redirects: no Location at all.
        HttpResponse<String> raw = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(logoutUrl(foreign))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, raw.statusCode());
        assertTrue(raw.headers().firstValue("Location").isEmpty());

        TenantBrowser.Outcome withCookie = browser.open(logoutUrl(foreign));
        assertReturnToRefused(withCookie, foreign);
        assertSignedOut();
    }

    @Test
    void aCallbackUrlOrTheTenantItselfIsNotALogoutUrl() {
        assertReturnToRefused(
                browser.open(logoutUrl(LocalTenant.LOOPBACK_REDIRECT_URI)), LocalTenant.LOOPBACK_REDIRECT_URI);
        assertReturnToRefused(browser.open(logoutUrl(tenant.baseUrl() + "/")), tenant.baseUrl() + "/");
        assertReturnToRefused(browser.open(logoutUrl(SIGNED_OUT_PAGE + "/")), SIGNED_OUT_PAGE + "/");
    }

    @Test
    void withoutClientIdReturnToIsCheckedAgainstTheTenantsOwnListWhichIsEmpty() {
        String url = tenant.baseUrl() + "/v2/logout?returnTo=" + encode(SIGNED_OUT_PAGE);
        assertReturnToRefused(browser.open(url), SIGNED_OUT_PAGE);
        assertSignedOut();
    }

    @Test
    void anUnknownClientIdGetsAnErrorPage() {
        String url = tenant.baseUrl() + "/v2/logout?client_id=someone-else&returnTo=" + encode(SIGNED_OUT_PAGE);
        TenantBrowser.Page page = browser.open(url).requirePage();
        assertEquals(400, page.status());
        assertTrue(
                page.error().orElseThrow().contains("someone-else"),
                page.error().orElseThrow());
    }

    @Test
    void withoutReturnToTheClientGoesToItsFirstLogoutUrlAndNoClientSeesTheSignedOutPage() {
        String clientOnly = tenant.baseUrl() + "/v2/logout?client_id=" + encode(tenant.clientId());
        assertEquals(URI.create(SIGNED_OUT_PAGE), browser.open(clientOnly).requireCallback());
        assertSignedOut();

        TenantBrowser.Page page = browser.open(tenant.baseUrl() + "/v2/logout").requirePage();
        assertEquals(200, page.status());
        assertTrue(page.html().contains("You are signed out"));
    }

    @Test
    void federatedIsAcceptedAndRecorded() {
        String url = TenantFlows.authApi(tenant)
                .logoutUrl(OTHER_ALLOWED, true)
                .useFederated(true)
                .build();
        assertEquals(
                URI.create(OTHER_ALLOWED),
                new TenantBrowser(OTHER_ALLOWED).open(url).requireCallback());
        RecordedRequest logout = tenant.requests().stream()
                .filter(r -> r.path().equals("/v2/logout"))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertEquals(302, logout.status());
        assertTrue(List.of(logout.query().split("&")).contains("federated="), logout.query());
    }
}
