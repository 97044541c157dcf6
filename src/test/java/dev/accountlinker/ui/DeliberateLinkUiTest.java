package dev.accountlinker.ui;

import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantAccount;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deliberate act arms Link: the Enter that submits the login form, held down or repeating while the link
 * confirmation opens (and released only after), links nothing — even when Tab moves the focus to Link while it is
 * held. Then Enter, pressed afresh on Link, links. The second account has the same email as the first, so no "Both
 * accounts are mine" stands between the key and Link.
 */
class DeliberateLinkUiTest extends AppUiTestSupport {
    private static final String WORK_GITHUB = "github|5151515";

    @Override
    protected LocalTenant.Builder configureTenant(LocalTenant.Builder builder) {
        return builder.account(TenantAccount.builder()
                .connection("github")
                .email("alice@example.com")
                .password("Work-Github-1")
                .userId(WORK_GITHUB)
                .name("Alice (work GitHub)")
                .build());
    }

    @Test
    void anEnterHeldFromTheLoginFormCannotLinkAFreshEnterOnLinkDoes() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        clickWhenReady("#link-github");

        // The person types the password and presses Enter, and keeps it down.
        waitForLoginForm();
        waitUntil(() -> loginWebView().isFocused()
                && Boolean.TRUE.equals(script("document.activeElement === document.getElementById('username')")));
        targetWindow(loginWebView().getScene().getWindow());
        write("alice@example.com");
        type(KeyCode.TAB);
        write("Work-Github-1");
        press(KeyCode.ENTER);
        // The form submits on that Enter (the headless platform's key press alone does not submit a WebView form).
        write("\r");

        waitForDialogButton("#confirmLinkButton");
        Window dialog =
                onFx(() -> lookup("#confirmLinkButton").query().getScene().getWindow());
        targetWindow(dialog);
        assertFalse(node("#bothAccountsMineCheckBox").isPresent(), "the same email: nothing else stands in the way");

        String firstFocus = focusedId(dialog);

        // The held key repeats into the dialog, Tab moves to Link while it is still down, it repeats there too, and
        // is released only then.
        repeat(dialog, KeyCode.ENTER, 3);
        assertTrue(linkDialogOpen(), "repeats of the held Enter did not link");
        tabTo(dialog, "confirmLinkButton");
        repeat(dialog, KeyCode.ENTER, 2);
        release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(linkDialogOpen(), "the held Enter did not link");
        assertEquals("keepCurrentMainRadio", firstFocus, "the choice had the first focus, not Link");
        assertFalse(
                onFx(() -> lookup("#confirmLinkButton").queryAs(Button.class).isDefaultButton()),
                "Link is not the default button");
        assertEquals(0, requestsTo("POST", "/identities"));
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
        assertEquals(
                2,
                tenant.users().stream()
                        .filter(user -> user.userId().equals("auth0|alice")
                                || user.userId().equals(WORK_GITHUB))
                        .count());

        // A deliberate Enter on Link links.
        assertEquals("confirmLinkButton", focusedId(dialog));
        type(KeyCode.ENTER);
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertEquals(List.of("auth0|alice", WORK_GITHUB), identitySubjects());
        assertEquals(1, requestsTo("POST", "/api/v2/users/auth0|alice/identities"));
        assertTrue(tenant.user(WORK_GITHUB).isEmpty());
    }

    /**
     * The system's key repeat for a key held down: more presses of it, as the platform delivers them to the focused
     * control (the headless platform drops a press of a key it already holds, so they are delivered here).
     */
    private void repeat(Window window, KeyCode code, int times) {
        for (int i = 0; i < times; i++) {
            onFx(() -> {
                Event.fireEvent(
                        window.getScene().getFocusOwner(),
                        new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private boolean linkDialogOpen() {
        return onFx(() -> lookup("#confirmLinkButton")
                .tryQuery()
                .map(button -> button.getScene().getWindow().isShowing())
                .orElse(false));
    }

    private void tabTo(Window window, String id) {
        for (int step = 0; step < 10 && !id.equals(focusedId(window)); step++) {
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(id, focusedId(window), "Tab reaches " + id);
    }

    private String focusedId(Window window) {
        return onFx(() -> window.getScene().getFocusOwner() == null
                ? null
                : window.getScene().getFocusOwner().getId());
    }
}
