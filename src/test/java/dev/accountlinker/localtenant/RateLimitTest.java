package dev.accountlinker.localtenant;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementApiHttpResponse;
import com.auth0.client.mgmt.errors.TooManyRequestsError;
import com.auth0.client.mgmt.errors.UnauthorizedError;
import com.auth0.client.mgmt.types.GetUserResponseContent;
import com.auth0.client.mgmt.types.UpdateUserRequestContent;
import com.auth0.client.mgmt.users.types.LinkUserIdentityRequestContent;
import com.auth0.json.auth.TokenHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Management API's token-bucket rate limit, driven through auth0-java's ManagementApi and a MutableClock. */
class RateLimitTest {

    private static final String ALICE = "auth0|alice";
    private static final String GOOGLE = "google-oauth2|109876543210987654321";
    /** A whole second, so the expected reset times are plain sums. */
    private static final Instant START = Instant.parse("2030-03-01T12:00:00Z");

    private static final Map<String, Object> TOO_MANY = Map.of(
            "statusCode",
            429,
            "error",
            "Too Many Requests",
            "message",
            "Global limit has been reached",
            "errorCode",
            "too_many_requests");

    private final MutableClock clock = new MutableClock(START);
    private LocalTenant tenant;
    private TokenHolder alice;

    @BeforeEach
    void start() throws Exception {
        tenant = LocalTenant.builder()
                .clock(clock)
                .rateLimit(RateLimit.freePlan())
                .start();
        alice = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    /** Without the SDK's retries, so a 429 reaches the test. */
    private ManagementApi mgmt() {
        return TenantFlows.managementApi(tenant, alice.getAccessToken());
    }

    private static Map<String, String> rateHeaders(Map<String, List<String>> headers) {
        Map<String, String> out = new HashMap<>();
        headers.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.startsWith("x-ratelimit-")) {
                out.put(key, v.get(0));
            }
        });
        return out;
    }

    private static Map<String, String> expected(int limit, int remaining, Instant reset) {
        return Map.of(
                "x-ratelimit-limit",
                String.valueOf(limit),
                "x-ratelimit-remaining",
                String.valueOf(remaining),
                "x-ratelimit-reset",
                String.valueOf(reset.getEpochSecond()));
    }

    private ManagementApiHttpResponse<GetUserResponseContent> get() {
        return mgmt().users().withRawResponse().get(ALICE);
    }

    private void useUpTheBurst() {
        for (int i = 0; i < RateLimit.freePlan().capacity(); i++) {
            get();
        }
    }

    @Test
    void theFreePlanLetsTheBurstOfTwoThroughThenAnswers429WithTheThreeHeaders() {
        for (int i = 1; i <= 2; i++) {
            // 2 requests a second: full again 0.5 s per used request later, rounded up to a whole second.
            assertEquals(
                    expected(2, 2 - i, START.plusSeconds((i + 1) / 2)), rateHeaders(get().headers()), "request " + i);
        }
        TooManyRequestsError e =
                assertThrows(TooManyRequestsError.class, () -> mgmt().users().get(ALICE));
        assertEquals(TOO_MANY, e.body());
        assertEquals(expected(2, 0, START.plusSeconds(1)), rateHeaders(e.headers()));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(expected(2, 1, START.plusSeconds(2)), rateHeaders(get().headers()));
    }

    @Test
    void aRefusedWriteIsNotAppliedAndGoesThroughAfterTheReset() throws Exception {
        TokenHolder google = TenantFlows.signIn(tenant, "google-oauth2", "alice.g@example.com", "Google-Demo-1");
        useUpTheBurst();
        Map<String, Object> before = tenant.user(ALICE).orElseThrow().userMetadata();

        UpdateUserRequestContent patch = UpdateUserRequestContent.builder()
                .userMetadata(Map.of("language", "pt"))
                .build();
        TooManyRequestsError refusedPatch =
                assertThrows(TooManyRequestsError.class, () -> mgmt().users().update(ALICE, patch));
        assertEquals(TOO_MANY, refusedPatch.body());
        LinkUserIdentityRequestContent link = LinkUserIdentityRequestContent.builder()
                .linkWith(google.getIdToken())
                .build();
        assertThrows(
                TooManyRequestsError.class, () -> mgmt().users().identities().link(ALICE, link));

        assertEquals(before, tenant.user(ALICE).orElseThrow().userMetadata(), "the PATCH was not applied");
        assertEquals(1, tenant.user(ALICE).orElseThrow().identities().size(), "the link was not applied");
        assertTrue(tenant.user(GOOGLE).isPresent());

        long reset = Long.parseLong(rateHeaders(refusedPatch.headers()).get("x-ratelimit-reset"));
        clock.advance(Duration.between(clock.instant(), Instant.ofEpochSecond(reset)));
        assertEquals(
                "pt",
                mgmt().users()
                        .update(ALICE, patch)
                        .getUserMetadata()
                        .orElseThrow()
                        .get("language"));
        assertEquals(2, mgmt().users().identities().link(ALICE, link).size());
        assertTrue(tenant.user(GOOGLE).isEmpty());
    }

    @Test
    void errorAnswersCountAndCarryTheHeadersToo() {
        UnauthorizedError e = assertThrows(
                UnauthorizedError.class,
                () -> TenantFlows.managementApi(tenant, "not-a-token").users().get(ALICE));
        assertEquals(expected(2, 1, START.plusSeconds(1)), rateHeaders(e.headers()));
    }

    @Test
    void theAuthenticationApiIsNotLimitedHere() throws Exception {
        useUpTheBurst();
        assertThrows(TooManyRequestsError.class, () -> mgmt().users().get(ALICE));
        // Auth0 limits its Authentication API separately; this tenant models only the Management API limit.
        TokenHolder bob = TenantFlows.signIn(tenant, null, "bob@example.com", "Bob-Demo-1");
        assertFalse(bob.getAccessToken().isEmpty());
    }

    @Test
    void offNeverLimitsAndSendsNoHeaders() {
        tenant.rateLimit(RateLimit.off());
        for (int i = 0; i < 100; i++) {
            assertEquals(Map.of(), rateHeaders(get().headers()));
        }
    }

    @Test
    void theLimitCanBeSwitchedAtRuntime() {
        useUpTheBurst();
        assertThrows(TooManyRequestsError.class, () -> mgmt().users().get(ALICE));

        tenant.rateLimit(RateLimit.off());
        assertEquals(RateLimit.off(), tenant.rateLimit());
        get();

        tenant.rateLimit(RateLimit.of(1, 1));
        assertEquals(expected(1, 0, START.plusSeconds(1)), rateHeaders(get().headers()));
        assertThrows(TooManyRequestsError.class, () -> mgmt().users().get(ALICE));

        tenant.rateLimit(RateLimit.freePlan());
        assertEquals(expected(2, 1, START.plusSeconds(1)), rateHeaders(get().headers()), "a new bucket starts full");
    }

    @Test
    void byDefaultTheEssentialsPlanLimitsReadsWritesAndIdentitiesEachInTheirOwnBucket() throws Exception {
        try (LocalTenant t = LocalTenant.builder().clock(clock).start()) {
            assertEquals(RateLimit.essentials(), t.rateLimit());
            ManagementApi api = TenantFlows.managementApi(
                    t,
                    TenantFlows.signIn(t, null, "alice@example.com", "Alice-Demo-1")
                            .getAccessToken());
            // Read users: bursts of 40, 500 a minute (one used request is back after 0.12 s).
            assertEquals(
                    expected(40, 39, START.plusSeconds(1)),
                    rateHeaders(api.users().withRawResponse().get(ALICE).headers()));
            for (int i = 0; i < 39; i++) {
                api.users().get(ALICE);
            }
            ManagementApiException reads =
                    assertThrows(TooManyRequestsError.class, () -> api.users().get(ALICE));
            assertEquals(expected(40, 0, START.plusSeconds(5)), rateHeaders(reads.headers()));

            // Identities link/unlink: bursts of 10, 150 a minute, untouched by the reads (a refused unlink counts).
            for (int i = 1; i <= 10; i++) {
                ManagementApiException missing = assertThrows(
                        ManagementApiException.class,
                        () -> api.users()
                                .identities()
                                .delete(
                                        ALICE,
                                        com.auth0.client.mgmt.types.UserIdentityProviderEnum.valueOf("github"),
                                        "nobody"));
                assertEquals(
                        10 - i, Integer.parseInt(rateHeaders(missing.headers()).get("x-ratelimit-remaining")));
                assertEquals("10", rateHeaders(missing.headers()).get("x-ratelimit-limit"));
            }
            ManagementApiException unlinks = assertThrows(
                    TooManyRequestsError.class,
                    () -> api.users()
                            .identities()
                            .delete(
                                    ALICE,
                                    com.auth0.client.mgmt.types.UserIdentityProviderEnum.valueOf("github"),
                                    "nobody"));
            assertEquals(expected(10, 0, START.plusSeconds(4)), rateHeaders(unlinks.headers()));

            // Write users: bursts of 20, 200 a minute.
            UpdateUserRequestContent patch = UpdateUserRequestContent.builder()
                    .userMetadata(Map.of("language", "pt"))
                    .build();
            assertEquals(
                    expected(20, 19, START.plusSeconds(1)),
                    rateHeaders(
                            api.users().withRawResponse().update(ALICE, patch).headers()));
        }
    }

    @Test
    void rateLimitValuesAreTheFiguresOfAuth0sPolicy() {
        assertEquals(RateLimit.of(2, 2), RateLimit.freePlan());
        assertEquals(RateLimit.of(50, 16), RateLimit.enterprise());
        RateLimit essentials = RateLimit.essentials();
        assertEquals(
                new RateLimit.Bucket(40, 500 / 60d),
                essentials.bucket(RateLimit.Endpoint.READ_USERS).orElseThrow());
        assertEquals(
                new RateLimit.Bucket(20, 200 / 60d),
                essentials.bucket(RateLimit.Endpoint.WRITE_USERS).orElseThrow());
        assertEquals(
                new RateLimit.Bucket(10, 150 / 60d),
                essentials.bucket(RateLimit.Endpoint.OTHER).orElseThrow());
        assertEquals(10, essentials.capacity(), "the bucket that holds identities link and unlink");
        assertEquals(essentials, RateLimit.professional());
        assertEquals(essentials, RateLimit.named("paid"), "the old name still works");
        assertEquals(RateLimit.enterprise(), RateLimit.named("Enterprise"));
        assertTrue(RateLimit.off().isOff());
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.of(1, Double.NaN));
    }

    @Test
    void endpointsFallIntoAuth0sGroups() {
        assertEquals(RateLimit.Endpoint.READ_USERS, RateLimit.Endpoint.of("GET", "/api/v2/users/auth0%7Calice"));
        assertEquals(RateLimit.Endpoint.READ_USERS, RateLimit.Endpoint.of("GET", "/api/v2/users"));
        assertEquals(RateLimit.Endpoint.WRITE_USERS, RateLimit.Endpoint.of("PATCH", "/api/v2/users/auth0%7Calice"));
        assertEquals(RateLimit.Endpoint.OTHER, RateLimit.Endpoint.of("POST", "/api/v2/users/auth0%7Calice/identities"));
        assertEquals(
                RateLimit.Endpoint.OTHER,
                RateLimit.Endpoint.of("DELETE", "/api/v2/users/auth0%7Calice/identities/github/1"));
    }
}
