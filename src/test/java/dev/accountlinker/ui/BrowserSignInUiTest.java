package dev.accountlinker.ui;

import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.testkit.TenantBrowser;
import dev.accountlinker.ui.signin.BrowserLogin;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginLaunchers;
import dev.accountlinker.ui.signin.LoginPurpose;
import dev.accountlinker.ui.signin.LoginSettings;
import dev.accountlinker.ui.signin.SignInFlow;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system-browser way through the real app. The "browser" is an HTTP client on its own thread: it gets
 * the URL the app asked the desktop to open (the listener's one-time start URL), follows its redirect and the
 * tenant's pages, logs in and follows the last redirect to the app's loopback listener.
 */
class BrowserSignInUiTest extends AppUiTestSupport {
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> browserPages = new CopyOnWriteArrayList<>();
    private final AtomicReference<Consumer<String>> browserBehaviour = new AtomicReference<>(url -> {});
    /** What the platform says about opening the browser. */
    private final AtomicReference<BrowserOpener.Outcome> openerOutcome =
            new AtomicReference<>(BrowserOpener.Outcome.OPENED);
    /** Chosen by the test, never the default 28471 (which may be taken on this machine). */
    private final int loopbackPort = freePort();

    @Override
    protected SignInWays signInWays() {
        // google-oauth2 in the browser, the rest embedded; the tenant has this port's callback URL registered.
        return SignInWays.defaults().withLoopbackPort(loopbackPort);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    private boolean loopbackPortIsFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), loopbackPort), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    @Override
    protected LoginSettings loginSettings() {
        return LoginSettings.defaults(url -> {
            opened.add(url);
            if (openerOutcome.get() == BrowserOpener.Outcome.FAILED) {
                return BrowserOpener.Outcome.FAILED; // no browser on this machine
            }
            Thread browser = new Thread(() -> browserBehaviour.get().accept(url), "test-browser");
            browser.setDaemon(true);
            browser.start();
            return openerOutcome.get();
        });
    }

    /** The registered callback of the test's loopback port, where the browser's sign-in ends. */
    private String callbackUri() {
        return SignInWays.callbackUri(loopbackPort).toString();
    }

    /** A browser whose user signs in with these credentials. */
    private Consumer<String> userSigningIn(String email, String password) {
        return url -> {
            URI callback = new TenantBrowser(callbackUri()).signIn(url, email, password);
            browserPages.add(visit(callback));
        };
    }

    /** The parameters of each authorize request the tenant received (its record is decoded, secrets hidden). */
    private List<Map<String, String>> authorizeRequests() {
        return tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .map(r -> {
                    Map<String, String> parameters = new java.util.LinkedHashMap<>();
                    for (String pair : r.query().split("&")) {
                        int equals = pair.indexOf('=');
                        parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                    return parameters;
                })
                .toList();
    }

    private Map<String, String> lastAuthorize() {
        List<Map<String, String>> all = authorizeRequests();
        return all.get(all.size() - 1);
    }

    /** What the app hands the desktop to open: its own one-time start URL on the loopback port. */
    private void assertIsStartUrl(String url) {
        assertTrue(
                url.matches("http://127\\.0\\.0\\.1:" + loopbackPort + "/start/[A-Za-z0-9_-]{43}"),
                "a one-time start URL on the app's own listener, not the authorize URL: "
                        + url.replaceAll("\\?.*", "?…"));
    }

    private static String visit(URI uri) {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
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
        confirmLink();
        waitForIdentityCount(2);

        assertIsStartUrl(opened.get(0));
        Map<String, String> authorize = lastAuthorize();
        assertEquals("google-oauth2", authorize.get("connection"));
        assertEquals("0", authorize.get("max_age"));
        assertEquals(
                "http://127.0.0.1:" + loopbackPort + "/callback",
                authorize.get("redirect_uri"),
                "the fixed, registered loopback URL");
        assertTrue(
                browserPages.get(0).startsWith("200") && browserPages.get(0).contains("You can close this tab"),
                browserPages.get(0));
        assertTrue(node("#loginWebView").isEmpty(), "no embedded window was used");
        assertEquals(0, callbacks.hits());
        assertEquals(
                1,
                requestsTo("POST", "/u/confirm"),
                "a loopback callback is not verifiable: the person passed Auth0's \"confirm this app\" in the browser");
    }

    @Test
    void signingOutAfterABrowserSignInEndsTheBrowsersSessionAndTheNextSignInAsksForALogin() {
        // One system browser with one cookie jar: the session it keeps is what sign-out must end.
        TenantBrowser systemBrowser =
                new TenantBrowser(SignInWays.callbackUri(loopbackPort).toString());
        browserBehaviour.set(
                url -> browserPages.add(visit(systemBrowser.signIn(url, "alice.g@example.com", "Google-Demo-1"))));
        signIn("alice@example.com", "Alice-Demo-1");
        clickWhenReady("#link-google-oauth2");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
        waitForIdentityCount(2);
        assertTrue(systemBrowser.hasSessionCookie(), "the browser holds the tenant's session");

        String returnTo = SignInWays.signedOutUri(loopbackPort).toString();
        browserBehaviour.set(url -> browserPages.add(
                visit(systemBrowser.stoppingAt(returnTo).open(url).requireCallback())));
        signOut(true);

        waitUntil(() -> opened.size() == 2 && browserPages.size() == 2);
        URI logout = URI.create(opened.get(1));
        assertEquals("/v2/logout", logout.getPath());
        assertEquals(tenant.clientId(), query(opened.get(1)).get("client_id"));
        assertEquals(returnTo, query(opened.get(1)).get("returnTo"), "a registered Allowed Logout URL");
        assertTrue(query(opened.get(1)).containsKey("federated"), "the person asked to leave Google too");
        assertTrue(
                browserPages.get(1).startsWith("200") && browserPages.get(1).contains("signed out"),
                browserPages.get(1));
        assertFalse(systemBrowser.hasSessionCookie(), "the browser's session is gone");
        waitUntil(this::loopbackPortIsFree);
        // The embedded window's session was ended at the tenant as well.
        waitUntil(() -> requestsTo("GET", "/v2/logout") == 2);

        clickOn("#signInButton");
        waitForLoginForm();
        String authorize = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(authorize.contains("prompt=login"), authorize);
    }

    @Test
    void whenNoBrowserCanBeOpenedTheLinkCanBeCopiedOrTheSignInContinuesInTheApp() {
        signIn("alice@example.com", "Alice-Demo-1");
        openerOutcome.set(BrowserOpener.Outcome.FAILED);
        clickWhenReady("#link-google-oauth2");
        waitUntil(() -> node("#browserCopyLinkButton").isPresent());
        assertEquals("Your web browser could not be opened", text("#browserStatus"));
        assertTrue(node("#browserOpenAgainButton").isEmpty(), "no 'open again' that would fail the same way");

        clickOn("#browserCopyLinkButton");
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(opened.get(0), copied, "the sign-in link, to paste");
        assertIsStartUrl(copied);
        assertTrue(onFx(() -> lookup("#browserCopied").query().isVisible()));

        assertEquals("Waiting for you to sign in in your browser…", text("#linkProgressLabel"));
        clickOn("#browserUseEmbeddedButton");
        waitForLoginForm();
        assertEquals(
                "Sign in to the account you want to link in the window that opened…",
                text("#linkProgressLabel"),
                "the main window no longer speaks of the browser");
        assertFalse(
                copied.equals(onFx(() -> Clipboard.getSystemClipboard().getString())),
                "the browser attempt ended: its link left the clipboard");
        submitLoginForm("alice.g@example.com", "Google-Demo-1");
        confirmLink();
        waitForIdentityCount(2);
        String embeddedAuthorize = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(embeddedAuthorize.contains("redirect_uri=" + callbacks.redirectUri()), "a fresh embedded request");
        waitUntil(this::loopbackPortIsFree);
    }

    @Test
    void theBrowserIsOpenedWithAOneTimeStartUrlNeverWithTheAuthorizeUrl() {
        browserBehaviour.set(userSigningIn("alice@example.com", "Alice-Demo-1"));
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#continueInBrowserLink");
        waitForSettingsOf("alice@example.com");

        // What the opener gets is on a command line every user of the computer can read.
        assertEquals(1, opened.size());
        String url = opened.get(0);
        assertIsStartUrl(url);
        Map<String, String> authorize = lastAuthorize();
        for (String secret : List.of("state", "nonce", "code_challenge")) {
            assertTrue(authorize.get(secret).length() >= 20, secret);
            assertFalse(url.contains(authorize.get(secret)), secret + " is not in what the browser was given");
        }
        assertTrue(browserPages.get(0).startsWith("200"), browserPages.get(0));
        assertTrue(visit(URI.create(url)).startsWith("unreachable"), "the start URL ended with its attempt");
    }

    @Test
    void aCopiedSignInLinkLeavesTheClipboardWhenTheAttemptEndsUnlessSomethingElseWasCopiedSince() {
        signIn("alice@example.com", "Alice-Demo-1");
        openerOutcome.set(BrowserOpener.Outcome.FAILED);
        clickWhenReady("#link-google-oauth2");
        waitUntil(() -> node("#browserCopyLinkButton").isPresent());
        clickOn("#browserCopyLinkButton");
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertIsStartUrl(copied);
        clickOn("#browserCancelButton");
        waitForOperationToEnd();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(
                onFx(() -> Clipboard.getSystemClipboard().hasString()),
                "the cancelled attempt's link is not left on the clipboard");

        clickWhenReady("#link-google-oauth2");
        waitUntil(() -> node("#browserCopyLinkButton").isPresent());
        clickOn("#browserCopyLinkButton");
        assertFalse(copied.equals(onFx(() -> Clipboard.getSystemClipboard().getString())), "a new attempt's link");
        onFx(() -> {
            ClipboardContent notes = new ClipboardContent();
            notes.putString("the person's own notes");
            return Clipboard.getSystemClipboard().setContent(notes);
        });
        clickOn("#browserCancelButton");
        waitForOperationToEnd();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "the person's own notes",
                onFx(() -> Clipboard.getSystemClipboard().getString()),
                "what the person copied since is theirs");
    }

    @Test
    void whenThePersonSaysNothingOpenedTheSameWaysOnAreOffered() {
        openerOutcome.set(BrowserOpener.Outcome.UNKNOWN);
        signIn("alice@example.com", "Alice-Demo-1");
        clickWhenReady("#link-google-oauth2");
        waitUntil(() -> node("#browserNothingOpenedLink").map(Node::isVisible).orElse(false));
        assertEquals("Continue in your browser", text("#browserStatus"));
        assertEquals(
                "After you sign in, the page may ask you to confirm that you are signing in to this app. Choose"
                        + " Continue if you started this sign-in in Account Linker just now; otherwise cancel there.",
                text("#browserConfirmNote"));
        assertTrue(node("#browserConfirmNote").map(Node::isVisible).orElse(false));
        clickOn("#browserNothingOpenedLink");
        waitUntil(() -> node("#browserUseEmbeddedButton").isPresent());
        assertTrue(node("#browserCopyLinkButton").isPresent());
        clickOn("#browserCancelButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
    }

    @Test
    void havingTroubleMovesTheSignInToTheBrowser() {
        browserBehaviour.set(userSigningIn("alice@example.com", "Alice-Demo-1"));
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#continueInBrowserLink");
        waitForSettingsOf("alice@example.com");

        assertEquals(1, opened.size());
        assertIsStartUrl(opened.get(0));
        List<String> states =
                authorizeRequests().stream().map(r -> r.get("state")).toList();
        assertEquals(2, states.size(), "the embedded page's request, then the browser's: " + states.size());
        assertFalse(states.get(0).equals(states.get(1)), "the browser attempt is a fresh request with its own state");
        assertFalse(loginWindowOpen());
    }

    @Test
    void waitingForTheBrowserCanBeCancelledAndTheListenerCloses() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> !lookup("#link-google-oauth2").query().isDisabled());
        clickOn("#link-google-oauth2");
        waitUntil(() -> node("#browserCancelButton").isPresent() && !opened.isEmpty());
        String start = opened.get(0);

        clickOn("#browserCancelButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
        waitUntil(() -> visit(URI.create(callbackUri() + "?code=late&state=x")).startsWith("unreachable"));
        assertTrue(visit(URI.create(start)).startsWith("unreachable"), "the start URL went with the attempt");
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
    void aCallbackWithAForeignStateIsRefusedAndTheRealOneStillSignsIn() {
        Consumer<String> realUser = userSigningIn("alice@example.com", "Alice-Demo-1");
        browserBehaviour.set(url -> {
            // Another page (or a guess) reaches the listener first: it must not end the attempt.
            browserPages.add(visit(URI.create(callbackUri() + "?code=stolen&state=forged")));
            realUser.accept(url);
        });
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#continueInBrowserLink");
        waitForSettingsOf("alice@example.com");

        assertTrue(
                browserPages.get(0).startsWith("400") && browserPages.get(0).contains("was not for Account Linker"),
                browserPages.get(0));
        assertTrue(
                browserPages.get(1).startsWith("200") && browserPages.get(1).contains("You can close this tab"),
                browserPages.get(1));
    }

    @Test
    void cancellingWhileTheSignInIsBeingPreparedLeavesNoListenerBound() throws Exception {
        waitUntil(() -> services.signInService().isDone());
        CountDownLatch listening = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        // The browser way, held by the test right after its listener is bound: the moment a cancel used to leak it.
        LoginLaunchers launchers = new LoginLaunchers(
                () -> {
                    throw new AssertionError("the embedded way is not used here");
                },
                () -> new BrowserLogin(
                        services.messages(),
                        () -> null,
                        LoginSettings.defaults(url -> {
                            opened.add(url);
                            return BrowserOpener.Outcome.OPENED;
                        }),
                        tasks,
                        List.of(loopbackPort),
                        uri -> {
                            listening.countDown();
                            awaitUninterruptibly(release);
                        }),
                SignInWays.browserOnly().withLoopbackPort(loopbackPort));
        SignInFlow flow = onFx(() -> {
            SignInFlow started = new SignInFlow(
                    services.signInService(),
                    tasks,
                    launchers,
                    AuthorizeOptions.primarySignIn(),
                    LoginPurpose.MAIN_ACCOUNT,
                    step -> {},
                    outcomes::add,
                    outcomes::add);
            started.start();
            return started;
        });
        assertTrue(listening.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "prepare() bound the listener");
        assertFalse(loopbackPortIsFree());

        onFx(() -> {
            flow.cancel();
            return null;
        });
        release.countDown();

        waitUntil(this::loopbackPortIsFree);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(opened.isEmpty(), "no browser was opened for a cancelled attempt");
        assertTrue(outcomes.isEmpty(), "a cancelled flow reports nothing: " + outcomes);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        // The cancel interrupts the preparing thread; the test still decides when prepare() goes on.
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
