package dev.accountlinker.ui;

import dev.accountlinker.config.SignInWays;
import dev.accountlinker.testkit.AccountLinkerExtension;
import dev.accountlinker.testkit.AccountLinkerRobot;
import dev.accountlinker.testkit.AccountLinkerSession;
import dev.accountlinker.testkit.ScriptedBrowser;
import dev.accountlinker.testkit.TenantControls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case end to end: a person signs in through the system browser and quits without signing out; twenty
 * minutes later someone else starts the app. The browser still holds the tenant's session, but every main sign-in asks
 * for an authentication at most ten minutes old ({@code max_age=600}), so the tenant shows its login page instead of
 * answering from that session, and the new sign-in carries its own {@code auth_time}.
 */
class RecentSignInUiTest {
    private static final int LOOPBACK_PORT = freePort();

    @RegisterExtension
    final AccountLinkerExtension app = AccountLinkerExtension.builder()
            .signInWays(SignInWays.browserOnly().withLoopbackPort(LOOPBACK_PORT))
            .build();

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    @Test
    void twentyMinutesLaterTheBrowsersSessionDoesNotSignAnyoneInWithoutTheLoginPage(
            AccountLinkerRobot robot, AccountLinkerSession session, ScriptedBrowser browser, TenantControls tenant)
            throws Exception {
        robot.signIn("alice@example.com", "Alice-Demo-1");
        assertEquals(1, tenant.requestsTo("POST", "/u/login"));

        session.restart(session.defaultServices()); // quit without signing out, as the person did
        assertTrue(browser.hasSessionCookie(), "the browser keeps the tenant's session after the app quits");
        session.tenantClock().setOffset(Duration.ofMinutes(20));
        robot.signIn("alice@example.com", "Alice-Demo-1");

        assertEquals(
                2,
                tenant.requestsTo("POST", "/u/login"),
                "the 20-minute-old session did not answer: the login page asked for the password again");
        String lastAuthorize = tenant.localTenant().requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(lastAuthorize.contains("max_age=600"), lastAuthorize);
        assertEquals(2, browser.confirmationsPassed(), "and Auth0 asked to confirm the app after each, in the browser");
    }
}
