package dev.accountlinker.linking;

import com.auth0.json.auth.TokenHolder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.RequestContext;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.IdTokenClaims;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.auth.Tokens;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantAccount;
import dev.accountlinker.localtenant.TenantFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linking service's write step against a real local tenant over HTTP: it never sends a PATCH that would cross the
 * profile cap, whatever the dialog showed, and keeping only the main account's information sends none at all. The
 * tenant's own cap is not relied on: the requests it saw are.
 */
class LinkingServiceTest {
    private static final String ALICE = "auth0|alice";
    private static final String NOTES = "google-oauth2|200000000000000000001";

    private LocalTenant tenant;

    @BeforeEach
    void start() {
        tenant = LocalTenant.builder()
                .account(TenantAccount.builder()
                        .connection("google-oauth2")
                        .email("alice.notes@example.com")
                        .password("Notes-Demo-1")
                        .userId(NOTES)
                        .name("Alice (Notes)")
                        .userMetadata(Map.of("notes", "n".repeat(10_500)))
                        .build())
                .start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private TenantSettings settings() throws Exception {
        return new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(),
                List.of(),
                URI.create(LocalTenant.DEFAULT_REDIRECT_URI));
    }

    private static SignedInAccount session(TokenHolder tokens) {
        DecodedJWT id = JWT.decode(tokens.getIdToken());
        return new SignedInAccount(
                new IdTokenClaims(
                        id.getSubject(),
                        Optional.ofNullable(id.getClaim("email").asString()),
                        true,
                        Optional.ofNullable(id.getClaim("name").asString()),
                        Optional.empty(),
                        id.getIssuedAtAsInstant(),
                        Optional.ofNullable(id.getClaim("auth_time").asInstant())),
                new Tokens(
                        tokens.getIdToken(),
                        tokens.getAccessToken(),
                        tokens.getScope(),
                        Instant.now().plusSeconds(tokens.getExpiresIn())));
    }

    private long requests(String method, String pathPart) {
        return tenant.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
                .count();
    }

    private record Linking(LinkingService service, LinkPreview preview) {}

    private Linking prepare(String secondEmail, String secondPassword) throws Exception {
        SignedInAccount alice = session(TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1"));
        SignedInAccount second = session(TenantFlows.signIn(tenant, "google-oauth2", secondEmail, secondPassword));
        LinkingService service = LinkingService.forTenant(
                settings(), alice.tokens().accessToken(), RequestPolicy.sleeping(Clock.systemUTC()));
        var main = service.mainClient().fetch(ALICE);
        return new Linking(service, service.preview(alice, main, second, RequestContext.NONE));
    }

    @Test
    void aMergeOverTheCapIsOfferedAsKeepingOnlyTheMainInformationAndLinksWithoutAnyPatch() throws Exception {
        Linking linking = prepare("alice.notes@example.com", "Notes-Demo-1");
        Map<String, Object> aliceBefore = tenant.user(ALICE).orElseThrow().userMetadata();
        LinkPlan plan = linking.preview().plan(LinkDirection.KEEP_CURRENT);
        assertTrue(plan.mergeExceedsProfileLimit(), "" + plan.mergedSizeInBytes());
        assertFalse(plan.mergesMetadata());

        List<LinkStep> steps = new ArrayList<>();
        LinkResult result = linking.service().link(plan, RequestContext.NONE, steps::add);

        assertEquals(0, requests("PATCH", "/api/v2/users/"), "no PATCH at all");
        assertEquals(1, requests("POST", "/api/v2/users/" + ALICE + "/identities"));
        assertEquals(List.of(LinkStep.READING_ACCOUNTS, LinkStep.LINKING), steps);
        assertEquals(
                List.of(ALICE, NOTES),
                result.account().identities().stream()
                        .map(identity -> identity.subject())
                        .toList());
        assertEquals(aliceBefore, result.account().userMetadata());
        assertTrue(result.linkedMetadataDropped(), "the result says the other account's information is gone");
        assertEquals(aliceBefore, tenant.user(ALICE).orElseThrow().userMetadata(), "Alice's information as it was");
        assertTrue(tenant.user(NOTES).isEmpty(), "linked: no longer a separate user");
    }

    @Test
    void aMergeThatGrewOverTheCapSinceThePreviewIsRefusedBeforeAnythingIsSent() throws Exception {
        // Google's metadata is small when the dialog measures it, so the plan merges...
        Linking linking = prepare("alice.g@example.com", "Google-Demo-1");
        LinkPlan plan = linking.preview().plan(LinkDirection.KEEP_CURRENT);
        assertTrue(plan.mergesMetadata());
        // ... then it grows (another device, another app) before the person confirms.
        TokenHolder google = TenantFlows.signIn(tenant, "google-oauth2", "alice.g@example.com", "Google-Demo-1");
        new AccountClient(settings(), google.getAccessToken(), RequestPolicy.sleeping(Clock.systemUTC()))
                .updateMetadata("google-oauth2|109876543210987654321", Map.of("notes", "g".repeat(10_000)));
        long patchesBefore = requests("PATCH", "/api/v2/users/");
        Map<String, Object> aliceBefore = tenant.user(ALICE).orElseThrow().userMetadata();

        LinkFailure failure =
                assertThrows(LinkFailure.class, () -> linking.service().link(plan, RequestContext.NONE, step -> {}));

        MetadataTooLarge tooLarge = assertInstanceOf(MetadataTooLarge.class, failure.getCause());
        assertTrue(tooLarge.mergedBytes() > ProfileLimit.MAX_METADATA_BYTES, "" + tooLarge.mergedBytes());
        assertFalse(failure.metadataMerged());
        assertEquals(patchesBefore, requests("PATCH", "/api/v2/users/"), "no PATCH that crosses the cap");
        assertEquals(0, requests("POST", "/identities"), "and no link either: the person chooses again");
        assertEquals(aliceBefore, tenant.user(ALICE).orElseThrow().userMetadata());
        assertTrue(tenant.user("google-oauth2|109876543210987654321").isPresent());
    }
}
