package dev.accountlinker.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop with the keyboard alone, as a person who cannot use a mouse does it: sign in (typing into the
 * tenant's page), link GitHub, choose GitHub as the main account, confirm, unlink the other sign-in, sign out. No
 * click anywhere; Tab, the arrow keys, Space, Enter and Delete only. (Enter is typed into the web page as "\r": the
 * headless platform's plain ENTER key does not submit a form in the WebView.)
 */
class KeyboardOnlyUiTest extends AppUiTestSupport {
    private static final String GITHUB = "github|4242424";

    @Test
    void signInLinkChooseMainConfirmUnlinkAndSignOutWithKeysOnly() {
        // Sign in: the focus starts on Sign in.
        waitUntil(() -> "signInButton".equals(focusedId(mainWindow())));
        targetWindow(mainWindow());
        type(KeyCode.ENTER);
        typeIntoLoginPage("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1);
        waitUntil(() -> "identitiesTable".equals(focusedId(mainWindow())));

        // Link GitHub: Tab to its button.
        tabTo("link-github", KeyCode.TAB);
        type(KeyCode.ENTER);
        typeIntoLoginPage("alice-gh@example.com", "Github-Demo-1");

        // The confirmation opens on "Both accounts are mine": Space ticks it (until then Link says, to a screen
        // reader too, that it waits for it). Shift+Tab goes back to the choice of main account (the chosen one of
        // the group), the Right arrow chooses GitHub. Linking is a deliberate act: Enter there does nothing, Tab
        // reaches Link and Space presses it.
        waitForDialogButton("#confirmLinkButton");
        Window dialog =
                onFx(() -> lookup("#confirmLinkButton").query().getScene().getWindow());
        targetWindow(dialog);
        assertEquals("bothAccountsMineCheckBox", focusedId(dialog));
        assertEquals("Available once you tick “Both accounts are mine”", linkHelp());
        type(KeyCode.SPACE);
        assertEquals("Merge the information shown and link the two accounts", linkHelp());
        tabTo("keepCurrentMainRadio", KeyCode.SHIFT);
        type(KeyCode.RIGHT);
        assertEquals("keepSecondMainRadio", focusedId(dialog));
        assertTrue(onFx(() -> lookup("#keepSecondMainRadio")
                .queryAs(javafx.scene.control.RadioButton.class)
                .isSelected()));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node("#confirmLinkButton").isPresent(), "Enter on the choice does not link");
        assertEquals(0, requestsTo("POST", "/identities"));
        tabTo("confirmLinkButton", KeyCode.TAB);
        type(KeyCode.SPACE);

        waitForSettingsOf("alice-gh@example.com");
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertEquals(List.of(GITHUB, "auth0|alice"), identitySubjects());
        assertTrue(tenant.user("auth0|alice").isEmpty(), "Alice's account was linked into GitHub's");

        // Unlink: the list has the focus; Down selects Alice's card, Delete asks, Enter confirms.
        targetWindow(mainWindow());
        waitUntil(() -> "identitiesTable".equals(focusedId(mainWindow())));
        type(KeyCode.DOWN);
        type(KeyCode.DELETE);
        waitForDialogButton("#confirmUnlinkButton");
        targetWindow(
                onFx(() -> lookup("#confirmUnlinkButton").query().getScene().getWindow()));
        type(KeyCode.ENTER);
        waitForIdentityCount(1);
        waitForOperationToEnd();
        assertTrue(tenant.user("auth0|alice").isPresent(), "Alice is a separate user again");

        // Sign out: Shift+Tab back to Sign out, Enter, Enter.
        targetWindow(mainWindow());
        waitUntil(() -> "identitiesTable".equals(focusedId(mainWindow())));
        tabTo("signOutButton", KeyCode.SHIFT);
        type(KeyCode.ENTER);
        waitForDialogButton("#confirmSignOutButton");
        targetWindow(
                onFx(() -> lookup("#confirmSignOutButton").query().getScene().getWindow()));
        type(KeyCode.ENTER);
        waitUntil(() -> node("#signInButton").isPresent());
        assertEquals("You are signed out.", statusText());
        // Enter signs in again: the focus is back on Sign in, not on the theme menu above it.
        waitUntil(() -> "signInButton".equals(focusedId(mainWindow())));
    }

    /** Types the email, Tab, the password and Enter into the tenant's login page (which has the focus when it opens). */
    private void typeIntoLoginPage(String email, String password) {
        waitForLoginForm();
        Window login = loginWebView().getScene().getWindow();
        waitUntil(() -> loginWebView().isFocused()
                && Boolean.TRUE.equals(script("document.activeElement === document.getElementById('username')")));
        targetWindow(login);
        write(email);
        type(KeyCode.TAB);
        write(password);
        write("\r");
    }

    private String linkHelp() {
        return onFx(() -> lookup("#confirmLinkButton").query().getAccessibleHelp());
    }

    /** Presses Tab (or Shift+Tab) until the control with {@code id} has the focus. */
    private void tabTo(String id, KeyCode direction) {
        Window window = onFx(() -> lookup("#" + id).query().getScene().getWindow());
        for (int step = 0; step < 30 && !id.equals(focusedId(window)); step++) {
            if (direction == KeyCode.SHIFT) {
                push(KeyCode.SHIFT, KeyCode.TAB);
            } else {
                type(KeyCode.TAB);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(id, focusedId(window), "Tab reaches " + id);
    }

    private Window mainWindow() {
        return onFx(() -> lookup(".root").queryAll().stream()
                .map(Node::getScene)
                .map(scene -> scene.getWindow())
                .filter(window -> window.getScene().lookup("#signInButton") != null
                        || window.getScene().lookup("#identitiesTable") != null)
                .findFirst()
                .orElseThrow());
    }

    private String focusedId(Window window) {
        return onFx(() -> window.getScene().getFocusOwner() == null
                ? null
                : window.getScene().getFocusOwner().getId());
    }
}
