package dev.accountlinker.localtenant;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the tenant rate-limits its Management API ({@code /api/v2/}): token buckets per tenant, like Auth0's. A bucket
 * holds at most its capacity (the burst) and gains its refill back every second; a request that finds its bucket
 * empty gets Auth0's 429 and is not applied. Every Management API answer carries {@code x-ratelimit-limit} (the
 * capacity of the request's bucket), {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (UNIX seconds when
 * that bucket is full again) while a limit is on.
 *
 * <p>A limit is either one bucket for every endpoint ({@link #of}, {@link #freePlan()}, {@link #enterprise()}) or
 * one bucket per {@link Endpoint} group ({@link #essentials()}), as Auth0's per-plan policy describes. Figures as
 * Auth0's rate-limit policy pages give them in 2026-08 (the project's Auth0 notes).
 *
 * <pre>{@code
 * LocalTenant tenant = LocalTenant.builder().clock(clock).rateLimit(RateLimit.freePlan()).start();
 * tenant.rateLimit(RateLimit.off());      // switch mid-test; the new buckets start full
 * }</pre>
 *
 * <p>Only the Management API is limited here. Auth0 limits its Authentication API (/authorize, /oauth/token,
 * /userinfo...) separately, with other numbers; this tenant does not model those limits.
 */
public final class RateLimit {

    /** The endpoint groups Auth0's Essentials and Professional plans limit separately. */
    public enum Endpoint {
        /** {@code GET /api/v2/users...} ("read users"). */
        READ_USERS,
        /** {@code PATCH}, {@code POST} or {@code DELETE} of {@code /api/v2/users/{id}} ("write users"). */
        WRITE_USERS,
        /** Every other endpoint, identities link and unlink among them (the policy's "other", by inference). */
        OTHER;

        /** The group of a Management API request ({@code rawPath} starts with {@code /api/v2/}). */
        public static Endpoint of(String method, String rawPath) {
            String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
            String[] segments = path.split("/", -1); // "", "api", "v2", "users", id, ...
            boolean user = segments.length == 5 && segments[3].equals("users");
            boolean users = segments.length <= 5 && segments.length >= 4 && segments[3].equals("users");
            String m = method.toUpperCase(Locale.ROOT);
            if (users && m.equals("GET")) {
                return READ_USERS;
            }
            if (user && (m.equals("PATCH") || m.equals("POST") || m.equals("DELETE") || m.equals("PUT"))) {
                return WRITE_USERS;
            }
            return OTHER;
        }
    }

    /** One token bucket: its burst and how many requests it regains a second. */
    public record Bucket(int capacity, double refillPerSecond) {
        public Bucket {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1 (use RateLimit.off() for no limit)");
            }
            if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
                throw new IllegalArgumentException("refillPerSecond must be a positive number: " + refillPerSecond);
            }
        }

        @Override
        public String toString() {
            return "burst " + capacity + ", " + refillPerSecond + "/s";
        }
    }

    private static final RateLimit OFF = new RateLimit(Map.of(), false);

    /** Empty when off; else one entry per endpoint group. */
    private final Map<Endpoint, Bucket> buckets;

    private final boolean perEndpoint;

    private RateLimit(Map<Endpoint, Bucket> buckets, boolean perEndpoint) {
        this.buckets = buckets;
        this.perEndpoint = perEndpoint;
    }

    /**
     * One bucket for every endpoint, of {@code capacity} requests refilled at {@code refillPerSecond} (may be
     * fractional: 2.5 is 150 a minute).
     */
    public static RateLimit of(int capacity, double refillPerSecond) {
        Bucket bucket = new Bucket(capacity, refillPerSecond);
        Map<Endpoint, Bucket> all = new EnumMap<>(Endpoint.class);
        for (Endpoint e : Endpoint.values()) {
            all.put(e, bucket);
        }
        return new RateLimit(Map.copyOf(all), false);
    }

    /** A bucket per endpoint group: reads, writes and everything else each run dry on their own. */
    public static RateLimit perEndpoint(Bucket readUsers, Bucket writeUsers, Bucket other) {
        return new RateLimit(
                Map.of(
                        Endpoint.READ_USERS,
                        Objects.requireNonNull(readUsers),
                        Endpoint.WRITE_USERS,
                        Objects.requireNonNull(writeUsers),
                        Endpoint.OTHER,
                        Objects.requireNonNull(other)),
                true);
    }

    /** Auth0's Free plan (also trial tenants): bursts of 2, 2 requests a second, for the whole tenant. */
    public static RateLimit freePlan() {
        return of(2, 2);
    }

    /**
     * Auth0's Essentials plan: read users bursts of 40, 500 a minute; write users bursts of 20, 200 a minute; every
     * other endpoint, identities link and unlink among them, bursts of 10, 150 a minute.
     */
    public static RateLimit essentials() {
        return perEndpoint(new Bucket(40, 500 / 60d), new Bucket(20, 200 / 60d), new Bucket(10, 150 / 60d));
    }

    /** Auth0's Professional plan: the same figures as {@link #essentials()}. */
    public static RateLimit professional() {
        return essentials();
    }

    /** Auth0's Enterprise plan, production tenant: bursts of 50, 16 requests a second, for the whole tenant. */
    public static RateLimit enterprise() {
        return of(50, 16);
    }

    /** @deprecated "paid" meant one bucket of 50 at 150 a minute, which no plan has; it is now {@link #essentials()}. */
    @Deprecated
    public static RateLimit paidPlan() {
        return essentials();
    }

    /** No limit and no {@code x-ratelimit-*} headers: a leniency real Auth0 does not have. */
    public static RateLimit off() {
        return OFF;
    }

    /**
     * {@code free}, {@code essentials} (also {@code paid}, its old name), {@code professional}, {@code enterprise} or
     * {@code off}: the {@code --rate-limit=} values of {@link LocalTenantMain}.
     */
    public static RateLimit named(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "free" -> freePlan();
            case "essentials", "paid" -> essentials();
            case "professional" -> professional();
            case "enterprise" -> enterprise();
            case "off" -> off();
            default ->
                throw new IllegalArgumentException("Unknown rate limit '" + name
                        + "': use free, essentials, professional, enterprise or off (paid is essentials)");
        };
    }

    public boolean isOff() {
        return buckets.isEmpty();
    }

    /** The bucket that limits this endpoint group; empty when off. */
    public java.util.Optional<Bucket> bucket(Endpoint endpoint) {
        return java.util.Optional.ofNullable(buckets.get(endpoint));
    }

    /** True when each endpoint group has a bucket of its own (rather than one shared by all). */
    public boolean isPerEndpoint() {
        return perEndpoint;
    }

    /**
     * The burst of the bucket that holds identities link and unlink ({@link Endpoint#OTHER}): for a single-bucket
     * limit, the burst; 0 when off.
     */
    public int capacity() {
        return bucket(Endpoint.OTHER).map(Bucket::capacity).orElse(0);
    }

    /** Requests regained per second by the bucket of {@link #capacity()}; 0 when off. */
    public double refillPerSecond() {
        return bucket(Endpoint.OTHER).map(Bucket::refillPerSecond).orElse(0d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimit r && r.buckets.equals(buckets) && r.perEndpoint == perEndpoint;
    }

    @Override
    public int hashCode() {
        return buckets.hashCode() * 31 + Boolean.hashCode(perEndpoint);
    }

    @Override
    public String toString() {
        if (isOff()) {
            return "RateLimit[off]";
        }
        if (!perEndpoint) {
            return "RateLimit[" + buckets.get(Endpoint.OTHER) + "]";
        }
        return "RateLimit[read users " + buckets.get(Endpoint.READ_USERS) + "; write users "
                + buckets.get(Endpoint.WRITE_USERS) + "; other " + buckets.get(Endpoint.OTHER) + "]";
    }
}
