package dev.accountlinker.ui.settings;

import dev.accountlinker.account.RequestContext;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a wait for Auth0's rate limit as {@link SettingsState#WAITING_FOR_RATE_LIMIT} with "continuing in N s",
 * counting down each second, and puts back the state (and its text) the operation was in when the request is sent
 * again. Hears of waits on a background thread and changes the screen on the UI thread.
 */
final class RateLimitCountdown implements RequestContext.Listener {
    private static final Duration TICK = Duration.ofSeconds(1);

    /** The screen's state and its text, which the countdown switches while a wait lasts. */
    interface Screen {
        SettingsState state();

        String text();

        void show(SettingsState state, String text);
    }

    private final TaskRunner tasks;
    private final Clock clock;
    private final Messages messages;
    private final Screen screen;
    private Instant until;
    private TaskRunner.Running ticking;
    private SettingsState stateBeforeWait;
    private String textBeforeWait;

    RateLimitCountdown(TaskRunner tasks, Clock clock, Messages messages, Screen screen) {
        this.tasks = tasks;
        this.clock = clock;
        this.messages = messages;
        this.screen = screen;
    }

    @Override
    public void waiting(Instant resetAt) {
        tasks.onUiThread(() -> {
            if (screen.state() == SettingsState.IDLE) {
                return; // the operation already ended
            }
            if (screen.state() != SettingsState.WAITING_FOR_RATE_LIMIT) {
                stateBeforeWait = screen.state();
                textBeforeWait = screen.text();
            }
            until = resetAt;
            tick();
        });
    }

    private void tick() {
        stopTicking();
        long secondsLeft = Math.max(1, (Duration.between(clock.instant(), until).toMillis() + 999) / 1000);
        SettingsState waiting = SettingsState.WAITING_FOR_RATE_LIMIT;
        screen.show(waiting, messages.get(waiting.textKey(), secondsLeft));
        ticking = tasks.schedule(TICK, this::tick);
    }

    @Override
    public void resumed() {
        tasks.onUiThread(() -> {
            stopTicking();
            if (screen.state() == SettingsState.WAITING_FOR_RATE_LIMIT) {
                screen.show(stateBeforeWait, textBeforeWait);
            }
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
