package dev.accountlinker.testkit;

import dev.accountlinker.ui.FxTaskRunner;
import dev.accountlinker.ui.TaskRunner;
import javafx.application.Platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The app's real task runner, except that deadlines never pass by themselves: a UI test ends them with
 * {@link #expireAll()} when it has seen what it wanted, so no test depends on two wall-clock timers racing.
 * {@link #close()} (the app quitting) ends that app's tasks and deadlines; an app started again afterwards with the
 * same instance ({@code AccountLinkerSession.restart}) gets a fresh pool, as a new process would.
 */
public final class ManualDeadlines implements TaskRunner {
    private volatile FxTaskRunner delegate = new FxTaskRunner();
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return delegate.run(work, onSuccess, onFailure);
    }

    @Override
    public void onUiThread(Runnable action) {
        delegate.onUiThread(action);
    }

    @Override
    public synchronized Running schedule(Duration delay, Runnable action) {
        Runnable[] entry = {action};
        pending.add(entry[0]);
        return () -> {
            synchronized (this) {
                pending.remove(entry[0]);
            }
        };
    }

    /** How many deadlines are waiting. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Lets every pending deadline pass, on the JavaFX thread. */
    public void expireAll() {
        List<Runnable> due;
        synchronized (this) {
            due = new ArrayList<>(pending);
            pending.clear();
        }
        Platform.runLater(() -> due.forEach(Runnable::run));
    }

    @Override
    public void close() {
        FxTaskRunner closing;
        synchronized (this) {
            closing = delegate;
            delegate = new FxTaskRunner();
            pending.clear();
        }
        closing.close();
    }
}
