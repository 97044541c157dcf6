package dev.accountlinker.ui;

import dev.accountlinker.localtenant.TenantUser;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linking and unlinking through the real settings screen, with the tenant's state asserted. */
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
    void accountsWithDifferentEmailsAreLinkedOnlyOnceThePersonSaysBothAreTheirs() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        assertEquals(
                "Signed in: Alice Example — alice@example.com (email and password)",
                accessibleText("#linkCurrentAccount"));
        assertEquals("To link: Alice (GitHub) — alice-gh@example.com (GitHub)", accessibleText("#linkSecondAccount"));
        assertTrue(text("#linkEmailsDiffer").startsWith("These two accounts have different email addresses."));
        assertTrue(onFx(() -> lookup("#confirmLinkButton").query().isDisabled()), "Link waits for the person's word");

        assertTrue(onFx(() -> lookup("#bothAccountsMineCheckBox").query().isFocused()), "the question comes first");
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node("#confirmLinkButton").isPresent(), "Enter does nothing while the box is not ticked");
        assertEquals(0, requestsTo("POST", "/identities"));

        clickOn("#bothAccountsMineCheckBox");
        assertFalse(onFx(() -> lookup("#confirmLinkButton").query().isDisabled()));
        clickOn("#confirmLinkButton");
        waitForIdentityCount(2);
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
    void aLinkedConnectionsButtonSaysSoAndTheStatusLineMovesNothing() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        double linkButtonsY =
                onFx(() -> lookup("#link-github").query().localToScene(0, 0).getY());

        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"));

        assertTrue(onFx(() -> lookup("#link-github").query().isDisabled()), "GitHub is linked already");
        assertEquals(
                "GitHub account linked",
                onFx(() -> lookup("#link-github")
                        .queryAs(javafx.scene.control.Button.class)
                        .getText()));
        assertEquals(
                "GitHub is already linked to this account",
                onFx(() -> lookup("#link-github")
                        .queryAs(javafx.scene.control.Button.class)
                        .getAccessibleHelp()));
        assertFalse(onFx(() -> lookup("#link-google-oauth2").query().isDisabled()));
        assertEquals(
                linkButtonsY,
                onFx(() -> lookup("#link-github").query().localToScene(0, 0).getY()),
                0.5,
                "the status line appeared without moving the buttons");
        assertEquals(
                "identitiesTable",
                onFx(() -> lookup("#link-github")
                        .query()
                        .getScene()
                        .getFocusOwner()
                        .getId()),
                "after the link the focus is back on the list");
    }

    @Test
    void theSecondSignInIsFreshAndForTheChosenConnection() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        clickOn("#cancelDialogButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());

        String secondAuthorize = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(secondAuthorize.contains("connection=github"), secondAuthorize);
        assertTrue(secondAuthorize.contains("max_age=0"), secondAuthorize);
        assertTrue(secondAuthorize.contains("prompt=login"), secondAuthorize);
        assertTrue(secondAuthorize.contains("read:current_user"), secondAuthorize);
        assertTrue(tenant.user("github|4242424").isPresent(), "a cancelled link changes nothing");
        assertEquals(0, requestsTo("POST", "/identities"));
    }

    @Test
    void anUnverifiedEmailIsRefusedBeforeAnyChange() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#linkAccountButton", "unverified@example.com", "Unverified-1");
        waitForOperationToEnd();
        assertTrue(statusIs("error"));
        assertTrue(statusText().contains("unverified@example.com is not verified"), statusText());
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
        assertEquals(0, requestsTo("POST", "/identities"));
        assertEquals(
                Map.of("theme", "light"),
                tenant.user("auth0|unverified").orElseThrow().userMetadata());
    }

    @Test
    void theSameAccountIsRefused() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#linkAccountButton", "alice@example.com", "Alice-Demo-1");
        waitForOperationToEnd();
        assertTrue(statusText().contains("That is the account you are signed in with"), statusText());
        assertEquals(0, requestsTo("POST", "/identities"));
    }

    @Test
    void anAccountThatAlreadyHasLinkedAccountsIsRefusedBeforeItsMetadataIsMerged() {
        signIn("alice@example.com", "Alice-Demo-1");
        // carol-gh is linked into Carol's account, so signing in with it yields Carol's account.
        linkWith("#link-github", "carol-gh@example.com", "CarolGh-1");
        waitForOperationToEnd();
        assertTrue(statusText().contains("already has other accounts linked to it"), statusText());
        assertFalse(tenant.user("auth0|alice").orElseThrow().userMetadata().containsKey("plan"));
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
    }

    @Test
    void unlinkAsksFirstThenMakesTheIdentityASeparateUserAgain() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
        waitForIdentityCount(2);
        assertTrue(node("#unlink-auth0-alice").isEmpty(), "the main identity has no Unlink button");

        clickWhenReady("#unlink-github-4242424");
        waitForDialogButton("#confirmUnlinkButton");
        assertTrue(dialogText().contains("becomes a separate account again"), dialogText());
        clickOn("#confirmUnlinkButton");

        waitForIdentityCount(1);
        waitForOperationToEnd();
        assertTrue(statusIs("success"));
        TenantUser github = tenant.user("github|4242424").orElseThrow();
        assertTrue(github.userMetadata().isEmpty(), "an unlinked identity comes back without metadata");
        assertEquals(
                "vim",
                tenant.user("auth0|alice").orElseThrow().userMetadata().get("editor"),
                "the merged metadata stays with the main account");
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
    void unlinkWorksFromTheKeyboard() {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        type(javafx.scene.input.KeyCode.SPACE); // "Both accounts are mine" has the focus
        // Link is not the default button (an Enter from the login form must not reach it): Tab to it, then Enter.
        javafx.stage.Window dialog =
                onFx(() -> lookup("#confirmLinkButton").query().getScene().getWindow());
        for (int step = 0;
                step < 10 && !onFx(() -> lookup("#confirmLinkButton").query().isFocused());
                step++) {
            type(javafx.scene.input.KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(onFx(() -> dialog.getScene().getFocusOwner().getId().equals("confirmLinkButton")));
        type(javafx.scene.input.KeyCode.ENTER);
        waitForIdentityCount(2);
        waitForOperationToEnd();

        onFx(() -> {
            identitiesTable().requestFocus();
            return null;
        });
        type(javafx.scene.input.KeyCode.DOWN); // from the main card to the GitHub one
        type(javafx.scene.input.KeyCode.DELETE);
        waitForDialogButton("#confirmUnlinkButton");
        type(javafx.scene.input.KeyCode.ENTER);
        waitForIdentityCount(1);
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
