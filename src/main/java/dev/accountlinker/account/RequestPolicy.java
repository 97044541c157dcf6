package dev.accountlinker.account;

import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * When a Management API request is sent again. Auth0's 429 means the request was not applied: it is sent again
 * once {@code x-ratelimit-reset} has passed — reads and writes alike — when that is at most {@link #MAX_WAIT}
 * away (further, and the 429 is the answer: the message says when to try again). A read answered with a server
 * error is sent again twice after a short pause; a write never is (it may have been applied).
 */
public final class RequestPolicy {
    /** The longest wait for the rate limit the person is asked to sit through. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Pauses before the second and third attempt of a read that failed on the server or the network. */
    static final List<Duration> READ_RETRY_PAUSES = List.of(Duration.ofMillis(500), Duration.ofSeconds(1));
    /** A tenant that keeps refusing is answered with its 429 after this many waits. */
    static final int MAX_RATE_LIMIT_WAITS = 5;
    /** When Auth0 gives no reset time (it always should), wait this long. */
    private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

    /** Waits until an instant, returning early when cancelled. */
    public interface Waiter {
        void waitUntil(Instant until, BooleanSupplier cancelled) throws InterruptedException;
    }

    private final Clock clock;
    private final Waiter waiter;

    public RequestPolicy(Clock clock, Waiter waiter) {
        this.clock = clock;
        this.waiter = waiter;
    }

    /** The app's policy: waits by sleeping in short steps, so a cancel ends a wait within a tenth of a second. */
    public static RequestPolicy sleeping(Clock clock) {
        return new RequestPolicy(clock, (until, cancelled) -> {
            while (!cancelled.getAsBoolean()) {
                long millis = Duration.between(clock.instant(), until).toMillis();
                if (millis <= 0) {
                    return;
                }
                Thread.sleep(Math.min(millis, 100));
            }
        });
    }

    public Clock clock() {
        return clock;
    }

    <T> T read(Supplier<T> request, RequestContext context) {
        int failures = 0;
        while (true) {
            try {
                return send(request, context);
            } catch (ManagementException failure) {
                if (!isTransient(failure) || failures >= READ_RETRY_PAUSES.size()) {
                    throw failure;
                }
                pause(clock.instant().plus(READ_RETRY_PAUSES.get(failures++)), context);
            }
        }
    }

    <T> T write(Supplier<T> request, RequestContext context) {
        return send(request, context);
    }

    /** Sends the request; a 429 waits for the reset and sends it again (bounded). */
    private <T> T send(Supplier<T> request, RequestContext context) {
        int waits = 0;
        while (true) {
            stopIfCancelled(context);
            try {
                return request.get();
            } catch (ManagementApiException refused) {
                if (refused.statusCode() != 429 || waits >= MAX_RATE_LIMIT_WAITS) {
                    throw refused;
                }
                Instant until = resetTime(refused);
                if (Duration.between(clock.instant(), until).compareTo(MAX_WAIT) > 0) {
                    throw refused;
                }
                waits++;
                context.listener().waiting(until);
                pause(until, context);
                context.listener().resumed();
            }
        }
    }

    private void pause(Instant until, RequestContext context) {
        try {
            waiter.waitUntil(until, context.cancelled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to send the request again");
        }
        stopIfCancelled(context);
    }

    private static void stopIfCancelled(RequestContext context) {
        if (context.cancelled().getAsBoolean()) {
            throw new CancellationException("Cancelled before the next request was sent");
        }
    }

    /**
     * Server errors and 408 may pass. A timeout or dropped connection is not retried: the person would wait the
     * whole timeout again before hearing anything, and a retry is one click away.
     */
    private static boolean isTransient(ManagementException failure) {
        return failure instanceof ManagementApiException api && (api.statusCode() >= 500 || api.statusCode() == 408);
    }

    /** {@code x-ratelimit-reset} is the UNIX second when the limit allows requests again. */
    private Instant resetTime(ManagementApiException refused) {
        return rateLimitReset(refused).orElseGet(() -> clock.instant().plus(DEFAULT_RATE_LIMIT_WAIT));
    }

    /** When Auth0 says a rate-limited request may be sent again ({@code x-ratelimit-reset}), if it says. */
    public static Optional<Instant> rateLimitReset(ManagementApiException refused) {
        Map<String, List<String>> headers = refused.headers();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase("x-ratelimit-reset"))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .flatMap(RequestPolicy::parseLong)
                .map(Instant::ofEpochSecond);
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
