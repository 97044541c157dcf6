package dev.accountlinker.localtenant;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.errors.BadRequestError;
import com.auth0.client.mgmt.errors.ConflictError;
import com.auth0.client.mgmt.errors.ForbiddenError;
import com.auth0.client.mgmt.errors.UnauthorizedError;
import com.auth0.client.mgmt.types.DeleteUserIdentityResponseContentItem;
import com.auth0.client.mgmt.types.GetUserResponseContent;
import com.auth0.client.mgmt.types.UpdateUserRequestContent;
import com.auth0.client.mgmt.types.UpdateUserResponseContent;
import com.auth0.client.mgmt.types.UserIdentity;
import com.auth0.client.mgmt.types.UserIdentityProviderEnum;
import com.auth0.client.mgmt.types.UserIdentitySchema;
import com.auth0.client.mgmt.users.types.LinkUserIdentityRequestContent;
import com.auth0.json.auth.TokenHolder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The current_user Management API slice, driven through auth0-java 3.2.0's ManagementApi. */
class ManagementApiTest {

    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    private LocalTenant tenant;

    @BeforeEach
    void start() {
        tenant = LocalTenant.startDemo();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private ManagementApi mgmt(String accessToken) {
        return TenantFlows.managementApi(tenant, accessToken);
    }

    private TokenHolder alice() throws Exception {
        return TenantFlows.signIn(tenant, null, "alice@example.com", "Alice-Demo-1");
    }

    private TokenHolder google() throws Exception {
        return TenantFlows.signIn(tenant, "google-oauth2", "alice.g@example.com", "Google-Demo-1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ManagementApiException e) {
        return (Map<String, Object>) e.body();
    }

    @Test
    void getUserAnswersTheAuth0UserDocument() throws Exception {
        GetUserResponseContent user = mgmt(alice().getAccessToken()).users().get("auth0|alice");
        assertEquals("auth0|alice", user.getUserId().orElseThrow());
        assertEquals("alice@example.com", user.getEmail().orElseThrow());
        assertEquals("Lisbon", ((Map<?, ?>) user.getUserMetadata().orElseThrow().get("address")).get("city"));
        List<UserIdentitySchema> ids = user.getIdentities().orElseThrow();
        assertEquals(1, ids.size());
        assertEquals(UserIdentityProviderEnum.AUTH0, ids.get(0).getProvider().orElseThrow());
        assertEquals("alice", ids.get(0).getUserId().orElseThrow());
        assertTrue(ids.get(0).getProfileData().isEmpty());
        // The id travels URL-encoded.
        assertTrue(tenant.requests().stream().anyMatch(r -> r.rawPath().equals("/api/v2/users/auth0%7Calice")));
    }

    @Test
    void carolsLinkedGithubIdentityHasANumericUserIdAndProfileData() throws Exception {
        TokenHolder carol = TenantFlows.signIn(tenant, null, "carol@example.com", "Carol-Demo-1");
        List<UserIdentitySchema> ids = mgmt(carol.getAccessToken())
                .users()
                .get("auth0|carol")
                .getIdentities()
                .orElseThrow();
        assertEquals(2, ids.size());
        assertEquals(UserIdentityProviderEnum.GITHUB, ids.get(1).getProvider().orElseThrow());
        assertEquals("777777", ids.get(1).getUserId().orElseThrow());
        assertEquals(
                "carol-gh@example.com",
                ids.get(1).getProfileData().orElseThrow().getEmail().orElseThrow());
        // On the wire the GitHub user_id is a JSON number, as Auth0 sends it.
        java.net.http.HttpResponse<String> raw = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(tenant.baseUrl() + "/api/v2/users/auth0%7Ccarol"))
                                .header("Authorization", "Bearer " + carol.getAccessToken())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(raw.body().contains("\"user_id\":777777"), raw.body());
        assertTrue(raw.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    @Test
    void getUserNeedsReadCurrentUserScopeAndOnlyTheOwnUser() throws Exception {
        TokenHolder narrow = TenantFlows.signIn(
                tenant,
                new TenantBrowser(),
                "alice@example.com",
                "Alice-Demo-1",
                b -> b.withScope("openid profile email update:current_user_metadata"));
        ForbiddenError e = assertThrows(
                ForbiddenError.class,
                () -> mgmt(narrow.getAccessToken()).users().get("auth0|alice"));
        assertEquals(
                Map.of(
                        "statusCode",
                        403,
                        "error",
                        "Forbidden",
                        "message",
                        "Insufficient scope, expected any of: read:current_user",
                        "errorCode",
                        "insufficient_scope"),
                body(e));

        ForbiddenError other = assertThrows(
                ForbiddenError.class,
                () -> mgmt(alice().getAccessToken()).users().get("auth0|bob"));
        assertEquals(403, body(other).get("statusCode"));
    }

    @Test
    void tamperedMissingOrForeignTokensAre401() throws Exception {
        String token = alice().getAccessToken();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        UnauthorizedError e = assertThrows(
                UnauthorizedError.class, () -> mgmt(tampered).users().get("auth0|alice"));
        assertEquals("Unauthorized", body(e).get("error"));

        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair foreign = gen.generateKeyPair();
        String forged = JWT.create()
                .withKeyId(tenant.keyId())
                .withIssuer(tenant.issuer())
                .withSubject("auth0|alice")
                .withAudience(tenant.audience())
                .withClaim("scope", "read:current_user")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(Algorithm.RSA256((RSAPublicKey) foreign.getPublic(), (RSAPrivateKey) foreign.getPrivate()));
        assertThrows(UnauthorizedError.class, () -> mgmt(forged).users().get("auth0|alice"));

        // A token the tenant signed but that expired.
        String expired = JWT.create()
                .withKeyId(tenant.keyId())
                .withIssuer(tenant.issuer())
                .withSubject("auth0|alice")
                .withAudience(tenant.audience())
                .withClaim("scope", "read:current_user")
                .withExpiresAt(Instant.now().minusSeconds(5))
                .sign(Algorithm.RSA256((RSAPublicKey) tenant.signingKeyPair().getPublic(), (RSAPrivateKey)
                        tenant.signingKeyPair().getPrivate()));
        assertThrows(UnauthorizedError.class, () -> mgmt(expired).users().get("auth0|alice"));

        // After a key rotation, tokens signed with the old key are refused.
        tenant.rotateSigningKey();
        assertThrows(UnauthorizedError.class, () -> mgmt(token).users().get("auth0|alice"));
    }

    @Test
    void patchMergesUserMetadataAtTheFirstLevel() throws Exception {
        Map<String, Object> patch = new HashMap<>();
        patch.put("language", "pt");
        patch.put("theme", null);
        patch.put("address", Map.of("zip", "1000-001"));
        UpdateUserResponseContent updated = mgmt(alice().getAccessToken())
                .users()
                .update(
                        "auth0|alice",
                        UpdateUserRequestContent.builder().userMetadata(patch).build());
        Map<String, Object> md = updated.getUserMetadata().orElseThrow();
        assertEquals("pt", md.get("language"));
        assertFalse(md.containsKey("theme"), "null deletes the key");
        assertEquals(Map.of("zip", "1000-001"), md.get("address"), "top-level keys are replaced, not deep-merged");
        assertEquals(md, tenant.user("auth0|alice").orElseThrow().userMetadata());
    }

    @Test
    void patchOfOtherFieldsWithACurrentUserTokenIs400() throws Exception {
        BadRequestError e = assertThrows(
                BadRequestError.class,
                () -> mgmt(alice().getAccessToken())
                        .users()
                        .update(
                                "auth0|alice",
                                UpdateUserRequestContent.builder().blocked(true).build()));
        assertEquals(400, body(e).get("statusCode"));
    }

    @Test
    void linkHappyPathMovesTheIdentityAndDropsTheSecondary() throws Exception {
        TokenHolder primary = alice();
        TokenHolder secondary = google();
        List<UserIdentity> identities = mgmt(primary.getAccessToken())
                .users()
                .identities()
                .link(
                        "auth0|alice",
                        LinkUserIdentityRequestContent.builder()
                                .linkWith(secondary.getIdToken())
                                .build());
        assertEquals(2, identities.size());
        assertEquals("google-oauth2", identities.get(1).getProvider());
        assertEquals(
                "109876543210987654321",
                identities.get(1).getUserId().toString().replaceAll("\\D", ""));
        assertEquals(
                "alice.g@example.com",
                identities.get(1).getProfileData().orElseThrow().getEmail().orElseThrow());
        assertTrue(tenant.requests().stream()
                .anyMatch(r -> r.method().equals("POST")
                        && r.path().equals("/api/v2/users/auth0|alice/identities")
                        && r.status() == 201));

        assertTrue(tenant.user("google-oauth2|109876543210987654321").isEmpty(), "secondary user is gone");
        TenantUser alice = tenant.user("auth0|alice").orElseThrow();
        assertEquals(2, alice.identities().size());
        assertFalse(alice.userMetadata().containsKey("newsletter"), "secondary metadata is not merged by Auth0");

        // The secondary's own token now points at a user that no longer exists.
        assertEquals(
                404,
                assertThrows(
                                ManagementApiException.class,
                                () -> mgmt(secondary.getAccessToken())
                                        .users()
                                        .get("google-oauth2|109876543210987654321"))
                        .statusCode());
        // Signing in with Google now yields Alice.
        TokenHolder again = google();
        assertEquals("auth0|alice", JWT.decode(again.getIdToken()).getSubject());
    }

    @Test
    void linkingTheSameUserIs400() throws Exception {
        TokenHolder primary = alice();
        BadRequestError e = assertThrows(
                BadRequestError.class,
                () -> mgmt(primary.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|alice",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(primary.getIdToken())
                                        .build()));
        assertEquals("Main identity and the new one are the same.", body(e).get("message"));
    }

    @Test
    void linkWithATokenForAnotherClientOrNotSignedByTheTenantIs400() throws Exception {
        TokenHolder primary = alice();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", tenant.issuer());
        claims.put("sub", "google-oauth2|109876543210987654321");
        claims.put("aud", "another-client");
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(300).getEpochSecond());
        Algorithm tenantKey =
                Algorithm.RSA256((RSAPublicKey) tenant.signingKeyPair().getPublic(), (RSAPrivateKey)
                        tenant.signingKeyPair().getPrivate());
        String otherAud =
                JWT.create().withKeyId(tenant.keyId()).withPayload(claims).sign(tenantKey);
        BadRequestError e = assertThrows(
                BadRequestError.class,
                () -> mgmt(primary.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|alice",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(otherAud)
                                        .build()));
        assertTrue(String.valueOf(body(e).get("message")).contains("audience"));

        claims.put("aud", tenant.clientId());
        String hs256 = JWT.create().withPayload(claims).sign(Algorithm.HMAC256("secret-secret-secret-secret-1234"));
        assertThrows(
                BadRequestError.class,
                () -> mgmt(primary.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|alice",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(hs256)
                                        .build()));
        assertEquals(1, tenant.user("auth0|alice").orElseThrow().identities().size());
        assertTrue(tenant.user("google-oauth2|109876543210987654321").isPresent());
    }

    @Test
    void linkNeedsTheIdentitiesScopeAndTheOwnUser() throws Exception {
        TokenHolder narrow = TenantFlows.signIn(
                tenant,
                new TenantBrowser(),
                "alice@example.com",
                "Alice-Demo-1",
                b -> b.withScope("openid read:current_user"));
        TokenHolder secondary = google();
        ForbiddenError e = assertThrows(
                ForbiddenError.class,
                () -> mgmt(narrow.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|alice",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(secondary.getIdToken())
                                        .build()));
        assertEquals("Insufficient scope, expected any of: update:current_user_identities", body(e).get("message"));
        assertThrows(
                ForbiddenError.class,
                () -> mgmt(alice().getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|bob",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(secondary.getIdToken())
                                        .build()));
    }

    @Test
    void linkingCarolWhoAlreadyHasLinkedIdentitiesIs409() throws Exception {
        TokenHolder primary = alice();
        TokenHolder carol = TenantFlows.signIn(tenant, null, "carol@example.com", "Carol-Demo-1");
        ConflictError e = assertThrows(
                ConflictError.class,
                () -> mgmt(primary.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                "auth0|alice",
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(carol.getIdToken())
                                        .build()));
        assertEquals("identity_already_linked", body(e).get("errorCode"));
        assertEquals("Conflict", body(e).get("error"));
    }

    /** Choosing the second account as main: Google's own token links Alice (link_with = Alice's ID token) into it. */
    @Test
    void linkTheOtherWayKeepsTheSecondAccountAsPrimaryAndRemovesTheFirst() throws Exception {
        TokenHolder alice = alice();
        TokenHolder google = google();
        List<UserIdentity> identities = mgmt(google.getAccessToken())
                .users()
                .identities()
                .link(
                        GOOGLE,
                        LinkUserIdentityRequestContent.builder()
                                .linkWith(alice.getIdToken())
                                .build());
        assertEquals(2, identities.size());
        assertEquals("google-oauth2", identities.get(0).getProvider());
        assertTrue(identities.get(0).getProfileData().isEmpty(), "the primary identity has no profileData");
        assertEquals("auth0", identities.get(1).getProvider());
        assertEquals("alice", identities.get(1).getUserId().toString().replaceAll("[^a-z]", ""));
        assertEquals(
                "alice@example.com",
                identities.get(1).getProfileData().orElseThrow().getEmail().orElseThrow());
        assertEquals(
                "Alice Example",
                identities.get(1).getProfileData().orElseThrow().getName().orElseThrow());
        assertTrue(tenant.requests().stream()
                .anyMatch(r -> r.method().equals("POST")
                        && r.path().equals("/api/v2/users/" + GOOGLE + "/identities")
                        && r.status() == 201));

        assertTrue(tenant.user("auth0|alice").isEmpty(), "Alice is no longer a standalone user");
        TenantUser main = tenant.user(GOOGLE).orElseThrow();
        assertEquals("alice.g@example.com", main.email(), "the primary's profile is kept");
        assertEquals(
                List.of("google-oauth2", "auth0"),
                main.identities().stream().map(TenantIdentity::provider).toList());
        assertEquals(
                Map.of("language", "pt", "newsletter", true, "address", Map.of("city", "Porto", "zip", "4000-001")),
                main.userMetadata(),
                "Auth0 does not merge: Alice's metadata is dropped");
        assertEquals(
                404,
                assertThrows(
                                ManagementApiException.class,
                                () -> mgmt(alice.getAccessToken()).users().get("auth0|alice"))
                        .statusCode());
        // Signing in with Alice's password now yields the Google user, which the Google token can still read.
        assertEquals(GOOGLE, JWT.decode(alice().getIdToken()).getSubject());
        assertEquals(
                2,
                mgmt(google.getAccessToken())
                        .users()
                        .get(GOOGLE)
                        .getIdentities()
                        .orElseThrow()
                        .size());
    }

    @Test
    void linkTheOtherWayIs409WhenTheLinkWithUserHasLinkedIdentities() throws Exception {
        TokenHolder alice = alice();
        mgmt(alice.getAccessToken())
                .users()
                .identities()
                .link(
                        "auth0|alice",
                        LinkUserIdentityRequestContent.builder()
                                .linkWith(TenantFlows.signIn(tenant, "github", "alice-gh@example.com", "Github-Demo-1")
                                        .getIdToken())
                                .build());
        TokenHolder google = google();
        ConflictError e = assertThrows(
                ConflictError.class,
                () -> mgmt(google.getAccessToken())
                        .users()
                        .identities()
                        .link(
                                GOOGLE,
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(alice.getIdToken())
                                        .build()));
        assertEquals("identity_already_linked", body(e).get("errorCode"));
        assertEquals(2, tenant.user("auth0|alice").orElseThrow().identities().size(), "nothing changed");
        assertEquals(1, tenant.user(GOOGLE).orElseThrow().identities().size());
    }

    @Test
    void linkTheOtherWayWithAnExpiredIdTokenIs400AndAFreshSignInWorks() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (LocalTenant t = LocalTenant.builder().clock(clock).start()) {
            TokenHolder alice = TenantFlows.signIn(t, null, "alice@example.com", "Alice-Demo-1");
            // An ID token is valid for 10 hours (Auth0's default); the access token for 24.
            clock.advance(Duration.ofHours(10).plusSeconds(1));
            TokenHolder google = TenantFlows.signIn(t, "google-oauth2", "alice.g@example.com", "Google-Demo-1");
            ManagementApi api = ManagementApi.builder()
                    .url(t.baseUrl() + "/api/v2")
                    .token(google.getAccessToken())
                    .maxRetries(0)
                    .build();
            BadRequestError e = assertThrows(
                    BadRequestError.class,
                    () -> api.users()
                            .identities()
                            .link(
                                    GOOGLE,
                                    LinkUserIdentityRequestContent.builder()
                                            .linkWith(alice.getIdToken())
                                            .build()));
            assertEquals("invalid_token", body(e).get("errorCode"));
            assertTrue(
                    String.valueOf(body(e).get("message")).contains("Expired"), String.valueOf(body(e).get("message")));
            assertTrue(t.user("auth0|alice").isPresent());

            TokenHolder aliceAgain = TenantFlows.signIn(t, null, "alice@example.com", "Alice-Demo-1");
            assertEquals(
                    2,
                    api.users()
                            .identities()
                            .link(
                                    GOOGLE,
                                    LinkUserIdentityRequestContent.builder()
                                            .linkWith(aliceAgain.getIdToken())
                                            .build())
                            .size());
            assertTrue(t.user("auth0|alice").isEmpty());
        }
    }

    @Test
    void unlinkMakesTheIdentityStandaloneAgainWithoutMetadata() throws Exception {
        TokenHolder primary = alice();
        mgmt(primary.getAccessToken())
                .users()
                .identities()
                .link(
                        "auth0|alice",
                        LinkUserIdentityRequestContent.builder()
                                .linkWith(google().getIdToken())
                                .build());

        List<DeleteUserIdentityResponseContentItem> remaining = mgmt(primary.getAccessToken())
                .users()
                .identities()
                .delete("auth0|alice", UserIdentityProviderEnum.valueOf("google-oauth2"), "109876543210987654321");
        assertEquals(1, remaining.size());
        assertEquals("auth0", remaining.get(0).getProvider());

        TenantUser standalone =
                tenant.user("google-oauth2|109876543210987654321").orElseThrow();
        assertEquals("alice.g@example.com", standalone.email());
        assertEquals("Alice (Google)", standalone.name());
        assertTrue(standalone.userMetadata().isEmpty());
        assertEquals(
                "google-oauth2|109876543210987654321",
                JWT.decode(google().getIdToken()).getSubject(),
                "Google signs in as itself again");
    }

    @Test
    void unlinkOfCarolsNumericGithubIdAndOfThePrimaryIdentity() throws Exception {
        TokenHolder carol = TenantFlows.signIn(tenant, null, "carol@example.com", "Carol-Demo-1");
        ManagementApi api = mgmt(carol.getAccessToken());
        BadRequestError e = assertThrows(
                BadRequestError.class,
                () -> api.users().identities().delete("auth0|carol", UserIdentityProviderEnum.AUTH0, "carol"));
        assertEquals(400, body(e).get("statusCode"));
        assertEquals(
                404,
                assertThrows(
                                ManagementApiException.class,
                                () -> api.users()
                                        .identities()
                                        .delete("auth0|carol", UserIdentityProviderEnum.GITHUB, "1"))
                        .statusCode());

        List<DeleteUserIdentityResponseContentItem> remaining =
                api.users().identities().delete("auth0|carol", UserIdentityProviderEnum.valueOf("github"), "777777");
        assertEquals(1, remaining.size());
        assertTrue(tenant.user("github|777777").isPresent());
        assertEquals(
                "github|777777",
                JWT.decode(TenantFlows.signIn(tenant, "github", "carol-gh@example.com", "CarolGh-1")
                                .getIdToken())
                        .getSubject());
    }

    @Test
    void addAccountSeedsAnExtraUser() throws Exception {
        tenant.addAccount(TenantAccount.builder()
                .connection("github")
                .email("dave@example.com")
                .password("Dave-1")
                .userId("github|99")
                .name("Dave")
                .emailVerified(false)
                .userMetadata(Map.of("k", "v"))
                .build());
        TokenHolder dave = TenantFlows.signIn(tenant, "github", "dave@example.com", "Dave-1");
        assertEquals("github|99", JWT.decode(dave.getIdToken()).getSubject());
        assertFalse(JWT.decode(dave.getIdToken()).getClaim("email_verified").asBoolean());
        assertEquals(
                Map.of("k", "v"),
                mgmt(dave.getAccessToken())
                        .users()
                        .get("github|99")
                        .getUserMetadata()
                        .orElseThrow());
        assertInstanceOf(
                String.class,
                tenant.user("github|99").orElseThrow().identities().get(0).userId());
    }
}
