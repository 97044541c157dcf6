package dev.accountlinker.testkit;

import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.Optional;

/**
 * Ends JavaFX properly once a test JVM has run its tests, before the JVM exits. TestFX never calls
 * {@link Platform#exit()}; without it the JVM's exit ran WebKit's native teardown while WebKit's own threads were
 * still at work, and now and then (more often on a loaded machine) the fork died with SIGABRT after all its tests
 * had passed — surefire's "Error occurred in starting fork". Registered for every test JVM through
 * {@code META-INF/services}; a JVM that never started JavaFX is left alone.
 */
public final class JavaFxExitListener implements LauncherSessionListener {
    /** Bounded: a JavaFX thread that does not stop must not hold up the build. */
    private static final long EXIT_WAIT_MILLIS = 20_000;

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Optional<Thread> fxThread = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("JavaFX Application Thread"))
                .findFirst();
        if (fxThread.isEmpty()) {
            return;
        }
        Platform.exit();
        try {
            fxThread.get().join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
