package dev.accountlinker.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The app's {@link TaskRunner}: a {@link Task} per piece of work on a small bounded pool of daemon threads,
 * callbacks on the JavaFX thread. The app has at most a handful of requests in flight (a sign-in, a read, a
 * write), so four threads never make anything wait; idle threads end after a minute. Shut down on quit.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final int THREADS = 4;

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor;

    public FxTaskRunner() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "account-linker-task-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    @Override
    public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        executor.execute(task);
        return () -> task.cancel(true);
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public Running schedule(Duration delay, Runnable action) {
        PauseTransition[] pause = new PauseTransition[1];
        boolean[] cancelled = new boolean[1];
        onUiThread(() -> {
            if (cancelled[0]) {
                return;
            }
            pause[0] = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
            pause[0].setOnFinished(event -> action.run());
            pause[0].play();
        });
        return () -> onUiThread(() -> {
            cancelled[0] = true;
            if (pause[0] != null) {
                pause[0].stop();
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
