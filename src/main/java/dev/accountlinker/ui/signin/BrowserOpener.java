package dev.accountlinker.ui.signin;

/**
 * Opens a URL in the person's default web browser, and says whether that worked where the platform lets us know.
 * Called off the UI thread: starting a browser can take a moment.
 */
@FunctionalInterface
public interface BrowserOpener {
    /** What is known about the attempt. */
    enum Outcome {
        /** The platform reported that the browser was started. */
        OPENED,
        /** The platform cannot tell (the person may still say that nothing opened). */
        UNKNOWN,
        /** The platform reported that no browser could be started. */
        FAILED
    }

    Outcome open(String url);
}
