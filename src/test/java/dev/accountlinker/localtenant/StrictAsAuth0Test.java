package dev.accountlinker.localtenant;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.types.UpdateUserRequestContent;
import com.auth0.json.auth.TokenHolder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local tenant behaves like Auth0 in December 2026 by default (auth0-notes, "Auth0 as it behaves in December
 * 2026"), and each older, kinder behaviour is a named builder option, off by default.
 */
class StrictAsAuth0Test {
    private static final String ALICE = "auth0|alice";
    private static final String CUSTOM_SCHEME = "dev.accountlinker://callback";
    private static final String HTTPS_ELSEWHERE = "https://app.example.com/callback";

    private static DecodedJWT idToken(TokenHolder tokens) {
        return JWT.decode(tokens.getIdToken());
    }

    // ---- every leniency a named option, off by default ----

    @Test
    void everyLeniencyIsANamedBuilderOptionThatIsOffByDefault() {
        try (LocalTenant strict = LocalTenant.startDemo();
                LocalTenant shipped = LocalTenant.builder().forShippedDemo().start()) {
            for (LocalTenant tenant : List.of(strict, shipped)) {
                assertEquals(TenantConfig.Leniency.NONE, tenant.config().leniency());
                assertFalse(tenant.config().allowAnyLoopbackPort());
                assertEquals(RateLimit.essentials(), tenant.rateLimit(), "Auth0 always limits the Management API");
            }
        }
        try (LocalTenant lenient = LocalTenant.builder()
                .authTimeAlways(true)
                .skipNonVerifiableCallbackConfirmation(true)
                .uncappedProfileData(true)
                .allowAnyLoopbackPort(true)
                .rateLimit(RateLimit.off())
                .start()) {
            assertEquals(
                    new TenantConfig.Leniency(true, true, true),
                    lenient.config().leniency());
            assertTrue(lenient.config().allowAnyLoopbackPort());
            assertTrue(lenient.rateLimit().isOff());
        }
    }

    // ---- auth_time only with max_age ----

    @Test
    void anIdTokenHasAuthTimeOnlyWhenTheRequestHadMaxAge() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (LocalTenant tenant = LocalTenant.builder().clock(clock).start()) {
            TenantBrowser browser = new TenantBrowser(tenant.ownCallbackUrl());
            TokenHolder plain =
                    TenantFlows.signIn(tenant, browser, tenant.ownCallbackUrl(), "alice@example.com", "Alice-Demo-1");
            assertTrue(idToken(plain).getClaim("auth_time").isMissing());

            clock.advance(Duration.ofMinutes(3));
            TenantFlows.Authorization withMaxAge =
                    TenantFlows.authorization(tenant, tenant.ownCallbackUrl(), b -> b.withParameter("max_age", "600"));
            TenantBrowser.Outcome sso = browser.open(withMaxAge.url());
            assertTrue(sso.reachedCallback(), "a session of 3 minutes answers max_age=600");
            DecodedJWT id = idToken(TenantFlows.exchange(tenant, withMaxAge, sso.callback()));
            assertEquals(
                    Instant.parse("2026-12-01T10:00:00Z").getEpochSecond(),
                    id.getClaim("auth_time").asLong(),
                    "the session's real authentication time, not the token's");
            assertEquals(
                    clock.instant().getEpochSecond(),
                    id.getIssuedAt().toInstant().getEpochSecond());
        }
    }

    @Test
    void theNamedLeniencyAuthTimeAlwaysWritesItWithoutMaxAge() throws Exception {
        try (LocalTenant tenant = LocalTenant.builder().authTimeAlways(true).start()) {
            TokenHolder tokens = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
            assertFalse(idToken(tokens).getClaim("auth_time").isMissing());
        }
    }

    // ---- max_age against the session's real age ----

    @Test
    void maxAgeIsJudgedAgainstTheSessionsAuthenticationNotItsLastAnswer() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (LocalTenant tenant = LocalTenant.builder().clock(clock).start()) {
            TenantBrowser browser = new TenantBrowser(tenant.ownCallbackUrl());
            TenantFlows.signIn(tenant, browser, tenant.ownCallbackUrl(), "alice@example.com", "Alice-Demo-1");
            // Silent answers along the way do not make the session younger.
            for (int minute = 4; minute <= 8; minute += 4) {
                clock.advance(Duration.ofMinutes(4));
                assertTrue(browser.open(TenantFlows.authorization(tenant, tenant.ownCallbackUrl(), b -> b)
                                .url())
                        .reachedCallback());
            }
            clock.advance(Duration.ofMinutes(3)); // 11 minutes after the sign-in
            TenantBrowser.Outcome old = browser.open(
                    TenantFlows.authorization(tenant, tenant.ownCallbackUrl(), b -> b.withParameter("max_age", "600"))
                            .url());
            assertTrue(old.requirePage().hasLoginForm(), "older than max_age: the login page, at once");
        }
    }

    // ---- "confirm this app" for non-verifiable callbacks ----

    @Test
    void aLoopbackCallbackGetsTheConfirmationPageAfterTheLoginAndOnEverySsoAnswer() {
        try (LocalTenant tenant = LocalTenant.startDemo()) {
            TenantBrowser browser = new TenantBrowser(LocalTenant.LOOPBACK_REDIRECT_URI).stoppingAtConfirmations();
            TenantFlows.Authorization first = TenantFlows.authorization(tenant);
            TenantBrowser.Outcome login = browser.open(first.url());
            TenantBrowser.Page confirmation = browser.submit(login.requirePage(), "alice@example.com", "Alice-Demo-1")
                    .requirePage();
            assertTrue(confirmation.isConfirmation(), confirmation.title());
            assertTrue(confirmation.html().contains("alice@example.com"), "names the account");
            assertTrue(confirmation.html().contains(LocalTenant.LOOPBACK_REDIRECT_URI), "names where it goes");
            URI callback = browser.confirm(confirmation).requireCallback();
            assertEquals(first.state(), TenantBrowser.queryParams(callback).get("state"));
            assertTrue(TenantBrowser.queryParams(callback).containsKey("code"));
            assertEquals(0, browser.confirmationsPassed(), "the test clicked itself: this browser stops there");

            TenantBrowser.Outcome sso =
                    browser.open(TenantFlows.authorization(tenant).url());
            assertTrue(sso.requirePage().isConfirmation(), "single sign-on answers ask too");
            Map<String, String> declined = browser.decline(sso.requirePage()).params();
            assertEquals("access_denied", declined.get("error"));
            assertFalse(declined.containsKey("code"));
        }
    }

    @Test
    void customSchemeCallbacksAskTooWhileTheTenantsOwnOriginAndOtherHttpsCallbacksDoNot() {
        try (LocalTenant tenant = LocalTenant.builder()
                .redirectUris(List.of(CUSTOM_SCHEME, HTTPS_ELSEWHERE, "http://localhost:7000/cb"))
                .start()) {
            tenant.registerCallbackUrl(tenant.ownCallbackUrl());
            assertTrue(signInEndsOnConfirmation(tenant, CUSTOM_SCHEME));
            assertTrue(signInEndsOnConfirmation(tenant, "http://localhost:7000/cb"));
            assertFalse(signInEndsOnConfirmation(tenant, HTTPS_ELSEWHERE));
            assertFalse(signInEndsOnConfirmation(tenant, tenant.ownCallbackUrl()));
        }
    }

    @Test
    void theNamedLeniencySkipsTheConfirmation() {
        try (LocalTenant tenant = LocalTenant.builder()
                .skipNonVerifiableCallbackConfirmation(true)
                .start()) {
            assertFalse(signInEndsOnConfirmation(tenant, LocalTenant.LOOPBACK_REDIRECT_URI));
        }
    }

    @Test
    void aPersonsBrowserPassesTheConfirmationByClickingContinue() throws Exception {
        try (LocalTenant tenant = LocalTenant.startDemo()) {
            TenantBrowser browser = new TenantBrowser(LocalTenant.LOOPBACK_REDIRECT_URI);
            TokenHolder tokens = TenantFlows.signIn(tenant, browser, "alice@example.com", "Alice-Demo-1", b -> b);
            assertEquals(ALICE, idToken(tokens).getSubject());
            assertEquals(1, browser.confirmationsPassed());
            assertEquals(
                    1,
                    tenant.requests().stream()
                            .filter(r -> r.method().equals("POST") && r.path().equals("/u/confirm"))
                            .count());
        }
    }

    private static boolean signInEndsOnConfirmation(LocalTenant tenant, String redirectUri) {
        TenantBrowser browser = new TenantBrowser(redirectUri).stoppingAtConfirmations();
        TenantBrowser.Outcome login = browser.open(
                TenantFlows.authorization(tenant, redirectUri, b -> b).url());
        TenantBrowser.Outcome after = browser.submit(login.requirePage(), "alice@example.com", "Alice-Demo-1");
        if (after.reachedCallback()) {
            assertTrue(after.params().containsKey("code"), redirectUri);
            return false;
        }
        return after.requirePage().isConfirmation();
    }

    // ---- prompt=none ----

    @Test
    void promptNoneIsRefusedForANonVerifiableCallbackEvenWithALiveSession() {
        try (LocalTenant tenant = LocalTenant.startDemo()) {
            TenantBrowser browser = new TenantBrowser(LocalTenant.LOOPBACK_REDIRECT_URI);
            browser.signIn(TenantFlows.authorization(tenant).url(), "alice@example.com", "Alice-Demo-1");
            TenantFlows.Authorization silent =
                    TenantFlows.authorization(tenant, b -> b.withParameter("prompt", "none"));
            Map<String, String> params = browser.open(silent.url()).params();
            assertEquals("invalid_request", params.get("error"));
            assertEquals(silent.state(), params.get("state"));
            assertNull(params.get("code"));

            TenantBrowser own = new TenantBrowser(tenant.ownCallbackUrl());
            Map<String, String> verifiable = own.open(TenantFlows.authorization(
                                    tenant, tenant.ownCallbackUrl(), b -> b.withParameter("prompt", "none"))
                            .url())
                    .params();
            assertEquals("login_required", verifiable.get("error"), "a verifiable callback: the usual answer");
        }
        try (LocalTenant lenient = LocalTenant.builder()
                .skipNonVerifiableCallbackConfirmation(true)
                .start()) {
            Map<String, String> params = new TenantBrowser()
                    .open(TenantFlows.authorization(lenient, b -> b.withParameter("prompt", "none"))
                            .url())
                    .params();
            assertEquals("login_required", params.get("error"));
        }
    }

    // ---- the 10 KB profile data cap ----

    @Test
    void aPatchThatWouldTakeUserMetadataOver10KbIsRefusedAndNothingChanges() throws Exception {
        try (LocalTenant tenant = LocalTenant.startDemo()) {
            ManagementApi api = TenantFlows.managementApi(
                    tenant,
                    TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1")
                            .getAccessToken());
            Map<String, Object> before = tenant.user(ALICE).orElseThrow().userMetadata();
            ManagementApiException refused = assertThrows(
                    ManagementApiException.class,
                    () -> api.users().update(ALICE, metadata("notes", "x".repeat(10 * 1024))));
            assertEquals(400, refused.statusCode());
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) refused.body();
            assertEquals(400, ((Number) body.get("statusCode")).intValue());
            assertEquals("Bad Request", body.get("error"));
            assertTrue(((String) body.get("message")).contains("10 KB"), (String) body.get("message"));
            assertEquals(before, tenant.user(ALICE).orElseThrow().userMetadata(), "nothing was written");

            api.users().update(ALICE, metadata("notes", "x".repeat(9 * 1024)));
            assertEquals(
                    "x".repeat(9 * 1024),
                    tenant.user(ALICE).orElseThrow().userMetadata().get("notes"));
            assertEquals(List.of(), tenant.warnings());
        }
    }

    @Test
    void theNamedLeniencyUncappedProfileDataWritesWithAWarning() throws Exception {
        try (LocalTenant tenant =
                LocalTenant.builder().uncappedProfileData(true).start()) {
            ManagementApi api = TenantFlows.managementApi(
                    tenant,
                    TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1")
                            .getAccessToken());
            api.users().update(ALICE, metadata("notes", "x".repeat(11 * 1024)));
            assertEquals(
                    11 * 1024,
                    ((String) tenant.user(ALICE).orElseThrow().userMetadata().get("notes")).length());
            assertEquals(1, tenant.warnings().size());
            assertTrue(
                    tenant.warnings().get(0).contains("10 KB"),
                    tenant.warnings().get(0));
        }
    }

    private static UpdateUserRequestContent metadata(String key, Object value) {
        return UpdateUserRequestContent.builder()
                .userMetadata(Map.of(key, value))
                .build();
    }
}
