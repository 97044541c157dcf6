package dev.accountlinker.localtenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The token bucket behind {@link RateLimit}, on the tenant's clock so tests move time with a MutableClock instead
 * of sleeping. One bucket for the whole tenant: Auth0's Management API limits are per tenant.
 */
final class RateLimiter {

    /** One request's outcome and the values of the three {@code x-ratelimit-*} headers. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond) {}

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Clock clock;
    private RateLimit limit;
    private double tokens;
    private Instant lastRefill;

    RateLimiter(Clock clock, RateLimit limit) {
        this.clock = clock;
        set(limit);
    }

    /** Switches to another limit; the new bucket starts full. */
    synchronized void set(RateLimit newLimit) {
        limit = newLimit;
        tokens = newLimit.capacity();
        lastRefill = clock.instant();
    }

    synchronized RateLimit current() {
        return limit;
    }

    /** Takes one token if there is one; empty when the limit is off. */
    synchronized Optional<Decision> take() {
        if (limit.isOff()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long elapsedNanos = Math.max(0, Duration.between(lastRefill, now).toNanos());
        tokens = Math.min(limit.capacity(), tokens + elapsedNanos / NANOS_PER_SECOND * limit.refillPerSecond());
        lastRefill = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        // Auth0: "x-ratelimit-reset: a UNIX timestamp of the expected time when the rate limit will reset". For a
        // token bucket that is when it is full again; rounded up so a client that waits until then is let through.
        long nanosToFull = (long) Math.ceil((limit.capacity() - tokens) / limit.refillPerSecond() * NANOS_PER_SECOND);
        Instant full = now.plusNanos(nanosToFull);
        long reset = full.getEpochSecond() + (full.getNano() > 0 ? 1 : 0);
        return Optional.of(new Decision(allowed, limit.capacity(), (int) Math.floor(tokens), reset));
    }
}
