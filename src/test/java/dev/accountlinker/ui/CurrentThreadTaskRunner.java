package dev.accountlinker.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs every piece of work at once on the calling thread, then its callback: a view model's behaviour becomes
 * a plain sequence a JUnit test can follow, with no JavaFX toolkit and no waiting. Scheduled actions wait until
 * the test lets time pass with {@link #runScheduled()}.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    private final List<Scheduled> scheduled = new ArrayList<>();
    private int started;

    private static final class Scheduled {
        final Duration delay;
        final Runnable action;
        boolean cancelled;

        Scheduled(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }
    }

    @Override
    public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        started++;
        T result;
        try {
            result = work.call();
        } catch (Exception failure) {
            onFailure.accept(failure);
            return () -> {};
        }
        onSuccess.accept(result);
        return () -> {};
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public Running schedule(Duration delay, Runnable action) {
        Scheduled entry = new Scheduled(delay, action);
        scheduled.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Lets the time of every action scheduled so far pass: runs those not cancelled; returns how many ran. */
    public int runScheduled() {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        int ran = 0;
        for (Scheduled entry : due) {
            if (!entry.cancelled) {
                entry.action.run();
                ran++;
            }
        }
        return ran;
    }

    /** The delays of the actions waiting to run (not cancelled), oldest first. */
    public List<Duration> pendingDelays() {
        return scheduled.stream()
                .filter(entry -> !entry.cancelled)
                .map(entry -> entry.delay)
                .toList();
    }

    /** How many pieces of work were run: tests check that nothing went to the network when it should not. */
    public int started() {
        return started;
    }

    @Override
    public void close() {}
}
