package dev.accountlinker.ui;

import javafx.scene.control.RadioButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeping the second account as main when the sign-in has grown old while the dialog was open: Alice signs in again
 * in the sign-in window first (its page, its progress line), or another account answering is refused. The dialog's
 * own choices and the tenant's state after each are {@code ui.settings.ChoosePrimaryComponentTest}'s.
 */
class ChoosePrimaryUiTest extends AppUiTestSupport {
    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    private RadioButton radio(String id) {
        return lookup(id).queryAs(RadioButton.class);
    }

    private void choose(String id) {
        clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> onFx(() -> radio(id).isSelected()));
    }

    @Test
    void keepingGoogleAsMainAfterTheDialogWasOpenTooLongAsksAliceToSignInAgainFirst() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        // Alice reads the dialog for eleven minutes (the app and the tenant share the clock): keeping Google as main
        // folds her account into it, so her sign-in must be recent when she confirms, not only when she started.
        tenantClock.setOffset(Duration.ofMinutes(11));
        choose("#keepSecondMainRadio");
        long authorizeBefore = requestsTo("GET", "/authorize");

        confirmLink();
        waitForLoginForm();
        assertTrue(
                text("#linkProgressLabel")
                        .startsWith("For your safety, keeping the other account as main needs a recent sign-in:"
                                + " sign in again as alice@example.com"),
                text("#linkProgressLabel"));
        assertEquals(authorizeBefore + 1, requestsTo("GET", "/authorize"));
        String confirm = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(
                confirm.contains("max_age=0")
                        && confirm.contains("prompt=login")
                        && confirm.contains("login_hint=alice@example.com"),
                confirm);
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"), "nothing merged before Alice signs in again");
        assertEquals(0, requestsTo("POST", "/identities"), "nothing linked before Alice signs in again");
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        waitForSettingsOf("alice.g@example.com");
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertEquals(List.of(GOOGLE, "auth0|alice"), identitySubjects());
        assertTrue(tenant.user("auth0|alice").isEmpty(), "Alice is no longer a separate user");
    }

    @Test
    void keepingGoogleAsMainIsRefusedWhenBobAnswersTheNewSignIn() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        tenantClock.setOffset(Duration.ofMinutes(11));
        choose("#keepSecondMainRadio");

        confirmLink();
        waitForLoginForm();
        submitLoginForm("bob@example.com", "Bob-Demo-1");
        waitForOperationToEnd();

        assertTrue(statusIs("error"), statusText());
        assertEquals(
                "You signed in as Bob Builder, not as Alice Example. To link accounts, confirm with the account you"
                        + " are signed in with.",
                statusText());
        assertEquals("alice@example.com", text("#profileEmail"), "still Alice");
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
        assertEquals(0, requestsTo("POST", "/identities"));
        assertTrue(tenant.user("auth0|alice").isPresent() && tenant.user(GOOGLE).isPresent(), "nothing was linked");
    }
}
