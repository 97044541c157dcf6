package dev.accountlinker.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * How big a window may be on a screen, as a plain rule (no window needed): the content size a layout was made for
 * plus the frame the window manager draws around it, never larger than the screen's visual bounds (the screen less
 * its panels and docks), and placed so that all of it is on that screen. Sizes in JavaFX's units.
 */
public final class WindowFit {
    /** A window without a frame (or one whose frame is not known yet). */
    public static final Dimension2D NO_FRAME = new Dimension2D(0, 0);

    private WindowFit() {}

    /** The window's size for this content: the content plus its frame, cut down to the screen. */
    public static Dimension2D window(Dimension2D content, Dimension2D frame, Rectangle2D screen) {
        return fit(
                new Dimension2D(content.getWidth() + frame.getWidth(), content.getHeight() + frame.getHeight()),
                screen);
    }

    /** A window size cut down to the screen: a window may be smaller than it asks for, never larger than the screen. */
    public static Dimension2D fit(Dimension2D window, Rectangle2D screen) {
        return new Dimension2D(
                Math.max(1, Math.min(window.getWidth(), screen.getWidth())),
                Math.max(1, Math.min(window.getHeight(), screen.getHeight())));
    }

    /** Where a window of this size goes so that all of it is on the screen (top left corner first). */
    public static Point2D onScreen(Rectangle2D window, Rectangle2D screen) {
        return new Point2D(
                clamp(window.getMinX(), screen.getMinX(), screen.getMaxX() - window.getWidth()),
                clamp(window.getMinY(), screen.getMinY(), screen.getMaxY() - window.getHeight()));
    }

    /**
     * The frame around a window's content: the window's size less its content's. Never negative: while a window
     * opens, JavaFX may report the window's new size before its content's.
     */
    public static Dimension2D frame(Dimension2D window, Dimension2D content) {
        return new Dimension2D(
                Math.max(0, window.getWidth() - content.getWidth()),
                Math.max(0, window.getHeight() - content.getHeight()));
    }

    /**
     * Whether a window is at (or below) its minimum size in both directions: what JavaFX 21's GTK glass leaves when
     * the window manager maps a window without the size it asked for (GTK's default 200 × 200, grown to the minimum).
     */
    public static boolean atMinimum(Dimension2D window, Dimension2D minimum) {
        return window.getWidth() <= minimum.getWidth() + 1 && window.getHeight() <= minimum.getHeight() + 1;
    }

    private static double clamp(double value, double low, double high) {
        // A window as big as the screen (or bigger) starts at the screen's edge.
        return Math.max(low, Math.min(value, high));
    }
}
