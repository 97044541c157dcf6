package dev.accountlinker.localtenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for fault-tolerance tests. A fault matches a method and a path prefix (decoded path) and applies
 * to the next N matching requests, or to all of them until {@link #clear()}:
 * <pre>{@code
 * tenant.faults().inject(Faults.on("GET", "/api/v2/users/").times(3)
 *         .respond(429, "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Slow down\"}")
 *         .header("x-ratelimit-limit", "10").header("x-ratelimit-remaining", "0"));
 * tenant.faults().inject(Faults.on("POST", "/oauth/token").delay(Duration.ofMillis(800)));   // then answers normally
 * tenant.faults().inject(Faults.on("GET", "/userinfo").malformedJson());
 * tenant.faults().inject(Faults.on("POST", "/oauth/token").always().dropConnection());
 * Faults.Hold hold = new Faults.Hold();
 * tenant.faults().inject(Faults.on("PATCH", "/api/v2/users/").holdUntil(hold)); // answers after hold.release()
 * }</pre>
 * A test of a client's timeout holds the request rather than delaying it: a delay races the client's own timer (and
 * makes the test wait for it to run out), a hold answers only once the test saw the client give up and released it.
 * The first installed fault that matches wins. Faulted requests show up in {@link LocalTenant#requests()}.
 */
public final class Faults {

    /**
     * Keeps matching requests waiting, unanswered, until {@link #release()}; then the fault's answer (or the normal
     * one) follows. Closing the tenant ends every hold. Shared by every request the fault applies to.
     */
    public static final class Hold {
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger arrived = new AtomicInteger();

        /** Lets every held request (and any later one) go on. */
        public void release() {
            released.countDown();
        }

        /** How many requests reached the hold so far (held now or already released). */
        public int arrived() {
            return arrived.get();
        }

        void await() throws InterruptedException {
            arrived.incrementAndGet();
            released.await();
        }
    }

    /** What the tenant does instead of (or before) its normal answer. */
    public static final class Fault {
        private final String method;
        private final String pathPrefix;
        private int remaining = 1;
        private Integer status;
        private String body;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration delay = Duration.ZERO;
        private Hold hold;
        private boolean malformed;
        private boolean drop;
        private Duration rateLimitedFor;

        private Fault(String method, String pathPrefix) {
            this.method = method.toUpperCase(Locale.ROOT);
            this.pathPrefix = Objects.requireNonNull(pathPrefix);
        }

        /** Applies to the next {@code n} matching requests (default 1). */
        public Fault times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be >= 1");
            }
            this.remaining = n;
            return this;
        }

        /** Applies to every matching request until the faults are cleared. */
        public Fault always() {
            this.remaining = -1;
            return this;
        }

        /** Answers with this status and JSON body instead of the normal answer. */
        public Fault respond(int status, String jsonBody) {
            this.status = status;
            this.body = jsonBody;
            return this;
        }

        /** Adds a response header (only used with {@link #respond} or {@link #malformedJson()}). */
        public Fault header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Waits this long before answering; without respond/malformed/drop, the normal answer follows. */
        public Fault delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay);
            return this;
        }

        /** Holds the request until {@code hold} is released; without respond/malformed/drop, the normal answer follows. */
        public Fault holdUntil(Hold hold) {
            this.hold = Objects.requireNonNull(hold);
            return this;
        }

        /** Answers 200 (or the status given to respond) with a truncated JSON document. */
        public Fault malformedJson() {
            this.malformed = true;
            return this;
        }

        /**
         * Answers as Auth0 does when the tenant's rate limit is used up: 429, its error body, and the three
         * {@code x-ratelimit-*} headers with the reset {@code retryAfter} from the moment of the answer (tenant clock),
         * rounded up to a whole second. The request is not applied.
         */
        public Fault rateLimited(Duration retryAfter) {
            this.rateLimitedFor = Objects.requireNonNull(retryAfter);
            this.status = 429;
            return this;
        }

        /** Closes the connection without sending any answer. */
        public Fault dropConnection() {
            this.drop = true;
            return this;
        }

        Optional<Integer> status() {
            return Optional.ofNullable(status);
        }

        String body() {
            return body;
        }

        Map<String, String> headers() {
            return headers;
        }

        Duration delay() {
            return delay;
        }

        Optional<Hold> hold() {
            return Optional.ofNullable(hold);
        }

        boolean malformed() {
            return malformed;
        }

        boolean drop() {
            return drop;
        }

        Optional<Duration> rateLimitedFor() {
            return Optional.ofNullable(rateLimitedFor);
        }

        /** True when the fault replaces the normal answer (not just delays it). */
        boolean answers() {
            return status != null || malformed || drop;
        }

        private Fault copy() {
            Fault f = new Fault(method, pathPrefix);
            f.remaining = remaining;
            f.status = status;
            f.body = body;
            f.headers.putAll(headers);
            f.delay = delay;
            f.hold = hold;
            f.malformed = malformed;
            f.drop = drop;
            f.rateLimitedFor = rateLimitedFor;
            return f;
        }

        @Override
        public String toString() {
            StringBuilder sb =
                    new StringBuilder(method).append(' ').append(pathPrefix).append(':');
            if (!delay.isZero()) {
                sb.append(" delay ").append(delay.toMillis()).append("ms");
            }
            if (hold != null) {
                sb.append(" held");
            }
            if (rateLimitedFor != null) {
                sb.append(" rate limited for ")
                        .append(rateLimitedFor.toMillis())
                        .append("ms");
            } else if (drop) {
                sb.append(" drop connection");
            } else if (malformed) {
                sb.append(" malformed JSON");
            } else if (status != null) {
                sb.append(" status ").append(status);
            }
            return sb.toString();
        }
    }

    private final List<Fault> faults = new ArrayList<>();

    Faults() {}

    /** Starts describing a fault for requests with this method whose decoded path starts with the prefix. */
    public static Fault on(String method, String pathPrefix) {
        return new Fault(method, pathPrefix);
    }

    /** Installs a copy of the fault (later changes to the argument have no effect). */
    public synchronized Faults inject(Fault fault) {
        faults.add(fault.copy());
        return this;
    }

    public synchronized void clear() {
        faults.clear();
    }

    /** Takes one use of the first matching fault, if any. */
    synchronized Optional<Fault> match(String method, String path) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.method.equalsIgnoreCase(method) && path.startsWith(f.pathPrefix)) {
                if (f.remaining > 0 && --f.remaining == 0) {
                    faults.remove(i);
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
