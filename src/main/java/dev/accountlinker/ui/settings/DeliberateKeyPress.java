package dev.accountlinker.ui.settings;

import javafx.scene.input.KeyCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides when a key may fire a confirm button that must not go off by accident (Link): only a press of Space or
 * Enter that the dialog saw begin while the button had the focus, released there. A key held down from before
 * (Enter from the login form, its repeats, or a release after the dialog opened) never fires it, even when the focus
 * moves to the button while it is held: a repeat is a press of a key the dialog already saw go down and not come up.
 * Pure (key codes in, decisions out), so every sequence is unit tested; the dialog feeds it every key event it sees.
 */
final class DeliberateKeyPress {
    /** Keys whose press the dialog saw and whose release it has not seen yet. */
    private final Set<KeyCode> down = EnumSet.noneOf(KeyCode.class);

    private KeyCode armedBy;

    /** The keys that press a focused button. */
    static boolean activates(KeyCode code) {
        return code == KeyCode.SPACE || code == KeyCode.ENTER;
    }

    /**
     * A key went down (or repeated). True when it arms the button: an activation key, freshly pressed, while the
     * button has the focus.
     */
    boolean pressed(KeyCode code, boolean onButton) {
        boolean fresh = down.add(code);
        if (fresh && onButton && activates(code) && armedBy == null) {
            armedBy = code;
            return true;
        }
        return false;
    }

    /** A key came up. True when this fires the button: the key that armed it, still on the button. */
    boolean released(KeyCode code, boolean onButton) {
        down.remove(code);
        if (code != armedBy) {
            return false;
        }
        armedBy = null;
        return onButton;
    }

    /** The button lost the focus: a press that began on it no longer fires it. */
    void focusLeft() {
        armedBy = null;
    }

    boolean armed() {
        return armedBy != null;
    }
}
