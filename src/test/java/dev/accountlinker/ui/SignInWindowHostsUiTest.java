package dev.accountlinker.ui;

import com.sun.net.httpserver.HttpServer;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.Faults;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in window names the site of every page and goes nowhere else than the tenant's host and the identity
 * providers' hosts (RFC 8252 §8.12). The tenant runs on 127.0.0.1; "another site" is a second HTTP server of this
 * test, reached as {@code localhost} (another host name for the window) and as 127.0.0.1 (the tenant's host, on
 * another port), which counts the requests that reach it.
 */
class SignInWindowHostsUiTest extends AppUiTestSupport {
    private final boolean localhostAllowed;
    private final HttpServer elsewhere;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    SignInWindowHostsUiTest(TestInfo test) throws IOException {
        // The services are made before each test: the test's name says whether localhost is an allowed sign-in host.
        localhostAllowed = test.getTestMethod().orElseThrow().getName().startsWith("anAllowed");
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String page = path.equals("/tenant-page")
                    // A page on the tenant's host whose script sends the window elsewhere.
                    ? "<html><body><p>Redirecting</p><script>location.href='" + elsewhere("/idp") + "';</script>"
                            + "</body></html>"
                    : "<html><head><title>Provider</title></head><body><h1 id='provider'>Provider</h1></body></html>";
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        elsewhere.start();
    }

    @AfterEach
    void stopElsewhere() {
        elsewhere.stop(0);
    }

    private String elsewhere(String path) {
        return "http://localhost:" + elsewhere.getAddress().getPort() + path;
    }

    private String onTheTenantsHost(String path) {
        return "http://127.0.0.1:" + elsewhere.getAddress().getPort() + path;
    }

    private int hitsOf(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    protected AppServices createServices() throws Exception {
        AppConfig config = AppConfig.forTenant(tenantSettings()).withWays(signInWays());
        return new AppServices(
                localhostAllowed ? config.withSignInHosts(List.of("localhost")) : config,
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings());
    }

    /** Shown: the node and every parent visible. */
    private boolean visible(String query) {
        return onFx(() -> node(query)
                .map(node -> {
                    for (Node each = node; each != null; each = each.getParent()) {
                        if (!each.isVisible()) {
                            return false;
                        }
                    }
                    return true;
                })
                .orElse(false));
    }

    private void waitForBlockedPage() {
        waitUntil(() -> visible("#loginBlockedMessage"));
    }

    @Test
    void theAddressLineNamesTheTenantsHostAndSaysItIsOnThisComputer() {
        clickOn("#signInButton");
        waitForLoginForm();

        assertEquals("127.0.0.1", text("#loginHostLabel"));
        assertEquals("Page from 127.0.0.1, on this computer", accessibleText("#loginHostLabel"));
        assertEquals(
                "Page from 127.0.0.1, on this computer",
                onFx(() -> lookup("#loginHostLabel")
                        .queryAs(Label.class)
                        .getTooltip()
                        .getText()),
                "the icon's meaning in words for the mouse too");
        assertFalse(visible("#loginNotSecureLabel"), "the demo tenant on this computer is not marked as not secure");
        assertTrue(onFx(() -> lookup("#loginHostLabel").queryAs(Label.class).getGraphic() != null), "an icon");
        assertFalse(visible("#loginBlockedMessage"));

        // A host too long for the line loses its start, as in a browser, never its end that names the site (the
        // window's own minimum width holds 127.0.0.1 whole, so the style is what is checked here).
        assertEquals(
                OverrunStyle.LEADING_ELLIPSIS,
                onFx(() -> lookup("#loginHostLabel").queryAs(Label.class).getTextOverrun()));
    }

    @Test
    void aRedirectToAHostThatIsNotAllowedIsStoppedAndExplainedNeverShownNorRequested() {
        clickOn("#signInButton");
        waitForLoginForm();
        tenant.faults().inject(Faults.on("POST", "/u/login").respond(302, "").header("Location", elsewhere("/idp")));
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        waitForBlockedPage();
        assertEquals(
                "The sign-in tried to go on to localhost, which is neither your Auth0 tenant nor a sign-in service your"
                        + " organisation allows. The window stopped that page and shows nothing of it.",
                text("#loginBlockedMessage"));
        assertEquals(
                "If your organisation signs in through that service, an administrator can allow it by adding localhost"
                        + " to the sign-in-hosts setting.",
                text("#loginBlockedAdvice"));
        assertEquals(0, hitsOf("/idp"), "nothing was sent to the blocked host");
        assertFalse(visible("#loginWebView"), "no half-loaded or blank page behind the message");
        assertEquals("127.0.0.1", text("#loginHostLabel"), "the address line never named the blocked host");
        assertTrue(onFx(() -> lookup("#loginBlockedBackButton").query().isFocused()), "the way on has the focus");

        // The keyboard takes the person back to the tenant's sign-in page.
        type(KeyCode.SPACE);
        waitForLoginForm();
        assertFalse(visible("#loginBlockedMessage"));
        assertTrue(visible("#loginWebView"));

        // Blocked again, then Escape: the main window says why the sign-in stopped.
        tenant.faults().inject(Faults.on("POST", "/u/login").respond(302, "").header("Location", elsewhere("/idp")));
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForBlockedPage();
        type(KeyCode.ESCAPE);
        waitUntil(() -> !loginWindowOpen() && !statusText().isEmpty());
        assertEquals(
                "Sign-in stopped: the sign-in window does not open pages of localhost. An administrator can allow that"
                        + " host in the sign-in-hosts setting.",
                statusText());
        assertEquals(0, hitsOf("/idp"));
        assertEquals(0, callbacks.hits());
    }

    @Test
    void aPageOnTheTenantsHostThatSendsTheWindowElsewhereByScriptIsStoppedToo() {
        tenant.faults()
                .inject(Faults.on("GET", "/authorize")
                        .respond(302, "")
                        .header("Location", onTheTenantsHost("/tenant-page")));
        clickOn("#signInButton");

        waitForBlockedPage();
        assertEquals(1, hitsOf("/tenant-page"), "the tenant's host, on any port, is the tenant's");
        assertTrue(text("#loginBlockedMessage").contains("go on to localhost"), text("#loginBlockedMessage"));
        assertEquals("127.0.0.1", text("#loginHostLabel"));
        // A navigation a script starts is seen as WebKit starts it: its request may already have reached the host
        // (it sometimes does, so the test asserts nothing about it), but what comes back is never shown.
        assertFalse(visible("#loginWebView"));
        assertFalse(Boolean.TRUE.equals(onFx(() -> loginWebView().getEngine().getDocument() != null
                && Boolean.TRUE.equals(
                        loginWebView().getEngine().executeScript("document.getElementById('provider') !== null")))));
    }

    @Test
    void anAllowedIdentityProviderHostLoadsAndPlainHttpThereIsMarkedNotSecure() {
        clickOn("#signInButton");
        waitForLoginForm();
        tenant.faults().inject(Faults.on("POST", "/u/login").respond(302, "").header("Location", elsewhere("/idp")));
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        waitUntil(() ->
                Boolean.TRUE.equals(onFx(() -> loginWebView().getEngine().getDocument() != null
                        && Boolean.TRUE.equals(loginWebView()
                                .getEngine()
                                .executeScript("document.getElementById('provider') !== null")))));
        assertEquals(1, hitsOf("/idp"));
        assertEquals("localhost", text("#loginHostLabel"), "every navigation updates the address line");
        assertTrue(visible("#loginNotSecureLabel"));
        assertEquals("Not secure", text("#loginNotSecureLabel"));
        assertEquals(
                "Page from localhost. Not secure: what you type there is sent without encryption",
                accessibleText("#loginHostLabel"));
        assertFalse(visible("#loginBlockedMessage"));
        cancel();
    }
}
