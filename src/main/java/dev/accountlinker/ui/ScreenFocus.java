package dev.accountlinker.ui;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Gives a control of the screen just shown in the main window the focus, once the window lets it keep it: after the
 * layout pulse that settles the new screen, and, for a control disabled while the screen gets ready, once it is
 * enabled.
 */
final class ScreenFocus {
    private final Parent root;

    /** @param root the main window's root, which holds the current screen */
    ScreenFocus(Parent root) {
        this.root = root;
    }

    /** Focuses the node {@code query} (a CSS selector such as {@code #signInButton}) finds on the current screen. */
    void focus(String query) {
        // After the next layout pulse: on GTK the scene moves the focus off a removed control (the previous screen's)
        // to its first control during that pulse, which would win over an earlier request.
        Scene scene = root.getScene();
        if (scene == null) {
            Platform.runLater(() -> focusNow(query));
            return;
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(() -> focusNow(query));
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    private void focusNow(String query) {
        Node node = root.lookup(query);
        if (node == null) {
            return;
        }
        if (!node.isDisabled()) {
            node.requestFocus();
            return;
        }
        // Disabled while the screen gets ready (after a sign-out, while the tenant's session ends): it takes the
        // focus once it can, instead of leaving it on whatever control comes first (the theme menu).
        node.disabledProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean disabled) {
                if (!disabled) {
                    observable.removeListener(this);
                    if (node.getScene() != null) {
                        node.requestFocus();
                    }
                }
            }
        });
    }
}
