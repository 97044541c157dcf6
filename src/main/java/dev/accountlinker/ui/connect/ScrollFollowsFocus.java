package dev.accountlinker.ui.connect;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * Keeps what matters on the connect screen in view: a ScrollPane does not follow the keyboard by itself, and the
 * check's answer may arrive below the fold.
 */
final class ScrollFollowsFocus {
    private ScrollFollowsFocus() {}

    /**
     * @param content the scroll pane's content
     * @param results the node showing {@code lines}, brought into view when they arrive (once laid out)
     */
    static void install(ScrollPane scroll, Region content, Node results, ObservableList<?> lines) {
        boolean[] showResults = new boolean[1];
        lines.addListener((ListChangeListener<Object>) change -> showResults[0] = !lines.isEmpty());
        results.boundsInParentProperty().addListener((observable, old, bounds) -> {
            if (showResults[0] && bounds.getHeight() > 0) {
                showResults[0] = false;
                Platform.runLater(() -> scrollIntoView(scroll, content, results));
            }
        });
        // Whatever Tab focuses comes into view.
        scroll.sceneProperty().addListener((observable, oldScene, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, old, focused) -> scrollIntoView(scroll, content, focused));
            }
        });
    }

    private static void scrollIntoView(ScrollPane scroll, Region content, Node focused) {
        if (focused == null || !isInside(focused, content) || focused == content) {
            return;
        }
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewportHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewportHeight) {
            return;
        }
        var bounds = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double top = (contentHeight - viewportHeight) * scroll.getVvalue();
        double newTop = top;
        if (bounds.getMinY() < top) {
            newTop = bounds.getMinY() - 8;
        } else if (bounds.getMaxY() > top + viewportHeight) {
            newTop = bounds.getMaxY() - viewportHeight + 8;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, newTop / (contentHeight - viewportHeight))));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }
}
