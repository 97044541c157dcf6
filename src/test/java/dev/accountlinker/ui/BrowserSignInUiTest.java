package dev.accountlinker.ui;

import dev.accountlinker.ui.login.LoginSettings;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.localtenant.TenantBrowser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system-browser way through the real app. The "browser" is an HTTP client on its own thread: it gets
 * the URL the app asked the desktop to open, follows the tenant's pages, logs in and follows the last
 * redirect to the app's loopback listener.
 */
class BrowserSignInUiTest extends AppUiTestSupport {
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> browserPages = new CopyOnWriteArrayList<>();
    private final AtomicReference<Consumer<String>> browserBehaviour = new AtomicReference<>(url -> { });

    @Override
    protected SignInWays signInWays() {
        return SignInWays.defaults(); // google-oauth2 in the browser, the rest embedded
    }

    @Override
    protected LoginSettings loginSettings() {
        return LoginSettings.defaults(url -> {
            opened.add(url);
            Thread browser = new Thread(() -> browserBehaviour.get().accept(url), "test-browser");
            browser.setDaemon(true);
            browser.start();
        });
    }

    /** A browser whose user signs in with these credentials (optionally picking a connection link first). */
    private Consumer<String> userSigningIn(String email, String password) {
        return url -> {
            String redirectUri = TenantBrowser.queryParams(URI.create(url)).get("redirect_uri");
            URI callback = new TenantBrowser(redirectUri).signIn(url, email, password);
            browserPages.add(visit(callback));
        };
    }

    private static String visit(URI uri) {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return page.statusCode() + " " + page.body();
        } catch (Exception e) {
            return "unreachable " + e.getClass().getSimpleName();
        }
    }

    private static Map<String, String> query(String url) {
        return TenantBrowser.queryParams(URI.create(url));
    }

    @Test
    void linkingGoogleHappensInTheSystemBrowserWithALoopbackRedirect() {
        signIn("alice@example.com", "Alice-Demo-1");
        assertTrue(opened.isEmpty(), "the main sign-in stays embedded by default");
        browserBehaviour.set(userSigningIn("alice.g@example.com", "Google-Demo-1"));

        waitUntil(() -> !lookup("#link-google-oauth2").query().isDisabled());
        clickOn("#link-google-oauth2");
        waitForDialogButton("#confirmLinkButton");
        clickOn("#confirmLinkButton");
        waitForIdentityCount(2);

        Map<String, String> authorize = query(opened.get(0));
        assertEquals("google-oauth2", authorize.get("connection"));
        assertEquals("0", authorize.get("max_age"));
        assertTrue(authorize.get("redirect_uri").matches("http://127\\.0\\.0\\.1:\\d+/callback"), authorize.get("redirect_uri"));
        assertTrue(browserPages.get(0).startsWith("200") && browserPages.get(0).contains("You can close this tab"),
                browserPages.get(0));
        assertTrue(node("#loginWebView").isEmpty(), "no embedded window was used");
        assertEquals(0, callbacks.hits());
    }

    @Test
    void havingTroubleMovesTheSignInToTheBrowser() {
        browserBehaviour.set(userSigningIn("alice@example.com", "Alice-Demo-1"));
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#continueInBrowserLink");
        waitForSettingsOf("alice@example.com");

        assertEquals(1, opened.size());
        String embeddedState = tenant.requests().stream().filter(r -> r.path().equals("/authorize")).findFirst()
                .map(r -> r.query()).orElseThrow();
        assertFalse(embeddedState.contains("state=" + query(opened.get(0)).get("state")),
                "the browser attempt is a fresh request with its own state");
        assertFalse(loginWindowOpen());
    }

    @Test
    void waitingForTheBrowserCanBeCancelledAndTheListenerCloses() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> !lookup("#link-google-oauth2").query().isDisabled());
        clickOn("#link-google-oauth2");
        waitUntil(() -> node("#browserCancelButton").isPresent() && !opened.isEmpty());
        String redirectUri = query(opened.get(0)).get("redirect_uri");

        clickOn("#browserCancelButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
        waitUntil(() -> visit(URI.create(redirectUri + "?code=late&state=x")).startsWith("unreachable"));
    }

    @Test
    void aBrowserThatNeverComesBackTimesOut() {
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#continueInBrowserLink");
        waitUntil(() -> node("#browserCancelButton").isPresent());
        // The user never finishes in the browser: the attempt ends by itself.
        tasks.expireAll();
        waitUntil(() -> node("#browserCancelButton").isEmpty() && !statusText().isEmpty());
        assertTrue(statusText().contains("took too long"), statusText());
    }

    @Test
    void aCallbackWithAForeignStateIsRefused() {
        browserBehaviour.set(url -> browserPages.add(
                visit(URI.create(query(url).get("redirect_uri") + "?code=stolen&state=forged"))));
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#continueInBrowserLink");
        waitUntil(() -> !browserPages.isEmpty() && node("#browserCancelButton").isEmpty() && !statusText().isEmpty());
        assertTrue(statusText().contains("did not belong to this sign-in attempt"), statusText());
        assertTrue(browserPages.get(0).contains("could not be used"), browserPages.get(0));
    }
}
