package dev.accountlinker.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's size rule, without a window: content plus frame, never larger than the screen. */
class WindowFitTest {
    private static final Dimension2D CONTENT = new Dimension2D(AppShell.WIDTH, AppShell.HEIGHT);
    private static final Dimension2D MINIMUM = new Dimension2D(AppShell.MIN_WIDTH, AppShell.MIN_HEIGHT);
    /** openbox's frame: 1 px each side, a 20 px title bar and a 5 px handle. */
    private static final Dimension2D OPENBOX = new Dimension2D(2, 25);

    private static final Rectangle2D DESKTOP = new Rectangle2D(0, 0, 1280, 900);
    /** A netbook's 1024 × 600 screen less a 24 px panel at the top. */
    private static final Rectangle2D NETBOOK = new Rectangle2D(0, 24, 1024, 576);

    @Test
    void onADesktopTheWindowIsTheContentPlusItsFrame() {
        assertEquals(new Dimension2D(902, 645), WindowFit.window(CONTENT, OPENBOX, DESKTOP));
        assertEquals(new Dimension2D(900, 620), WindowFit.window(CONTENT, WindowFit.NO_FRAME, DESKTOP));
        assertEquals(new Dimension2D(762, 565), WindowFit.window(MINIMUM, OPENBOX, DESKTOP));
    }

    @Test
    void onASmallScreenTheWindowAndItsMinimumFitTheVisualBounds() {
        assertEquals(new Dimension2D(902, 576), WindowFit.window(CONTENT, OPENBOX, NETBOOK));
        assertEquals(new Dimension2D(762, 565), WindowFit.window(MINIMUM, OPENBOX, NETBOOK));
        Rectangle2D tiny = new Rectangle2D(0, 0, 640, 480);
        assertEquals(new Dimension2D(640, 480), WindowFit.window(CONTENT, OPENBOX, tiny));
        assertEquals(new Dimension2D(640, 480), WindowFit.window(MINIMUM, OPENBOX, tiny));
    }

    @Test
    void aPlaceRememberedFromABiggerScreenIsCutDownAndMovedOntoThisOne() {
        Dimension2D remembered = new Dimension2D(1600, 1000);
        Dimension2D size = WindowFit.fit(remembered, NETBOOK);
        assertEquals(new Dimension2D(1024, 576), size);
        assertEquals(
                new Point2D(0, 24),
                WindowFit.onScreen(new Rectangle2D(300, 200, size.getWidth(), size.getHeight()), NETBOOK),
                "all of the window on the screen, below the panel");
        assertEquals(
                new Point2D(100, 24),
                WindowFit.onScreen(new Rectangle2D(100, 0, 900, 500), NETBOOK),
                "a window that fits keeps its place, moved only as far as needed");
        assertEquals(
                new Point2D(324, 100),
                WindowFit.onScreen(new Rectangle2D(900, 100, 700, 400), NETBOOK),
                "past the right edge: moved back left");
    }

    @Test
    void theFrameIsTheWindowLessItsContentAndNeverNegative() {
        assertEquals(OPENBOX, WindowFit.frame(new Dimension2D(902, 645), CONTENT));
        // While the window opens JavaFX may report the window's new size before its content's.
        assertEquals(new Dimension2D(0, 25), WindowFit.frame(new Dimension2D(200, 645), CONTENT));
    }

    @Test
    void aWindowAtItsMinimumInBothDirectionsIsWhatTheWindowManagerLeftNotAChoice() {
        Dimension2D minimum = WindowFit.window(MINIMUM, OPENBOX, DESKTOP);
        assertTrue(WindowFit.atMinimum(new Dimension2D(762, 565), minimum));
        assertTrue(WindowFit.atMinimum(new Dimension2D(760, 540), minimum), "below it: the frame came later");
        assertFalse(WindowFit.atMinimum(new Dimension2D(762, 700), minimum), "only narrowed: a person's choice");
        assertFalse(WindowFit.atMinimum(new Dimension2D(902, 645), minimum));
    }
}
