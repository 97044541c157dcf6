package dev.accountlinker.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds every piece of work until the test lets it run, then runs it and its callback on the calling thread (the
 * JavaFX thread, in a component test): a screen can be looked at while its view model is loading or linking, and
 * nothing races. Actions on the UI thread run at once; scheduled ones (deadlines, countdowns) never run by themselves.
 */
public final class QueuedTaskRunner implements TaskRunner {
    private final Deque<Queued<?>> queue = new ArrayDeque<>();

    private static final class Queued<T> {
        final Callable<T> work;
        final Consumer<T> onSuccess;
        final Consumer<Throwable> onFailure;
        boolean cancelled;

        Queued(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void run() {
            T result;
            try {
                result = work.call();
            } catch (Exception failure) {
                if (!cancelled) {
                    onFailure.accept(failure);
                }
                return;
            }
            if (!cancelled) {
                onSuccess.accept(result);
            }
        }
    }

    @Override
    public synchronized <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Queued<T> entry = new Queued<>(work, onSuccess, onFailure);
        queue.add(entry);
        return () -> entry.cancelled = true;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public Running schedule(Duration delay, Runnable action) {
        return () -> {};
    }

    /**
     * Runs the work waiting now and whatever its callbacks start in turn, until nothing waits; work cancelled before
     * it ran is dropped. Returns how many pieces ran.
     */
    public int runQueued() {
        int ran = 0;
        for (Queued<?> next = next(); next != null; next = next()) {
            if (!next.cancelled) {
                next.run();
                ran++;
            }
        }
        return ran;
    }

    /** How many pieces of work wait. */
    public synchronized int waiting() {
        return (int) queue.stream().filter(entry -> !entry.cancelled).count();
    }

    private synchronized Queued<?> next() {
        return queue.poll();
    }

    @Override
    public synchronized void close() {
        queue.clear();
    }
}
