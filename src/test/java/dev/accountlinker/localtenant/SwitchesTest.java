package dev.accountlinker.localtenant;

import com.auth0.json.auth.TokenHolder;
import com.auth0.jwt.JWT;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's switches for the test hooks, the shipped demo, and seeding a test's own users. */
class SwitchesTest {

    @Test
    void theShippedDemoHasNoFaultInjectionAndNoRequestRecordingButWorks() throws Exception {
        try (LocalTenant tenant = LocalTenant.builder().forShippedDemo().start()) {
            IllegalStateException faults = assertThrows(IllegalStateException.class, tenant::faults);
            assertTrue(faults.getMessage().contains("faultInjection(true)"), faults.getMessage());
            IllegalStateException requests = assertThrows(IllegalStateException.class, tenant::requests);
            assertTrue(requests.getMessage().contains("recordRequests(true)"), requests.getMessage());
            assertThrows(IllegalStateException.class, tenant::clearRequests);

            TokenHolder alice = TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
            assertEquals(
                    "auth0|alice",
                    TenantFlows.managementApi(tenant, alice.getAccessToken())
                            .users()
                            .get("auth0|alice")
                            .getUserId()
                            .orElseThrow());
            assertEquals(RateLimit.essentials(), tenant.rateLimit(), "the shipped demo is rate-limited like Auth0");
        }
    }

    @Test
    void eachHookCanBeSwitchedOnItsOwn() throws Exception {
        try (LocalTenant tenant = LocalTenant.builder().faultInjection(false).start()) {
            assertThrows(IllegalStateException.class, tenant::faults);
            TenantFlows.signIn(tenant, null, "bob@example.com", "Bob-Demo-1");
            assertTrue(tenant.requests().stream().anyMatch(r -> r.path().equals("/oauth/token")));
        }
        try (LocalTenant tenant = LocalTenant.builder().recordRequests(false).start()) {
            assertThrows(IllegalStateException.class, tenant::requests);
            tenant.faults().inject(Faults.on("POST", "/oauth/token").respond(503, "{}"));
            assertThrows(
                    com.auth0.exception.APIException.class,
                    () -> TenantFlows.signIn(tenant, null, "bob@example.com", "Bob-Demo-1"));
        }
    }

    @Test
    void aTestSeedsItsOwnUsersThroughTheBuilder() throws Exception {
        try (LocalTenant tenant = LocalTenant.builder()
                .seedDemoUsers(false)
                .account(TenantAccount.builder()
                        .email("ann@example.com")
                        .password("Ann-Pass-1")
                        .userId("auth0|ann")
                        .name("Ann")
                        .build())
                .account(TenantAccount.builder()
                        .connection("github")
                        .email("ann-gh@example.com")
                        .password("Ann-Gh-1")
                        .userId("github|31")
                        .linkedTo("auth0|ann")
                        .build())
                .start()) {
            assertEquals(
                    List.of("auth0|ann"),
                    tenant.users().stream().map(TenantUser::userId).toList());
            assertEquals(
                    List.of("auth0|ann", "github|31"),
                    tenant.user("auth0|ann").orElseThrow().identities().stream()
                            .map(TenantIdentity::sub)
                            .toList());
            TokenHolder ann = TenantFlows.signIn(tenant, "github", "ann-gh@example.com", "Ann-Gh-1");
            assertEquals("auth0|ann", JWT.decode(ann.getIdToken()).getSubject());
        }
    }
}
