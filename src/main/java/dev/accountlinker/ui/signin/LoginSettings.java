package dev.accountlinker.ui.signin;

import java.time.Duration;

/**
 * How sign-in windows behave, fixed when the app starts.
 *
 * @param timeout        how long a sign-in window waits for the person before it gives up
 * @param browserOpener  opens a URL in the default browser (HostServices in the app, a scripted browser in tests;
 *                       never java.awt.Desktop.browse, which can freeze a JavaFX application)
 */
public record LoginSettings(Duration timeout, BrowserOpener browserOpener) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** The app's settings: the default timeout and the given way to open the browser. */
    public static LoginSettings defaults(BrowserOpener browserOpener) {
        return new LoginSettings(DEFAULT_TIMEOUT, browserOpener);
    }
}
