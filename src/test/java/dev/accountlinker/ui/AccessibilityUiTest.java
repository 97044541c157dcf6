package dev.accountlinker.ui;

import javafx.scene.Scene;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens of the journey through the whole app as a screen-reader user meets them: each interactive control is
 * named (and says what it does), and Tab goes through the controls in reading order. Screens: sign-in, the sign-in
 * window, settings, the connect screen (after signing out, "Change tenant…"). The settings screen's own states and
 * dialogs (one and two sign-ins, the link confirmation, the unlink and sign-out questions) are
 * {@code ui.settings.SettingsAccessibilityComponentTest}'s.
 */
class AccessibilityUiTest extends AppUiTestSupport {

    @Test
    void everyScreenOfTheJourneyNamesItsControlsAndIsTabbedInReadingOrder() {
        checkWindowOf("#signInButton");

        clickOn("#signInButton");
        waitForLoginForm();
        assertNamed(lookup("#loginCancelButton").query().getScene());
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1);
        checkWindowOf("#identitiesTable");

        // A configured tenant offers "Change tenant…": the connect screen.
        signOut(false);
        clickWhenReady("#changeTenantLink");
        waitUntil(() -> node("#tenantDomainField").isPresent());
        checkWindowOf("#tenantDomainField");
    }

    /** Names, then the Tab order, of the window that holds {@code query}. */
    private void checkWindowOf(String query) {
        WaitForAsyncUtils.waitForFxEvents();
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
