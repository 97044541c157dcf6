package dev.accountlinker.ui.settings;

import dev.accountlinker.account.RequestContext;
import dev.accountlinker.ui.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * Shows a wait for Auth0's rate limit as {@link SettingsState#WAITING_FOR_RATE_LIMIT} with "continuing in N s",
 * counting down each second, and ends it when the request is sent again. Hears of waits on a background thread
 * and changes the screen on the UI thread.
 */
final class RateLimitCountdown implements RequestContext.Listener {
    private static final Duration TICK = Duration.ofSeconds(1);

    private final TaskRunner tasks;
    private final Clock clock;
    private final LongConsumer showSecondsLeft;
    private final Runnable endWait;
    private Instant until;
    private TaskRunner.Running ticking;

    RateLimitCountdown(TaskRunner tasks, Clock clock, LongConsumer showSecondsLeft, Runnable endWait) {
        this.tasks = tasks;
        this.clock = clock;
        this.showSecondsLeft = showSecondsLeft;
        this.endWait = endWait;
    }

    @Override
    public void waiting(Instant resetAt) {
        tasks.onUiThread(() -> {
            until = resetAt;
            tick();
        });
    }

    private void tick() {
        stopTicking();
        showSecondsLeft.accept(Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000));
        ticking = tasks.schedule(TICK, this::tick);
    }

    @Override
    public void resumed() {
        tasks.onUiThread(() -> {
            stopTicking();
            endWait.run();
        });
    }

    /** The operation ended (or was cancelled) during a wait: no more ticks. */
    void stop() {
        stopTicking();
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }
}
