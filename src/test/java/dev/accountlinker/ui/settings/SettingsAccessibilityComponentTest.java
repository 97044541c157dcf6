package dev.accountlinker.ui.settings;

import dev.accountlinker.ui.AccessibilityCheck;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings screen and its dialogs as a screen-reader user meets them: each interactive control is named (and
 * says what it does), and Tab goes through the controls in reading order. Settings with one and with two sign-ins,
 * the link confirmation, the unlink and sign-out questions (moved from the whole app's AccessibilityUiTest, which
 * keeps the sign-in screen, the sign-in window and the connect screen).
 */
class SettingsAccessibilityComponentTest extends LinkingScreenTestSupport {

    @Test
    void theSettingsScreenAndItsDialogsNameTheirControlsAndAreTabbedInReadingOrder() {
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1);
        checkWindowOf("#identitiesTable");

        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        checkWindowOf("#confirmLinkButton");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        checkWindowOf("#identitiesTable");

        clickWhenReady("#unlink-github-4242424");
        waitForDialogButton("#confirmUnlinkButton");
        checkWindowOf("#confirmUnlinkButton");
        clickOn("#cancelDialogButton");
        waitForOperationToEnd();

        clickWhenReady("#signOutButton");
        waitForDialogButton("#confirmSignOutButton");
        checkWindowOf("#confirmSignOutButton");
        clickOn("#cancelDialogButton");
    }

    /** Names, then the Tab order, of the window that holds {@code query}. */
    private void checkWindowOf(String query) {
        Scene scene = onFx(() -> lookup(query).query().getScene());
        assertNamed(scene);
        List<AccessibilityCheck.Visit> order = AccessibilityCheck.tabCycle(this, scene.getWindow());
        assertTrue(order.size() >= 2, "Tab reaches the controls of " + query + "'s window: " + order);
        List<String> problems = onFx(() -> AccessibilityCheck.readingOrderProblems(order, 14));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void assertNamed(Scene scene) {
        List<String> problems = onFx(() -> AccessibilityCheck.problems(scene));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
