package dev.accountlinker.ui.settings;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which key sequences may fire Link: only Space or Enter pressed and released on it, never a key held from before. */
class DeliberateKeyPressTest {
    private final DeliberateKeyPress keys = new DeliberateKeyPress();

    @Test
    void enterOrSpacePressedAndReleasedOnTheButtonFireIt() {
        assertTrue(keys.pressed(KeyCode.ENTER, true));
        assertTrue(keys.armed());
        assertTrue(keys.released(KeyCode.ENTER, true));
        assertFalse(keys.armed());

        assertTrue(keys.pressed(KeyCode.SPACE, true));
        assertTrue(keys.released(KeyCode.SPACE, true));
    }

    @Test
    void anEnterHeldFromTheLoginFormAndReleasedInTheDialogDoesNothing() {
        // The press happened in the login window: the dialog only sees the release.
        assertFalse(keys.released(KeyCode.ENTER, true));
        assertFalse(keys.released(KeyCode.ENTER, false));
    }

    @Test
    void repeatsOfAHeldEnterNeverArmEvenWhenTheFocusMovesToTheButtonMeanwhile() {
        // Repeats arrive while the choice has the focus; then Tab moves to Link with Enter still held.
        assertFalse(keys.pressed(KeyCode.ENTER, false));
        assertFalse(keys.pressed(KeyCode.ENTER, false));
        assertFalse(keys.pressed(KeyCode.TAB, false));
        assertFalse(keys.released(KeyCode.TAB, true));
        assertFalse(keys.pressed(KeyCode.ENTER, true), "a repeat, not a fresh press");
        assertFalse(keys.armed());
        assertFalse(keys.released(KeyCode.ENTER, true));

        // Once it is up, a fresh press on Link links.
        assertTrue(keys.pressed(KeyCode.ENTER, true));
        assertTrue(keys.released(KeyCode.ENTER, true));
    }

    @Test
    void otherKeysAndPressesOffTheButtonNeverArm() {
        assertFalse(keys.pressed(KeyCode.A, true));
        assertFalse(keys.released(KeyCode.A, true));
        assertFalse(keys.pressed(KeyCode.SPACE, false), "Space ticking the check box");
        assertFalse(keys.released(KeyCode.SPACE, false));
    }

    @Test
    void aPressThatLeavesTheButtonBeforeItsReleaseDoesNotFire() {
        assertTrue(keys.pressed(KeyCode.SPACE, true));
        keys.focusLeft();
        assertFalse(keys.released(KeyCode.SPACE, true));

        assertTrue(keys.pressed(KeyCode.ENTER, true));
        assertFalse(keys.released(KeyCode.ENTER, false), "released elsewhere");
    }

    @Test
    void aSecondActivationKeyWhileArmedDoesNotFireOnItsOwn() {
        assertTrue(keys.pressed(KeyCode.SPACE, true));
        assertFalse(keys.pressed(KeyCode.ENTER, true));
        assertFalse(keys.released(KeyCode.ENTER, true));
        assertTrue(keys.released(KeyCode.SPACE, true));
    }
}
