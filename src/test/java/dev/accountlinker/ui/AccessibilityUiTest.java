package dev.accountlinker.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every screen and dialog, as a screen-reader user meets it: each interactive control is named (and says what it
 * does), and Tab goes through the controls in reading order. Screens: sign-in, the sign-in window, settings with one
 * and with two sign-ins, the link confirmation, the unlink and sign-out questions, the theme menu, the connect screen.
 */
class AccessibilityUiTest extends AppUiTestSupport {

    @Test
    void everyScreenAndDialogNamesItsControlsAndIsTabbedInReadingOrder() {
        checkWindowOf("#signInButton");

        clickOn("#signInButton");
        waitForLoginForm();
        assertNamed(lookup("#loginCancelButton").query().getScene());
        submitLoginForm("alice@example.com", "Alice-Demo-1");
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
        List<AccessibilityCheck.Visit> order = tabCycle(scene.getWindow());
        assertTrue(order.size() >= 2, "Tab reaches the controls of " + query + "'s window: " + order);
        List<String> problems = onFx(() -> AccessibilityCheck.readingOrderProblems(order, 14));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private void assertNamed(Scene scene) {
        List<String> problems = onFx(() -> AccessibilityCheck.problems(scene));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * The controls Tab visits, once round, starting with the one nearest the top left (so a dialog that opens with
     * the focus in its middle is read from its top).
     */
    private List<AccessibilityCheck.Visit> tabCycle(Window window) {
        targetWindow(window);
        List<AccessibilityCheck.Visit> seen = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            Node owner = onFx(() -> window.getScene().getFocusOwner());
            if (owner == null || seen.stream().anyMatch(visit -> visit.node() == owner)) {
                break;
            }
            seen.add(new AccessibilityCheck.Visit(owner, onFx(() -> owner.localToScene(owner.getBoundsInLocal()))));
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        AccessibilityCheck.Visit first = seen.stream()
                .min(Comparator.comparingDouble((AccessibilityCheck.Visit visit) -> top(visit.bounds()))
                        .thenComparingDouble(visit -> visit.bounds().getMinX()))
                .orElseThrow();
        int start = seen.indexOf(first);
        List<AccessibilityCheck.Visit> cycle = new ArrayList<>(seen.subList(start, seen.size()));
        cycle.addAll(seen.subList(0, start));
        return cycle;
    }

    private static double top(Bounds bounds) {
        return Math.round(bounds.getMinY() / 14) * 14.0;
    }
}
