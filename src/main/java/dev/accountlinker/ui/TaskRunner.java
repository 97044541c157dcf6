package dev.accountlinker.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the screens send blocking work (network, crypto) and how results come back to the UI thread.
 * Injected, so a view model runs on the JavaFX runner in the app and on {@code CurrentThreadTaskRunner} in tests.
 * A cancelled task calls neither callback: whoever cancelled it updates the screen.
 */
public interface TaskRunner extends AutoCloseable {
    /** A running piece of work that can be stopped. */
    interface Running {
        /** Stops the work: interrupts it if it has started, and skips both callbacks. */
        void cancel();
    }

    /** Runs {@code work} in the background; {@code onSuccess} or {@code onFailure} then runs on the UI thread. */
    <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread: at once when already on it, otherwise as soon as possible. */
    void onUiThread(Runnable action);

    /**
     * Runs {@code action} on the UI thread once {@code delay} has passed, unless cancelled first. Every deadline
     * and countdown goes through here, so a test decides when time is up instead of racing a wall clock.
     */
    Running schedule(Duration delay, Runnable action);

    /** Stops the background threads; work still queued is dropped. */
    @Override
    void close();
}
