package dev.accountlinker.ui;

import javafx.event.EventHandler;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;
import java.util.Optional;

/**
 * The main window's size as it opens ({@link WindowFit} is the rule). The content gets the size the layout was made
 * for and never less than its minimum, whatever frame the window manager draws around it; the window is never larger
 * than the screen it opens on, and a place remembered from a larger screen is fitted to this one.
 * <p>
 * JavaFX 21's GTK glass loses the size a window asks for before it is mapped (JDK-8316423, fixed in JavaFX 22): under
 * openbox and other plain window managers the window came up at GTK's default 200 × 200, grown to its minimum size
 * (758 × 515 inside openbox's frame instead of 900 × 620). So while the window opens, until it is first used, a
 * window found at its minimum size asks again for its size, at most {@value #MAX_REQUESTS} times; a size the person
 * or the window manager chose otherwise is left alone.
 */
final class MainWindowSize {
    private static final int MAX_REQUESTS = 3;

    private final Stage stage;
    private final Dimension2D content;
    private final Dimension2D minimumContent;
    private final Runnable check = this::check;
    private final EventHandler<InputEvent> firstUse = event -> stopOpening();
    private Scene scene;
    /** The place {@link WindowPlacement} restored, fitted to its screen; empty on a first start. */
    private Optional<Rectangle2D> remembered = Optional.empty();

    private boolean fitted;
    private int requests;
    private boolean opening;

    MainWindowSize(Stage stage, Dimension2D content, Dimension2D minimumContent) {
        this.stage = stage;
        this.content = content;
        this.minimumContent = minimumContent;
    }

    /** The first scene: the content's size, cut down to the primary screen (the frame is not known yet). */
    Scene scene(Parent root) {
        Dimension2D size = WindowFit.window(
                content, WindowFit.NO_FRAME, Screen.getPrimary().getVisualBounds());
        scene = new Scene(root, size.getWidth(), size.getHeight());
        return scene;
    }

    /**
     * Before the window is shown, after {@link WindowPlacement#restore}: its minimum, and a restored place fitted to
     * its screen. Otherwise the window's size comes from the scene, so that JavaFX adds the frame.
     */
    void beforeShow(boolean restored) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (restored) {
            Rectangle2D saved = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            screen = screenOf(saved);
            Dimension2D size = WindowFit.fit(new Dimension2D(saved.getWidth(), saved.getHeight()), screen);
            Point2D at = WindowFit.onScreen(
                    new Rectangle2D(saved.getMinX(), saved.getMinY(), size.getWidth(), size.getHeight()), screen);
            remembered = Optional.of(new Rectangle2D(at.getX(), at.getY(), size.getWidth(), size.getHeight()));
            stage.setX(at.getX());
            stage.setY(at.getY());
            stage.setWidth(size.getWidth());
            stage.setHeight(size.getHeight());
        } else {
            stage.sizeToScene(); // also a stage shown before (the tests' one) takes the scene's size
        }
        setMinimum(WindowFit.NO_FRAME, screen);
    }

    /** Once the window is shown: watches each frame until the window is first used (or has asked enough times). */
    void afterShow() {
        opening = true;
        scene.addPostLayoutPulseListener(check);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, firstUse);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, firstUse);
    }

    private void check() {
        if (!opening || !stage.isShowing()) {
            return;
        }
        if (stage.isMaximized() || stage.isFullScreen() || stage.isIconified()) {
            stopOpening(); // a state the person chose, not a size
            return;
        }
        Dimension2D window = new Dimension2D(stage.getWidth(), stage.getHeight());
        Rectangle2D screen = screenOf(bounds());
        Dimension2D frame = WindowFit.frame(window, new Dimension2D(scene.getWidth(), scene.getHeight()));
        Dimension2D minimum = setMinimum(frame, screen);
        Dimension2D wanted = remembered
                .map(place -> new Dimension2D(place.getWidth(), place.getHeight()))
                .orElseGet(() -> WindowFit.window(content, frame, screen));
        if (WindowFit.atMinimum(window, minimum) && !same(window, wanted)) {
            if (requests == MAX_REQUESTS) {
                stopOpening();
                return;
            }
            requests++;
            stage.setWidth(wanted.getWidth());
            stage.setHeight(wanted.getHeight());
            remembered.ifPresent(place -> {
                stage.setX(place.getMinX());
                stage.setY(place.getMinY());
            });
            return;
        }
        if (!fitted || requests > 0) {
            // The size asked for came with the frame added, which may not fit a small screen.
            fitted = true;
            fitOnScreen(window, screen);
        }
        if (requests > 0) {
            stopOpening(); // asked again and got it
        }
    }

    private void fitOnScreen(Dimension2D window, Rectangle2D screen) {
        Dimension2D fit = WindowFit.fit(window, screen);
        if (!same(fit, window)) {
            stage.setWidth(fit.getWidth());
            stage.setHeight(fit.getHeight());
        }
        Point2D at = WindowFit.onScreen(
                new Rectangle2D(stage.getX(), stage.getY(), fit.getWidth(), fit.getHeight()), screen);
        if (Math.abs(at.getX() - stage.getX()) > 1 || Math.abs(at.getY() - stage.getY()) > 1) {
            stage.setX(at.getX());
            stage.setY(at.getY());
        }
    }

    /** The window's minimum: the content's minimum plus the frame, never more than the screen. */
    private Dimension2D setMinimum(Dimension2D frame, Rectangle2D screen) {
        Dimension2D minimum = WindowFit.window(minimumContent, frame, screen);
        if (stage.getMinWidth() != minimum.getWidth()) {
            stage.setMinWidth(minimum.getWidth());
        }
        if (stage.getMinHeight() != minimum.getHeight()) {
            stage.setMinHeight(minimum.getHeight());
        }
        return minimum;
    }

    private void stopOpening() {
        if (opening) {
            opening = false;
            scene.removePostLayoutPulseListener(check);
            scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, firstUse);
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, firstUse);
        }
    }

    private Rectangle2D bounds() {
        return new Rectangle2D(
                stage.getX(), stage.getY(), Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()));
    }

    private static Rectangle2D screenOf(Rectangle2D window) {
        List<Screen> screens = Screen.getScreensForRectangle(
                window.getMinX(), window.getMinY(), window.getWidth(), window.getHeight());
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    private static boolean same(Dimension2D a, Dimension2D b) {
        return Math.abs(a.getWidth() - b.getWidth()) <= 1 && Math.abs(a.getHeight() - b.getHeight()) <= 1;
    }
}
