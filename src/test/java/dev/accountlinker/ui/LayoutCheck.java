package dev.accountlinker.ui;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds text a person cannot read whole, in any window of the app: a {@link Labeled} (label, button, check box,
 * radio button, hyperlink, table header…) whose rendered text is cut (its skin shows "…" or less than the text),
 * a text control that reaches past the edge of its window, controls laid out side by side (or one above the other)
 * that overlap, a window larger than its screen, and a scroll pane that hides part of its content although the
 * screen has room to show it whole. Used with the pseudo-locale, whose longer texts show what a longer language would cut.
 * Call it on the JavaFX thread, once the screen is laid out; {@link #screenshot} saves what was checked.
 *
 * <p>For another screen or theme: {@code onFx(() -> LayoutCheck.problems(window))} after the screen is shown,
 * and assert the list is empty (the problems name the control by id, or by its class and text).
 */
public final class LayoutCheck {
    /** A pixel of rounding: bounds that merely touch are fine. */
    private static final double TOLERANCE = 1.0;

    private LayoutCheck() {}

    /** Every problem in a showing window, or none: its controls, and whether the window fits on its screen. */
    public static List<String> problems(Window window) {
        Scene scene = window.getScene();
        if (scene == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>(problems(scene));
        Rectangle2D screen =
                Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(), window.getHeight())
                        .stream()
                        .findFirst()
                        .orElse(Screen.getPrimary())
                        .getVisualBounds();
        if (window.getWidth() > screen.getWidth() + TOLERANCE || window.getHeight() > screen.getHeight() + TOLERANCE) {
            problems.add("the window is " + Math.round(window.getWidth()) + "×" + Math.round(window.getHeight())
                    + ", larger than its screen (" + Math.round(screen.getWidth()) + "×"
                    + Math.round(screen.getHeight())
                    + "): its edge is out of reach");
        }
        scene.getRoot().lookupAll(".scroll-pane").forEach(node -> {
            if (node instanceof ScrollPane scroller && scroller.getContent() != null && shown(scroller)) {
                double hidden = scroller.getContent().getLayoutBounds().getHeight()
                        - scroller.getViewportBounds().getHeight();
                if (hidden > TOLERANCE && window.getHeight() + hidden <= screen.getHeight()) {
                    problems.add(describe(scroller) + ": hides " + Math.round(hidden) + " px of its content behind a"
                            + " scroll bar although the screen has room for the window to show it whole");
                }
            }
        });
        return problems;
    }

    private static boolean shown(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public static List<String> problems(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        visit(scene.getRoot(), scene, problems);
        return problems;
    }

    private static void visit(Node node, Scene scene, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            checkText(labeled, scene, problems);
        }
        if (node instanceof Parent parent) {
            if (laysOutInSequence(parent)) {
                checkOverlaps(parent, problems);
            }
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, scene, problems);
            }
        }
    }

    private static void checkText(Labeled labeled, Scene scene, List<String> problems) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            return;
        }
        Text rendered = renderedText(labeled);
        if (rendered == null) {
            // A menu button's skin draws its text with a label of its own, which is checked as any label.
            if (!drawnByInnerLabel(labeled, text)) {
                problems.add(describe(labeled) + ": its text is not rendered at all");
            }
            return;
        }
        String expected = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        if (!rendered.getText().equals(expected)) {
            problems.add(describe(labeled) + ": cut to \"" + rendered.getText() + "\" (width "
                    + Math.round(labeled.getWidth()) + ", height " + Math.round(labeled.getHeight()) + ")");
        }
        if (!scrolledOrClipped(labeled)) {
            Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
            if (bounds.getMinX() < -TOLERANCE
                    || bounds.getMinY() < -TOLERANCE
                    || bounds.getMaxX() > scene.getWidth() + TOLERANCE
                    || bounds.getMaxY() > scene.getHeight() + TOLERANCE) {
                problems.add(describe(labeled) + ": reaches past its window (" + round(bounds) + " in a "
                        + Math.round(scene.getWidth()) + "×" + Math.round(scene.getHeight()) + " scene)");
            }
        }
    }

    /** The Text node the skin draws the text with (absent before the skin exists). */
    private static Text renderedText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            // An icon font's glyph is a Text too, but it is the graphic, not the text.
            if (child instanceof Text text && child != labeled.getGraphic()) {
                return text;
            }
        }
        return null;
    }

    private static boolean drawnByInnerLabel(Parent parent, String text) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Labeled inner && text.equals(inner.getText())
                    || child instanceof Parent nested && drawnByInnerLabel(nested, text)) {
                return true;
            }
        }
        return false;
    }

    /** Containers that place their children next to or below each other: there, children must not overlap. */
    private static boolean laysOutInSequence(Parent parent) {
        return parent instanceof HBox
                || parent instanceof VBox
                || parent instanceof FlowPane
                || parent instanceof TilePane
                || parent instanceof GridPane
                || parent instanceof BorderPane
                || parent instanceof DialogPane;
    }

    private static void checkOverlaps(Parent parent, List<String> problems) {
        List<Node> shown = parent.getChildrenUnmodifiable().stream()
                .filter(child -> child.isVisible() && child.isManaged())
                .toList();
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                Bounds a = laidOut(shown.get(i));
                Bounds b = laidOut(shown.get(j));
                double overlapX = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double overlapY = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (overlapX > TOLERANCE && overlapY > TOLERANCE) {
                    problems.add(describe(shown.get(i)) + " overlaps " + describe(shown.get(j)) + " in "
                            + describe(parent) + " (" + Math.round(overlapX) + "×" + Math.round(overlapY) + " px)");
                }
            }
        }
    }

    /**
     * Where the layout put a node: a focus ring or a shadow drawn around it may reach over its neighbour (the
     * theme draws them outside the control), its text and background may not.
     */
    private static Bounds laidOut(Node node) {
        Bounds layout = node.getLayoutBounds();
        return new BoundingBox(
                node.getLayoutX() + node.getTranslateX() + layout.getMinX(),
                node.getLayoutY() + node.getTranslateY() + layout.getMinY(),
                layout.getWidth(),
                layout.getHeight());
    }

    /** Inside a scroll pane or a clipped area (a table's rows) a control may be partly out of view by design. */
    private static boolean scrolledOrClipped(Node node) {
        for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrollPane || parent.getClip() != null) {
                return true;
            }
        }
        return false;
    }

    static String describe(Node node) {
        Class<?> type = node.getClass().isAnonymousClass() ? node.getClass().getSuperclass() : node.getClass();
        String name = node.getId() != null ? "#" + node.getId() : type.getSimpleName();
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isEmpty()) {
            String text = labeled.getText();
            name += " \"" + (text.length() > 50 ? text.substring(0, 50) + "…" : text) + "\"";
        }
        return name;
    }

    private static String round(Bounds bounds) {
        return Math.round(bounds.getMinX()) + "," + Math.round(bounds.getMinY()) + " to " + Math.round(bounds.getMaxX())
                + "," + Math.round(bounds.getMaxY());
    }

    /** Saves what the window shows as a PNG (JavaFX's snapshot, converted pixel by pixel: no javafx-swing here). */
    public static void screenshot(Scene scene, Path file) {
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(picture, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the screenshot " + file, e);
        }
    }
}
