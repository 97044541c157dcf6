package dev.accountlinker.ui.settings;

import dev.accountlinker.localtenant.TenantUser;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linking and unlinking on the settings screen and in its dialogs, with the tenant's state asserted (moved from the
 * whole app's LinkingUiTest, which keeps the journeys through the sign-in window): the person's word for two
 * emails, a linked connection's button, the second sign-in's request, the refusals before any change, unlinking
 * with the mouse and the keyboard.
 */
class LinkingComponentTest extends LinkingScreenTestSupport {
    @Test
    void accountsWithDifferentEmailsAreLinkedOnlyOnceThePersonSaysBothAreTheirs() {
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
    void aLinkedConnectionsButtonSaysSoAndTheStatusLineMovesNothing() {
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
        linkWith("#linkAccountButton", "alice@example.com", "Alice-Demo-1");
        waitForOperationToEnd();
        assertTrue(statusText().contains("That is the account you are signed in with"), statusText());
        assertEquals(0, requestsTo("POST", "/identities"));
    }

    @Test
    void anAccountThatAlreadyHasLinkedAccountsIsRefusedBeforeItsMetadataIsMerged() {
        // carol-gh is linked into Carol's account, so signing in with it yields Carol's account.
        linkWith("#link-github", "carol-gh@example.com", "CarolGh-1");
        waitForOperationToEnd();
        assertTrue(statusText().contains("already has other accounts linked to it"), statusText());
        assertFalse(tenant.user("auth0|alice").orElseThrow().userMetadata().containsKey("plan"));
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
    }

    @Test
    void unlinkAsksFirstThenMakesTheIdentityASeparateUserAgain() {
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
    void unlinkWorksFromTheKeyboard() {
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
}
