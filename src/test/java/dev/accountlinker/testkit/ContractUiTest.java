package dev.accountlinker.testkit;

import dev.accountlinker.config.SignInWays;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.testkit.TestingContract.Entry;
import dev.accountlinker.testkit.TestingContract.Screen;
import dev.accountlinker.ui.signin.BrowserOpener;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The testing contract cannot drift silently: every screen, window and dialog is walked to, and each documented node
 * id must be there with its documented type ({@link TestingContract}).
 */
class ContractUiTest {
    private static final Set<Screen> walked = EnumSet.noneOf(Screen.class);

    @RegisterExtension
    final AccountLinkerExtension app = AccountLinkerExtension.builder()
            .signInWays(SignInWays.defaults().withLoopbackPort(freePort())) // Google in the browser: its wait too
            .build();

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    @Test
    void theScreensBeforeSigningIn(AccountLinkerRobot robot, TenantControls tenant) {
        check(robot, Screen.SIGN_IN);

        robot.clickOn("#signInButton");
        robot.waitForLoginForm();
        check(robot, Screen.SIGN_IN_WINDOW);
        // The tenant sends the window to a host it may not show: the window stops it and says so.
        tenant.faults()
                .inject(Faults.on("POST", "/u/login").respond(302, "").header("Location", "https://elsewhere.test/"));
        robot.submitLoginForm("alice@example.com", "Alice-Demo-1");
        robot.waitUntil(() -> robot.onFx(() ->
                robot.lookup("#loginBlockedBackButton").query().getParent().isVisible()));
        check(robot, Screen.SIGN_IN_WINDOW_BLOCKED);
        robot.cancel();

        robot.clickWhenReady("#changeTenantLink");
        robot.waitUntil(() -> robot.node("#tenantDomainField").isPresent());
        check(robot, Screen.CONNECT);
        robot.clickOn("#tenantCheckButton");
        robot.waitUntil(() -> robot.node("#check-endpoints").isPresent());
        check(robot, Screen.CONNECT_CHECKED);
        robot.clickOn("#tenantCancelButton");
        robot.waitUntil(() -> robot.node("#signInButton").isPresent());
    }

    @Test
    void theScreensAndDialogsOfASignedInAccount(AccountLinkerRobot robot, ScriptedBrowser browser) {
        robot.signIn("alice@example.com", "Alice-Demo-1");
        robot.identities(); // the cards come once the account is read
        check(robot, Screen.SETTINGS);

        robot.clickWhenReady("#link-github");
        robot.waitForLoginForm();
        check(robot, Screen.LINKING);
        robot.submitLoginForm("alice-gh@example.com", "Github-Demo-1");
        robot.waitForDialogButton("#confirmLinkButton");
        check(robot, Screen.LINK_CONFIRMATION);
        robot.confirm();
        check(robot, Screen.SETTINGS_WITH_LINKED_IDENTITY);

        // Alice now has GitHub linked: she cannot become part of the Google account.
        robot.link("google-oauth2", "alice.g@example.com", "Google-Demo-1");
        check(robot, Screen.LINK_CONFIRMATION_SECOND_NOT_POSSIBLE);
        robot.cancel();

        robot.unlink("github", "4242424");
        check(robot, Screen.UNLINK_CONFIRMATION);
        robot.cancel();

        robot.clickWhenReady("#signOutButton");
        robot.waitForDialogButton("#confirmSignOutButton");
        check(robot, Screen.SIGN_OUT_CONFIRMATION);
        robot.cancel();

        robot.clickWhenReady("#link-google-oauth2"); // the person does not sign in in the browser
        // The window exists before the browser was asked to open: wait for its waiting state, buttons and all.
        robot.waitUntil(() -> robot.node("#browserNothingOpenedLink").isPresent()
                && robot.node("#browserOpenAgainButton").isPresent());
        check(robot, Screen.BROWSER_WAIT);
        robot.cancel();

        browser.outcome(BrowserOpener.Outcome.FAILED);
        robot.clickWhenReady("#link-google-oauth2");
        robot.waitUntil(() -> robot.node("#browserCopyLinkButton").isPresent());
        check(robot, Screen.BROWSER_NOT_OPENED);
        robot.cancel();
    }

    @AfterAll
    static void everyScreenWasWalked() {
        assertEquals(EnumSet.allOf(Screen.class), walked, "screens the walk never reached");
    }

    private static void check(AccountLinkerRobot robot, Screen screen) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = robot.onFx(() -> {
            List<String> found = new ArrayList<>();
            for (Entry entry : TestingContract.on(screen)) {
                List<Node> nodes = robot.lookup("#" + entry.id()).queryAll().stream()
                        .filter(node -> node.getScene() != null
                                && node.getScene().getWindow() != null
                                && node.getScene().getWindow().isShowing())
                        .toList();
                if (nodes.isEmpty()) {
                    found.add("#" + entry.id() + " is missing from the " + screen);
                } else if (nodes.stream().noneMatch(entry.type()::isInstance)) {
                    found.add("#" + entry.id() + " on the " + screen + " is a "
                            + nodes.get(0).getClass().getSimpleName() + ", not a "
                            + entry.type().getSimpleName());
                }
            }
            return found;
        });
        walked.add(screen);
        assertEquals(List.of(), problems, "the testing contract (docs/testing.md) on the " + screen);
    }
}
