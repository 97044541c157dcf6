package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identities as cards: the testing contract's ids, the main account's badge, the empty-state line and the
 * keyboard (moved from the whole app's LookUiTest, which keeps the theme menu through the app's windows).
 */
class IdentityCardsComponentTest extends LinkingScreenTestSupport {

    @Test
    void identitiesAreCardsWithTheContractsIdsABadgeAndKeyboardSelection() {
        waitForIdentityCount(1);
        assertTrue(onFx(() -> lookup("#identitiesEmptyState").query().isVisible()), "only the main sign-in so far");
        assertEquals("Only your main sign-in so far. Link another below.", text("#identitiesEmptyState"));
        assertTrue(node("#identity-auth0-alice").isPresent());
        assertEquals(
                "Main account",
                onFx(() -> lookup("#identity-auth0-alice #mainAccountBadge")
                        .queryAs(Label.class)
                        .getText()));
        assertEquals("Email and password, alice@example.com, main account", accessibleText("#identity-auth0-alice"));

        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertFalse(onFx(() -> lookup("#identitiesEmptyState").query().isVisible()));
        assertEquals(2, onFx(() -> identitiesTable().lookupAll(".identity-card").size()), "no empty rows");
        Node github = lookup("#identity-github-4242424").query();
        assertTrue(github.getStyleClass().contains("identity-card"));
        assertEquals("github|4242424", ((Identity) github.getUserData()).subject());
        assertEquals("GitHub, alice-gh@example.com, linked", accessibleText("#identity-github-4242424"));
        assertTrue(node("#identity-github-4242424 #unlink-github-4242424").isPresent(), "Unlink in the card");
        assertTrue(node("#identity-auth0-alice .button").isEmpty(), "no Unlink on the main sign-in");

        // The list has the focus; the arrows move the selection, Delete on the main sign-in does nothing.
        Window main = onFx(() -> github.getScene().getWindow());
        targetWindow(main);
        assertEquals(
                "identitiesTable", onFx(() -> main.getScene().getFocusOwner().getId()));
        assertTrue(selected("#identity-auth0-alice"));
        type(KeyCode.DOWN);
        assertTrue(selected("#identity-github-4242424") && !selected("#identity-auth0-alice"));
        type(KeyCode.HOME);
        assertTrue(selected("#identity-auth0-alice"));
        type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(node("#confirmUnlinkButton").isEmpty(), "the main sign-in cannot be unlinked");
        type(KeyCode.END);
        assertTrue(selected("#identity-github-4242424"));
    }

    private boolean selected(String card) {
        return onFx(() -> lookup(card).query().getPseudoClassStates().stream()
                .anyMatch(state -> state.getPseudoClassName().equals("selected")));
    }
}
