package dev.accountlinker.ui;

import dev.accountlinker.config.SignInWays;
import dev.accountlinker.localtenant.RecordedRequest;
import dev.accountlinker.testkit.ScriptedBrowser;
import dev.accountlinker.testkit.TenantBrowser;
import dev.accountlinker.ui.signin.LoginSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing out after a system-browser sign-in sends the browser to {@code /v2/logout} with a {@code returnTo} on the
 * app's loopback port. Every sign-in here goes through the kit's scripted browser, so only the browser holds a
 * session and every logout the tenant sees is the browser's.
 */
class BrowserSignOutUiTest extends AppUiTestSupport {
    /** Chosen by the test, never the default 28471 (which may be taken on this machine). */
    private final int loopbackPort = freePort();

    private final ScriptedBrowser browser = new ScriptedBrowser();

    @Override
    protected SignInWays signInWays() {
        return SignInWays.browserOnly().withLoopbackPort(loopbackPort);
    }

    @Override
    protected LoginSettings loginSettings() {
        return LoginSettings.defaults(browser);
    }

    private static InetSocketAddress loopback(int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(loopback(0), 1);
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    private boolean loopbackPortIsFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(loopback(loopbackPort), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private void signInThroughTheBrowser() {
        browser.signInNextTime("alice@example.com", "Alice-Demo-1");
        clickWhenReady("#signInButton");
        waitForSettingsOf("alice@example.com");
        waitUntil(this::loopbackPortIsFree); // the sign-in's listener has let go of it
    }

    private List<String> returnTos() {
        return browser.opened().stream()
                .map(url -> TenantBrowser.queryParams(URI.create(url)).get("returnTo"))
                .filter(returnTo -> returnTo != null)
                .toList();
    }

    @Test
    void whenEveryLoopbackPortIsBusySignOutSendsTheBrowserNowhereAnotherProgramCouldAnswer() throws Exception {
        signInThroughTheBrowser();
        assertTrue(browser.hasSessionCookie());

        try (ServerSocket anotherProgram = new ServerSocket()) {
            anotherProgram.bind(loopback(loopbackPort), 1); // every configured port (here the one) is taken
            signOut(false);
            waitUntil(() -> statusText().contains(String.valueOf(loopbackPort))
                    || browser.opened().size() > 1);

            assertEquals(List.of(), returnTos(), "no returnTo the other program could answer");
            assertEquals(1, browser.opened().size(), "the browser was not sent to sign out at all");
            List<RecordedRequest> logouts = tenant.requests().stream()
                    .filter(r -> r.path().equals("/v2/logout"))
                    .toList();
            assertEquals(List.of(), logouts);
            assertEquals(
                    "You are signed out of Account Linker, but your web browser may still be signed in: ports "
                            + loopbackPort + " on this computer are used by other programs, so the browser could not"
                            + " be signed out and sent back here. The next sign-in here asks for your password all the"
                            + " same. To sign the browser out too, close the program that uses one of those ports,"
                            + " then sign in and sign out again.",
                    statusText());
            assertTrue(browser.hasSessionCookie(), "what the message warns of");
        }

        // The port is free again: the next sign-out ends the browser's session after all.
        signInThroughTheBrowser();
        signOut(false);
        waitUntil(() -> browser.opened().size() == 3 && browser.pages().size() == 3);
        assertEquals(List.of(SignInWays.signedOutUri(loopbackPort).toString()), returnTos());
        assertTrue(browser.pages().get(2).startsWith("200"), browser.pages().get(2));
        assertFalse(browser.hasSessionCookie());
        assertEquals("You are signed out.", statusText());
    }
}
