package dev.accountlinker.ui;

import dev.accountlinker.localtenant.TenantUser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linking and unlinking through the whole app, with the tenant's state asserted: the journeys that need the sign-in
 * window (the second sign-in in the WebView, signing in again first, closing the window). What the settings screen
 * and its dialogs do on their own is {@code ui.settings.LinkingComponentTest}'s.
 */
class LinkingUiTest extends AppUiTestSupport {
    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    @Test
    void linkingGoogleMergesMetadataShowsConflictsAndRefreshesTheTable() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);

        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        List<String> merge = mergeRows();
        assertTrue(merge.contains("language | en (kept) | pt (dropped)"), merge.toString());
        assertTrue(merge.contains("address.city | Lisbon (kept) | Porto (dropped)"), merge.toString());
        assertTrue(merge.contains("newsletter | — | true (added)"), merge.toString());
        assertTrue(merge.contains("address.zip | — | 4000-001 (added)"), merge.toString());
        assertTrue(merge.contains("theme | dark (kept) | —"), merge.toString());
        assertTrue(onFx(() -> lookup("#linkProgressBox").query().isVisible()), "progress shows while waiting");
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"), "nothing changes before the user confirms");

        confirmLink();
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertTrue(statusText().startsWith("Linked Alice (Google) to your account"), statusText());
        waitForIdentityCount(2);
        assertEquals(List.of("auth0|alice", GOOGLE), identitySubjects());

        TenantUser alice = tenant.user("auth0|alice").orElseThrow();
        assertEquals("en", alice.userMetadata().get("language"));
        assertEquals(true, alice.userMetadata().get("newsletter"));
        assertEquals(
                Map.of("city", "Lisbon", "country", "PT", "zip", "4000-001"),
                alice.userMetadata().get("address"));
        assertTrue(tenant.user(GOOGLE).isEmpty(), "the linked account is no longer a separate user");
        assertEquals(0, callbacks.hits());
    }

    @Test
    void anOldSignInIsAskedToSignInAgainBeforeLinking() {
        // Alice signed in, then left the app open for eleven minutes (the app and the tenant share the clock).
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        tenantClock.setOffset(java.time.Duration.ofMinutes(11));

        clickWhenReady("#link-github");
        waitForLoginForm();
        assertEquals(
                "Confirm it’s you",
                onFx(() -> ((javafx.stage.Stage) loginWebView().getScene().getWindow()).getTitle()));
        assertTrue(
                text("#linkProgressLabel")
                        .startsWith("For your safety, linking needs a recent sign-in: sign in again"
                                + " as alice@example.com (your last sign-in was 11 minutes ago)"),
                text("#linkProgressLabel"));
        String confirm = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(
                confirm.contains("max_age=0")
                        && confirm.contains("login_hint=alice@example.com")
                        && confirm.contains("connection=Username-Password-Authentication"),
                confirm);
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        // Then the account to link signs in, as always.
        waitUntil(() ->
                loginWindowOpen() && text("#linkProgressLabel").startsWith("Sign in to the account you want to link"));
        submitLoginForm("alice-gh@example.com", "Github-Demo-1");
        confirmLink();
        waitForIdentityCount(2);
        assertEquals(List.of("auth0|alice", "github|4242424"), identitySubjects());
    }

    @Test
    void confirmingWithAnotherAccountIsRefused() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        tenantClock.setOffset(java.time.Duration.ofMinutes(11));
        clickWhenReady("#link-github");
        submitLoginForm("bob@example.com", "Bob-Demo-1");
        waitForOperationToEnd();
        assertEquals(
                "You signed in as Bob Builder, not as Alice Example. To link accounts, confirm with the account you"
                        + " are signed in with.",
                statusText());
        assertTrue(statusIs("error"));
        assertEquals("alice@example.com", text("#profileEmail"), "still Alice");
        assertEquals(0, requestsTo("POST", "/identities"));
    }

    @Test
    void anOldSignInIsAskedToSignInAgainBeforeUnlinking() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        tenantClock.setOffset(java.time.Duration.ofMinutes(11));

        clickWhenReady("#unlink-github-4242424");
        waitForDialogButton("#confirmUnlinkButton");
        clickOn("#confirmUnlinkButton");
        waitForLoginForm();
        assertTrue(
                text("#linkProgressLabel")
                        .startsWith("For your safety, unlinking needs a recent sign-in: sign in again"
                                + " as alice@example.com"),
                text("#linkProgressLabel"));
        String confirm = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(confirm.contains("max_age=0") && confirm.contains("login_hint=alice@example.com"), confirm);
        assertEquals(0, requestsTo("DELETE", "/identities/github/4242424"), "nothing unlinked yet");
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        waitForIdentityCount(1);
        waitForOperationToEnd();
        assertTrue(statusIs("success"));
        assertTrue(tenant.user("github|4242424").isPresent());
    }

    @Test
    void cancellingTheSecondSignInChangesNothing() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> !lookup("#link-google-oauth2").query().isDisabled());
        clickOn("#link-google-oauth2");
        waitForLoginForm();
        assertTrue(onFx(() -> lookup("#link-github").query().isDisabled()), "link buttons are disabled while linking");
        clickOn("#loginCancelButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
        assertFalse(onFx(() -> lookup("#link-github").query().isDisabled()));
        assertTrue(tenant.user(GOOGLE).isPresent());
    }
}
