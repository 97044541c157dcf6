package dev.accountlinker.localtenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token buckets behind {@link RateLimit}, on the tenant's clock so tests move time with a MutableClock instead
 * of sleeping. Per tenant, as Auth0's Management API limits are: one bucket shared by every endpoint, or one per
 * endpoint group when the limit says so.
 */
final class RateLimiter {

    /** One request's outcome and the values of the three {@code x-ratelimit-*} headers. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond) {}

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    /** One bucket's level. */
    private static final class Level {
        final RateLimit.Bucket bucket;
        double tokens;
        Instant lastRefill;

        Level(RateLimit.Bucket bucket, Instant now) {
            this.bucket = bucket;
            this.tokens = bucket.capacity();
            this.lastRefill = now;
        }
    }

    private final Clock clock;
    private RateLimit limit;
    private final Map<RateLimit.Endpoint, Level> levels = new EnumMap<>(RateLimit.Endpoint.class);

    RateLimiter(Clock clock, RateLimit limit) {
        this.clock = clock;
        set(limit);
    }

    /** Switches to another limit; the new buckets start full. */
    synchronized void set(RateLimit newLimit) {
        limit = newLimit;
        levels.clear();
        Instant now = clock.instant();
        if (newLimit.isOff()) {
            return;
        }
        // A single-bucket limit shares one level between every endpoint group.
        Level shared = newLimit.isPerEndpoint()
                ? null
                : new Level(newLimit.bucket(RateLimit.Endpoint.OTHER).orElseThrow(), now);
        for (RateLimit.Endpoint e : RateLimit.Endpoint.values()) {
            levels.put(e, shared != null ? shared : new Level(newLimit.bucket(e).orElseThrow(), now));
        }
    }

    synchronized RateLimit current() {
        return limit;
    }

    /** Takes one token from the endpoint's bucket if there is one; empty when the limit is off. */
    synchronized Optional<Decision> take(RateLimit.Endpoint endpoint) {
        Level level = levels.get(endpoint);
        if (level == null) {
            return Optional.empty();
        }
        RateLimit.Bucket bucket = level.bucket;
        Instant now = clock.instant();
        long elapsedNanos = Math.max(0, Duration.between(level.lastRefill, now).toNanos());
        level.tokens =
                Math.min(bucket.capacity(), level.tokens + elapsedNanos / NANOS_PER_SECOND * bucket.refillPerSecond());
        level.lastRefill = now;
        boolean allowed = level.tokens >= 1;
        if (allowed) {
            level.tokens -= 1;
        }
        // Auth0: "x-ratelimit-reset: a UNIX timestamp of the expected time when the rate limit will reset". For a
        // token bucket that is when it is full again; rounded up so a client that waits until then is let through.
        long nanosToFull =
                (long) Math.ceil((bucket.capacity() - level.tokens) / bucket.refillPerSecond() * NANOS_PER_SECOND);
        Instant full = now.plusNanos(nanosToFull);
        long reset = full.getEpochSecond() + (full.getNano() > 0 ? 1 : 0);
        return Optional.of(new Decision(allowed, bucket.capacity(), (int) Math.floor(level.tokens), reset));
    }
}
