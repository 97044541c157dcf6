package dev.accountlinker.account;

import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementException;
import com.auth0.json.auth.TokenHolder;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.RecordedRequest;
import dev.accountlinker.localtenant.TenantFlows;
import dev.accountlinker.localtenant.TenantIdentity;
import dev.accountlinker.localtenant.TenantUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AccountClient against a real LocalTenant over HTTP, with tokens from real sign-ins. */
class AccountClientTest {

    private static final String ALICE = "auth0|alice";
    private static final String GOOGLE = "google-oauth2|109876543210987654321";
    private static final String GITHUB = "github|4242424";
    private static final String ERROR_503 =
            "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"Try again later\"}";

    private LocalTenant tenant;

    @BeforeEach
    void start() {
        tenant = LocalTenant.builder().start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private AccountClient client(String accessToken) throws Exception {
        TenantSettings settings = new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(),
                List.of(),
                URI.create(LocalTenant.LOOPBACK_REDIRECT_URI));
        return new AccountClient(settings, accessToken, RequestPolicy.sleeping(Clock.systemUTC()));
    }

    private TokenHolder alice() throws Exception {
        return TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
    }

    private TokenHolder google() throws Exception {
        return TenantFlows.signIn(tenant, "google-oauth2", "alice.g@example.com", "Google-Demo-1");
    }

    private TokenHolder github() throws Exception {
        return TenantFlows.signIn(tenant, "github", "alice-gh@example.com", "Github-Demo-1");
    }

    private List<RecordedRequest> requests(String method, String path) {
        return tenant.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    private static Map<String, Object> aliceDemoMetadata() {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Lisbon");
        address.put("country", "PT");
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("theme", "dark");
        md.put("language", "en");
        md.put("address", address);
        return md;
    }

    // ---- fetch ----

    @Test
    void fetchMapsProfileIdentitiesAndMetadata() throws Exception {
        Account account = client(alice().getAccessToken()).fetch(ALICE);

        assertEquals(ALICE, account.userId());
        assertEquals(Optional.of("Alice Example"), account.name());
        assertEquals(Optional.of("alice@example.com"), account.email());
        assertTrue(account.emailVerified());
        assertEquals(
                tenant.user(ALICE).orElseThrow().picture(), account.picture().orElseThrow());
        assertEquals(aliceDemoMetadata(), account.userMetadata());

        assertEquals(1, account.identities().size());
        Identity primary = account.identities().get(0);
        assertTrue(primary.primary());
        assertEquals("auth0", primary.provider());
        assertEquals("alice", primary.userId());
        assertEquals(ALICE, primary.subject());
        assertEquals("Username-Password-Authentication", primary.connection());
        assertFalse(primary.social());
        // Auth0 sends no profileData for the primary identity: it shows the account's own profile.
        assertEquals(java.util.Optional.of("alice@example.com"), primary.email());
        assertEquals(java.util.Optional.of("Alice Example"), primary.name());
        assertTrue(account.secondaryIdentities().isEmpty());
        assertTrue(account.hasIdentity(ALICE));
    }

    @Test
    void fetchListsLinkedIdentitiesPrimaryFirstWithTheirProfileData() throws Exception {
        TokenHolder primary = alice();
        AccountClient client = client(primary.getAccessToken());
        client.link(ALICE, google().getIdToken());
        client.link(ALICE, github().getIdToken());

        Account account = client.fetch(ALICE);
        List<Identity> ids = account.identities();
        assertEquals(
                List.of(ALICE, GOOGLE, GITHUB),
                ids.stream().map(Identity::subject).toList());
        assertEquals(
                List.of(true, false, false), ids.stream().map(Identity::primary).toList());

        Identity google = ids.get(1);
        assertEquals("google-oauth2", google.connection());
        assertEquals("109876543210987654321", google.userId());
        assertTrue(google.social());
        assertEquals(Optional.of("alice.g@example.com"), google.email());
        assertEquals(Optional.of("Alice (Google)"), google.name());
        assertTrue(google.picture().isPresent());

        Identity github = ids.get(2);
        assertEquals("github", github.provider());
        assertEquals("4242424", github.userId(), "GitHub's numeric user id becomes text");
        assertEquals(Optional.of("alice-gh@example.com"), github.email());
        assertEquals(Optional.of("Alice (GitHub)"), github.name());

        assertEquals(List.of(google, github), account.secondaryIdentities());
        assertTrue(account.hasIdentity(GITHUB));
        // Auth0 keeps the main account's metadata only.
        assertEquals(aliceDemoMetadata(), account.userMetadata());
    }

    @Test
    void fetchOfCarolShowsHerNumericGithubIdentity() throws Exception {
        TokenHolder carol = TenantFlows.signIn(tenant, null, "carol@example.com", "Carol-Demo-1");
        Account account = client(carol.getAccessToken()).fetch("auth0|carol");
        assertEquals(
                List.of("auth0|carol", "github|777777"),
                account.identities().stream().map(Identity::subject).toList());
        assertEquals(Map.of("plan", "pro"), account.userMetadata());
    }

    @Test
    void fetchOfAnotherUserIs403() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        ManagementApiException e = assertThrows(ManagementApiException.class, () -> client.fetch("auth0|bob"));
        assertEquals(403, e.statusCode());
    }

    // ---- updateMetadata ----

    @Test
    void updateMetadataPatchesTopLevelKeysAndReturnsTheNewMetadata() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("city", "Lisbon");
        address.put("country", "PT");
        address.put("zip", "4000-001");
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("newsletter", true);
        changes.put("address", address);

        Map<String, Object> updated = client.updateMetadata(ALICE, changes);

        Map<String, Object> expected = aliceDemoMetadata();
        expected.put("newsletter", true);
        expected.put("address", address);
        assertEquals(expected, updated);
        assertEquals(expected, tenant.user(ALICE).orElseThrow().userMetadata());
        assertEquals(expected, client.fetch(ALICE).userMetadata());
        assertEquals(1, requests("PATCH", "/api/v2/users/" + ALICE).size());
    }

    @Test
    void updateMetadataReplacesATopLevelKeyWhole() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        Map<String, Object> updated = client.updateMetadata(ALICE, Map.of("address", Map.of("zip", "1000-001")));
        assertEquals(Map.of("zip", "1000-001"), updated.get("address"));
        assertEquals("dark", updated.get("theme"));
    }

    @Test
    void updateMetadataWithoutTheScopeIs403AndChangesNothing() throws Exception {
        TokenHolder narrow = TenantFlows.signIn(
                tenant,
                new dev.accountlinker.testkit.TenantBrowser(),
                "alice@example.com",
                "Alice-Demo-1",
                b -> b.withScope("openid profile email read:current_user"));
        ManagementApiException e = assertThrows(
                ManagementApiException.class,
                () -> client(narrow.getAccessToken()).updateMetadata(ALICE, Map.of("newsletter", true)));
        assertEquals(403, e.statusCode());
        assertEquals(aliceDemoMetadata(), tenant.user(ALICE).orElseThrow().userMetadata());
    }

    // ---- link ----

    @Test
    void linkReturnsTheNewIdentitiesAndTheSecondaryUserIsGone() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        List<Identity> ids = client.link(ALICE, google().getIdToken());

        assertEquals(List.of(ALICE, GOOGLE), ids.stream().map(Identity::subject).toList());
        assertTrue(ids.get(0).primary());
        assertTrue(ids.get(0).email().isEmpty());
        assertFalse(ids.get(1).primary());
        assertEquals("google-oauth2", ids.get(1).connection());
        assertTrue(ids.get(1).social());
        assertEquals(Optional.of("alice.g@example.com"), ids.get(1).email());
        assertEquals(Optional.of("Alice (Google)"), ids.get(1).name());

        assertTrue(tenant.user(GOOGLE).isEmpty(), "the secondary user is removed");
        TenantUser alice = tenant.user(ALICE).orElseThrow();
        assertEquals(
                List.of(ALICE, GOOGLE),
                alice.identities().stream().map(TenantIdentity::sub).toList());
        assertEquals(
                1, requests("POST", "/api/v2/users/" + ALICE + "/identities").size());
    }

    @Test
    void linkOfGithubMapsItsNumericUserIdAsText() throws Exception {
        List<Identity> ids = client(alice().getAccessToken()).link(ALICE, github().getIdToken());
        assertEquals("4242424", ids.get(1).userId());
        assertEquals(GITHUB, ids.get(1).subject());
        assertEquals(Optional.of("alice-gh@example.com"), ids.get(1).email());
    }

    @Test
    void linkWithTheMainAccountsOwnIdTokenIs400() throws Exception {
        TokenHolder primary = alice();
        ManagementApiException e = assertThrows(
                ManagementApiException.class,
                () -> client(primary.getAccessToken()).link(ALICE, primary.getIdToken()));
        assertEquals(400, e.statusCode());
        assertEquals(1, tenant.user(ALICE).orElseThrow().identities().size());
    }

    @Test
    void linkOfCarolsAlreadyLinkedGithubAccountIs409() throws Exception {
        TokenHolder primary = alice();
        // carol-gh is linked into carol: signing in with it yields carol's tokens.
        TokenHolder carol = TenantFlows.signIn(tenant, "github", "carol-gh@example.com", "CarolGh-1");
        ManagementApiException e = assertThrows(
                ManagementApiException.class,
                () -> client(primary.getAccessToken()).link(ALICE, carol.getIdToken()));
        assertEquals(409, e.statusCode());
        assertEquals(1, tenant.user(ALICE).orElseThrow().identities().size());
        assertEquals(2, tenant.user("auth0|carol").orElseThrow().identities().size());
    }

    @Test
    void linkIntoAnotherUserWithThePrimarysTokenIs403() throws Exception {
        TokenHolder primary = alice();
        String googleIdToken = google().getIdToken();
        ManagementApiException e = assertThrows(
                ManagementApiException.class,
                () -> client(primary.getAccessToken()).link("auth0|bob", googleIdToken));
        assertEquals(403, e.statusCode());
        assertEquals(1, tenant.user("auth0|bob").orElseThrow().identities().size());
        assertTrue(tenant.user(GOOGLE).isPresent());
    }

    // ---- unlink ----

    @Test
    void unlinkReturnsTheRemainingIdentitiesAndTheUserIsStandaloneAgainWithoutMetadata() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        List<Identity> linked = client.link(ALICE, google().getIdToken());

        List<Identity> remaining = client.unlink(ALICE, linked.get(1));

        assertEquals(List.of(ALICE), remaining.stream().map(Identity::subject).toList());
        assertTrue(remaining.get(0).primary());
        TenantUser standalone = tenant.user(GOOGLE).orElseThrow();
        assertEquals("alice.g@example.com", standalone.email());
        assertTrue(standalone.userMetadata().isEmpty(), "Auth0 gives the unlinked user no metadata");
        assertEquals(
                List.of(ALICE),
                tenant.user(ALICE).orElseThrow().identities().stream()
                        .map(TenantIdentity::sub)
                        .toList());
        assertEquals(aliceDemoMetadata(), tenant.user(ALICE).orElseThrow().userMetadata());
    }

    @Test
    void unlinkOfOneOfSeveralIdentitiesKeepsTheOthersInOrder() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        client.link(ALICE, google().getIdToken());
        List<Identity> linked = client.link(ALICE, github().getIdToken());
        Identity github = linked.get(2);
        assertEquals(GITHUB, github.subject());

        List<Identity> remaining = client.unlink(ALICE, linked.get(1));
        assertEquals(
                List.of(ALICE, GITHUB),
                remaining.stream().map(Identity::subject).toList());
        assertEquals(
                List.of(true, false), remaining.stream().map(Identity::primary).toList());
        assertEquals("4242424", remaining.get(1).userId());
        assertEquals(Optional.of("alice-gh@example.com"), remaining.get(1).email());

        assertEquals(
                List.of(ALICE),
                client.unlink(ALICE, github).stream().map(Identity::subject).toList());
        assertTrue(tenant.user(GITHUB).isPresent());
    }

    @Test
    void unlinkOfCarolsNumericGithubIdentityFromAFetchedAccount() throws Exception {
        TokenHolder carol = TenantFlows.signIn(tenant, null, "carol@example.com", "Carol-Demo-1");
        AccountClient client = client(carol.getAccessToken());
        Identity github = client.fetch("auth0|carol").secondaryIdentities().get(0);
        List<Identity> remaining = client.unlink("auth0|carol", github);
        assertEquals(
                List.of("auth0|carol"),
                remaining.stream().map(Identity::subject).toList());
        assertTrue(tenant.user("github|777777").isPresent());
    }

    // ---- retries ----

    @Test
    void aFailedLinkIsSentExactlyOnce() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        String googleIdToken = google().getIdToken();
        tenant.clearRequests();
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").respond(503, ERROR_503));

        ManagementApiException e = assertThrows(ManagementApiException.class, () -> client.link(ALICE, googleIdToken));

        assertEquals(503, e.statusCode());
        List<RecordedRequest> posts = requests("POST", "/api/v2/users/" + ALICE + "/identities");
        assertEquals(1, posts.size(), "a write must not be retried: " + tenant.requests());
        assertTrue(posts.get(0).faulted());
        assertEquals(503, posts.get(0).status());
        assertTrue(tenant.user(GOOGLE).isPresent(), "nothing was linked");
    }

    @Test
    void aLinkWhoseConnectionDropsIsNotResent() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        // The app's order: merge the metadata first, then link. The PATCH leaves a pooled keep-alive connection
        // that the link reuses; OkHttp silently resends a request that failed on a reused connection.
        client.updateMetadata(ALICE, Map.of("newsletter", true));
        String googleIdToken = google().getIdToken();
        tenant.clearRequests();
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").dropConnection());

        // A network failure is a ManagementException (not a ManagementApiException: there is no status).
        ManagementException e = assertThrows(ManagementException.class, () -> client.link(ALICE, googleIdToken));
        assertFalse(e instanceof ManagementApiException);
        assertTrue(e.getCause() instanceof java.io.IOException, String.valueOf(e.getCause()));

        List<RecordedRequest> posts = requests("POST", "/api/v2/users/" + ALICE + "/identities");
        assertEquals(1, posts.size(), "a write must not be resent after a connection failure: " + posts);
        assertEquals(-1, posts.get(0).status());
        assertTrue(tenant.user(GOOGLE).isPresent(), "nothing was linked behind the user's back: " + e);
    }

    @Test
    void failedUpdateAndUnlinkAreSentExactlyOnce() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        List<Identity> linked = client.link(ALICE, google().getIdToken());
        tenant.clearRequests();
        tenant.faults().inject(Faults.on("PATCH", "/api/v2/users/").respond(503, ERROR_503));
        tenant.faults().inject(Faults.on("DELETE", "/api/v2/users/").respond(503, ERROR_503));

        assertEquals(
                503,
                assertThrows(
                                ManagementApiException.class,
                                () -> client.updateMetadata(ALICE, Map.of("newsletter", true)))
                        .statusCode());
        assertEquals(
                503,
                assertThrows(ManagementApiException.class, () -> client.unlink(ALICE, linked.get(1)))
                        .statusCode());

        assertEquals(
                1,
                requests("PATCH", "/api/v2/users/" + ALICE).size(),
                tenant.requests().toString());
        assertEquals(
                1,
                tenant.requests().stream()
                        .filter(r -> r.method().equals("DELETE"))
                        .count(),
                tenant.requests().toString());
        assertEquals(2, tenant.user(ALICE).orElseThrow().identities().size());
    }

    @Test
    void aFetchAnswered503OnceIsRetriedAndSucceeds() throws Exception {
        AccountClient client = client(alice().getAccessToken());
        tenant.clearRequests();
        tenant.faults().inject(Faults.on("GET", "/api/v2/users/").respond(503, ERROR_503));

        Account account = client.fetch(ALICE);

        assertEquals(ALICE, account.userId());
        List<RecordedRequest> gets = requests("GET", "/api/v2/users/" + ALICE);
        assertEquals(2, gets.size(), tenant.requests().toString());
        assertTrue(gets.get(0).faulted());
        assertEquals(503, gets.get(0).status());
        assertFalse(gets.get(1).faulted());
        assertEquals(200, gets.get(1).status());
    }
}
