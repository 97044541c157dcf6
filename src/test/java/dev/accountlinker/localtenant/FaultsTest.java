package dev.accountlinker.localtenant;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementException;
import com.auth0.client.mgmt.core.RequestOptions;
import com.auth0.client.mgmt.errors.TooManyRequestsError;
import com.auth0.client.mgmt.types.GetUserRequestParameters;
import com.auth0.client.mgmt.users.types.LinkUserIdentityRequestContent;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.TokenHolder;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault injection: what the client libraries see when the tenant misbehaves. */
class FaultsTest {

    private LocalTenant tenant;

    @BeforeEach
    void start() {
        tenant = LocalTenant.startDemo();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private ManagementApi mgmt(String token) {
        return TenantFlows.managementApi(tenant, token);
    }

    private static Map<?, ?> lowerCaseHeaders(ManagementApiException e) {
        Map<String, String> out = new java.util.HashMap<>();
        e.headers().forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        return out;
    }

    @Test
    void aRateLimitedFaultAnswersLikeAuth0WithTheResetFromTheMomentOfTheAnswer() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00.250Z"));
        try (LocalTenant timed = LocalTenant.builder().clock(clock).start()) {
            TokenHolder alice = TenantFlows.signIn(timed, null, "alice@example.com", "Alice-Demo-1");
            timed.faults().inject(Faults.on("GET", "/api/v2/users/").rateLimited(Duration.ofSeconds(2)));
            clock.advance(Duration.ofSeconds(10)); // the reset counts from the answer, not from the injection
            ManagementApiException refused = assertThrows(
                    ManagementApiException.class,
                    () -> TenantFlows.managementApi(timed, alice.getAccessToken())
                            .users()
                            .get("auth0|alice"));
            assertEquals(429, refused.statusCode());
            Map<?, ?> headers = lowerCaseHeaders(refused);
            assertEquals(
                    String.valueOf(Instant.parse("2026-11-25T12:00:13Z").getEpochSecond()),
                    headers.get("x-ratelimit-reset"),
                    "12:00:10.250 + 2 s, rounded up to the second");
            assertEquals("0", headers.get("x-ratelimit-remaining"));
            assertTrue(String.valueOf(refused.body()).contains("Global limit has been reached"));
        }
    }

    @Test
    void rateLimit429WithHeadersReachesTheClient() throws Exception {
        TokenHolder alice = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
        String reset = String.valueOf(Instant.now().plusSeconds(30).getEpochSecond());
        tenant.faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .always()
                        .respond(
                                429,
                                "{\"statusCode\":429,\"error\":\"Too Many Requests\","
                                        + "\"message\":\"Global limit has been reached\",\"errorCode\":\"too_many_requests\"}")
                        .header("x-ratelimit-limit", "10")
                        .header("x-ratelimit-remaining", "0")
                        .header("x-ratelimit-reset", reset));
        TooManyRequestsError e = assertThrows(
                TooManyRequestsError.class,
                () -> mgmt(alice.getAccessToken()).users().get("auth0|alice"));
        assertEquals("Global limit has been reached", ((Map<?, ?>) e.body()).get("message"));
        Map<?, ?> headers = lowerCaseHeaders(e);
        assertEquals("10", headers.get("x-ratelimit-limit"));
        assertEquals("0", headers.get("x-ratelimit-remaining"));
        assertEquals(reset, headers.get("x-ratelimit-reset"));

        RecordedRequest rec = tenant.requests().get(tenant.requests().size() - 1);
        assertEquals(429, rec.status());
        assertTrue(rec.faulted());

        tenant.faults().clear();
        assertEquals(
                "auth0|alice",
                mgmt(alice.getAccessToken())
                        .users()
                        .get("auth0|alice")
                        .getUserId()
                        .orElseThrow());
    }

    @Test
    void faultAppliesToTheNextNMatchingRequestsOnly() throws Exception {
        tenant.faults()
                .inject(Faults.on("GET", "/.well-known/")
                        .times(2)
                        .respond(503, "{\"error\":\"temporarily_unavailable\"}"));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest jwks = HttpRequest.newBuilder(URI.create(tenant.baseUrl() + "/.well-known/jwks.json"))
                .build();
        HttpRequest userinfo = HttpRequest.newBuilder(URI.create(tenant.baseUrl() + "/userinfo"))
                .build();
        assertEquals(
                401, http.send(userinfo, HttpResponse.BodyHandlers.ofString()).statusCode(), "other paths untouched");
        assertEquals(503, http.send(jwks, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(503, http.send(jwks, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(jwks, HttpResponse.BodyHandlers.ofString()).statusCode());
        List<Integer> statuses =
                tenant.requests().stream().map(RecordedRequest::status).toList();
        assertEquals(List.of(401, 503, 503, 200), statuses);
    }

    @Test
    void delayMakesAClientWithAShorterTimeoutGiveUp() throws Exception {
        TokenHolder alice = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
        tenant.faults().inject(Faults.on("GET", "/api/v2/users/").delay(Duration.ofMillis(1500)));
        long start = System.nanoTime();
        assertThrows(
                ManagementException.class,
                () -> mgmt(alice.getAccessToken())
                        .users()
                        .get(
                                "auth0|alice",
                                GetUserRequestParameters.builder().build(),
                                RequestOptions.builder()
                                        .timeout(250, TimeUnit.MILLISECONDS)
                                        .build()));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1400, "the client gave up first");
        // The fault was for one request: the next one answers at once.
        assertEquals(
                "auth0|alice",
                mgmt(alice.getAccessToken())
                        .users()
                        .get("auth0|alice")
                        .getUserId()
                        .orElseThrow());
    }

    @Test
    void aHeldRequestIsAnsweredOnlyAfterTheClientGaveUpAndTheHoldIsReleased() throws Exception {
        TokenHolder alice = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
        Faults.Hold hold = new Faults.Hold();
        tenant.faults().inject(Faults.on("GET", "/api/v2/users/").holdUntil(hold));
        assertThrows(
                ManagementException.class,
                () -> mgmt(alice.getAccessToken())
                        .users()
                        .get(
                                "auth0|alice",
                                GetUserRequestParameters.builder().build(),
                                RequestOptions.builder()
                                        .timeout(250, TimeUnit.MILLISECONDS)
                                        .build()));
        assertEquals(1, hold.arrived(), "the request reached the tenant and waits there");
        assertEquals(List.of(), userReads(), "nothing answered while held");

        hold.release();
        // The tenant records a request once it answered it: wait for that, not for a time.
        org.testfx.util.WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !userReads().isEmpty());
        assertEquals(List.of("200 GET /api/v2/users/: held"), userReads(), "then the normal answer follows");
        // The fault was for one request: the next one answers at once.
        assertEquals(
                "auth0|alice",
                mgmt(alice.getAccessToken())
                        .users()
                        .get("auth0|alice")
                        .getUserId()
                        .orElseThrow());
    }

    @Test
    void closingTheTenantEndsAHold() throws Exception {
        Faults.Hold hold = new Faults.Hold();
        tenant.faults().inject(Faults.on("GET", "/.well-known/jwks.json").holdUntil(hold));
        HttpClient http = HttpClient.newHttpClient();
        var answer = http.sendAsync(
                HttpRequest.newBuilder(URI.create(tenant.baseUrl() + "/.well-known/jwks.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hold.arrived() == 1);
        tenant.close();
        // The held exchange ends without an answer instead of keeping a tenant thread (and the client) waiting.
        assertThrows(java.util.concurrent.ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
    }

    private List<String> userReads() {
        return tenant.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/api/v2/users/"))
                .map(r -> r.status() + " " + r.fault())
                .toList();
    }

    @Test
    void serverErrorOnLinkLeavesTheUsersUnchanged() throws Exception {
        TokenHolder alice = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
        TokenHolder google = TenantFlows.signIn(tenant, "google-oauth2", "alice.g@example.com", "Google-Demo-1");
        tenant.faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(500, "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"boom\"}"));
        ManagementApiException e = assertThrows(
                ManagementApiException.class,
                () -> mgmt(alice.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|alice",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(google.getIdToken())
                                        .build()));
        assertEquals(500, e.statusCode());
        assertEquals(1, tenant.user("auth0|alice").orElseThrow().identities().size());
        assertTrue(tenant.user("google-oauth2|109876543210987654321").isPresent());
    }

    @Test
    void malformedJsonAndDroppedConnectionsAtTheTokenEndpointFailTheExchange() {
        TenantFlows.Authorization auth = TenantFlows.authorization(tenant);
        URI callback = new TenantBrowser().signIn(auth.url(), "alice@example.com", "Alice-Demo-1");
        tenant.faults().inject(Faults.on("POST", "/oauth/token").malformedJson());
        assertThrows(Auth0Exception.class, () -> TenantFlows.exchange(tenant, auth, callback));

        TenantFlows.Authorization auth2 = TenantFlows.authorization(tenant);
        URI callback2 = new TenantBrowser().signIn(auth2.url(), "alice@example.com", "Alice-Demo-1");
        tenant.faults().inject(Faults.on("POST", "/oauth/token").always().dropConnection());
        assertThrows(Auth0Exception.class, () -> TenantFlows.exchange(tenant, auth2, callback2));
        assertTrue(tenant.requests().stream()
                .anyMatch(r -> r.path().equals("/oauth/token") && r.status() == -1 && r.faulted()));
        tenant.faults().clear();
    }
}
