package dev.accountlinker.account;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What the caller of a Management API request wants to know and decide: whether to stop (checked before every
 * request and during every wait, never interrupting one in flight) and when a wait for Auth0's rate limit starts
 * and ends (so the screen can say "continuing in N s").
 */
public record RequestContext(BooleanSupplier cancelled, Listener listener) {
    /** Hears of waits for the rate limit; called on the requesting (background) thread. */
    public interface Listener {
        /** Auth0 refused the request for now; it is sent again at {@code until}. */
        void waiting(Instant until);

        /** The wait is over; the request is being sent again. */
        void resumed();
    }

    private static final Listener SILENT = new Listener() {
        @Override
        public void waiting(Instant until) {}

        @Override
        public void resumed() {}
    };

    /** Never cancelled, waits silently. */
    public static final RequestContext NONE = new RequestContext(() -> false, SILENT);

    public static RequestContext cancellable(BooleanSupplier cancelled, Listener listener) {
        return new RequestContext(cancelled, listener);
    }
}
