package dev.accountlinker.linking;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.accountlinker.account.Account;
import dev.accountlinker.account.Identity;
import dev.accountlinker.auth.IdTokenClaims;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.auth.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direction logic: who is main, whose token authenticates, what goes in link_with, whose metadata wins. */
class LinkPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    private static Identity identity(String provider, String userId, boolean primary) {
        return new Identity(
                provider,
                provider,
                userId,
                !provider.equals("auth0"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                primary);
    }

    private static Account alice(boolean withGithub) {
        List<Identity> identities = withGithub
                ? List.of(identity("auth0", "alice", true), identity("github", "4242424", false))
                : List.of(identity("auth0", "alice", true));
        return new Account(
                "auth0|alice",
                Optional.of("Alice Example"),
                Optional.of("alice@example.com"),
                true,
                Optional.empty(),
                identities,
                obj("theme", "dark", "language", "en", "address", obj("city", "Lisbon", "country", "PT")));
    }

    private static Account google() {
        return new Account(
                GOOGLE,
                Optional.of("Alice (Google)"),
                Optional.of("alice.g@example.com"),
                true,
                Optional.empty(),
                List.of(identity("google-oauth2", "109876543210987654321", true)),
                obj("language", "pt", "newsletter", true, "address", obj("city", "Porto", "zip", "4000-001")));
    }

    /** An unsigned stand-in ID token: the plan only reads its exp (the app validated the real one at sign-in). */
    private static String idToken(String sub, Instant expiresAt) {
        var builder = JWT.create().withSubject(sub);
        if (expiresAt != null) {
            builder.withExpiresAt(expiresAt);
        }
        return builder.sign(Algorithm.none());
    }

    private static SignedInAccount session(String sub, String name, String email, Instant idTokenExpiresAt) {
        return new SignedInAccount(
                new IdTokenClaims(
                        sub,
                        Optional.of(email),
                        true,
                        Optional.of(name),
                        Optional.empty(),
                        NOW.minusSeconds(60),
                        Optional.of(NOW.minusSeconds(60))),
                new Tokens(idToken(sub, idTokenExpiresAt), "access-" + sub, "scope", NOW.plus(Duration.ofHours(1))));
    }

    private static LinkPreview preview(Account main, Instant currentIdTokenExpiresAt) {
        SignedInAccount current = session("auth0|alice", "Alice Example", "alice@example.com", currentIdTokenExpiresAt);
        SignedInAccount second =
                session(GOOGLE, "Alice (Google)", "alice.g@example.com", NOW.plus(Duration.ofHours(10)));
        return new LinkPreview(current, main, second, google());
    }

    private static LinkPreview preview() {
        return preview(alice(false), NOW.plus(Duration.ofHours(9)));
    }

    @Test
    void keepingTheCurrentAccountLinksTheSecondIntoItAsToday() {
        LinkPreview preview = preview();
        LinkPlan plan = preview.plan(LinkDirection.KEEP_CURRENT);
        assertEquals("auth0|alice", plan.targetUserId());
        assertEquals(GOOGLE, plan.linked().userId());
        assertSame(preview.current(), plan.targetSession(), "the signed-in account's access token authenticates");
        assertEquals(preview.second().tokens().idToken(), plan.linkWithIdToken(), "link_with is the second ID token");
        assertEquals(Optional.empty(), plan.signedInAfter());
        assertTrue(!plan.switchesAccount());
        assertEquals("Alice Example", plan.targetDisplayName());
        assertEquals("Alice (Google)", plan.linkedDisplayName());
        assertEquals("en", plan.merge().merged().get("language"));
    }

    @Test
    void keepingTheSecondAccountLinksTheCurrentIntoItWithItsOwnToken() {
        LinkPreview preview = preview();
        LinkPlan plan = preview.plan(LinkDirection.KEEP_SECOND);
        assertEquals(GOOGLE, plan.targetUserId(), "PATCH and POST go to the second account");
        assertEquals("auth0|alice", plan.linked().userId());
        assertSame(
                preview.second(),
                plan.targetSession(),
                "a current_user token acts only on its own user: the second account's access token authenticates");
        assertSame(preview.current(), plan.linkedSession());
        assertEquals(preview.current().tokens().idToken(), plan.linkWithIdToken(), "link_with is the current ID token");
        assertSame(
                preview.second(), plan.signedInAfter().orElseThrow(), "the app is signed in as the second afterwards");
        assertTrue(plan.switchesAccount());
        assertEquals("Alice (Google)", plan.targetDisplayName());
        assertEquals("Alice Example", plan.linkedDisplayName());
    }

    @Test
    void keepingTheSecondAccountMergesIntoItAndItsValuesWin() {
        MetadataMerge.Result merge = preview().plan(LinkDirection.KEEP_SECOND).merge();
        assertEquals(
                obj(
                        "language",
                        "pt",
                        "newsletter",
                        true,
                        "address",
                        obj("city", "Porto", "zip", "4000-001", "country", "PT"),
                        "theme",
                        "dark"),
                merge.merged());
        assertEquals(List.of("theme", "address.country"), merge.addedPaths());
        assertEquals(
                List.of(
                        new MetadataMerge.Conflict("language", "pt", "en"),
                        new MetadataMerge.Conflict("address.city", "Porto", "Lisbon")),
                merge.conflicts());
        assertEquals(
                obj("address", obj("city", "Porto", "zip", "4000-001", "country", "PT"), "theme", "dark"),
                merge.topLevelChanges(),
                "the PATCH carries only what changes in the second account");
    }

    @Test
    void keepingTheCurrentAccountIsAlwaysPossible() {
        LinkPreview preview = preview(alice(true), NOW.minusSeconds(1));
        assertEquals(Optional.empty(), LinkPlan.unavailable(preview, LinkDirection.KEEP_CURRENT, NOW));
        assertEquals(Optional.empty(), LinkPlan.unavailable(preview(), LinkDirection.KEEP_SECOND, NOW));
    }

    @Test
    void keepingTheSecondIsImpossibleWhenTheCurrentAccountHasLinkedIdentities() {
        LinkPreview preview = preview(alice(true), NOW.plus(Duration.ofHours(9)));
        assertEquals(
                Optional.of(LinkPlan.Unavailable.CURRENT_HAS_LINKED_IDENTITIES),
                LinkPlan.unavailable(preview, LinkDirection.KEEP_SECOND, NOW));
        assertThrows(IllegalArgumentException.class, () -> preview.plan(LinkDirection.KEEP_SECOND));
        assertEquals("auth0|alice", preview.plan(LinkDirection.KEEP_CURRENT).targetUserId());
    }

    @Test
    void keepingTheSecondNeedsACurrentIdTokenThatIsStillValidForAWhile() {
        Duration margin = LinkPlan.LINK_WITH_MIN_VALIDITY;
        assertEquals(
                Optional.of(LinkPlan.Unavailable.SIGN_IN_TOO_OLD),
                LinkPlan.unavailable(preview(alice(false), NOW.minusSeconds(1)), LinkDirection.KEEP_SECOND, NOW),
                "expired");
        assertEquals(
                Optional.of(LinkPlan.Unavailable.SIGN_IN_TOO_OLD),
                LinkPlan.unavailable(preview(alice(false), NOW.plus(margin)), LinkDirection.KEEP_SECOND, NOW),
                "about to expire");
        assertEquals(
                Optional.of(LinkPlan.Unavailable.SIGN_IN_TOO_OLD),
                LinkPlan.unavailable(preview(alice(false), null), LinkDirection.KEEP_SECOND, NOW),
                "no exp at all");
        assertEquals(
                Optional.empty(),
                LinkPlan.unavailable(
                        preview(alice(false), NOW.plus(margin).plusSeconds(1)), LinkDirection.KEEP_SECOND, NOW));
    }

    @Test
    void aPlanNeverShowsATokenWhenPrinted() {
        LinkPlan plan = preview().plan(LinkDirection.KEEP_SECOND);
        assertEquals("LinkPlan[KEEP_SECOND, MERGE: " + GOOGLE + " <- auth0|alice]", plan.toString());
    }

    @Test
    void aMergeWithinTheProfileCapIsOffered() {
        LinkPlan plan = preview().plan(LinkDirection.KEEP_CURRENT);
        assertTrue(plan.mergesMetadata());
        assertEquals(LinkPlan.MetadataHandling.MERGE, plan.metadata());
        assertTrue(!plan.mergeExceedsProfileLimit());
        assertEquals(ProfileLimit.sizeInBytes(plan.merge().merged()), plan.mergedSizeInBytes());
    }

    @Test
    void eachDirectionIsMeasuredOnItsOwnMergeAndOneOverTheCapKeepsOnlyTheMainAccountsInformation() {
        // Both accounts have notes: Alice's are short, Google's 9 950 characters. Keeping Alice, her notes win and
        // the merge stays small; keeping Google, its long notes win and Alice's other values join them: over 10 KB.
        Account alice = alice(false)
                .withUserMetadata(
                        obj("theme", "dark", "language", "en", "address", obj("city", "Lisbon"), "notes", "short"));
        Account google = google().withUserMetadata(obj("notes", "g".repeat(9_950)));
        LinkPreview preview = new LinkPreview(
                session("auth0|alice", "Alice Example", "alice@example.com", NOW.plus(Duration.ofHours(9))),
                alice,
                session(GOOGLE, "Alice (Google)", "alice.g@example.com", NOW.plus(Duration.ofHours(10))),
                google);

        LinkPlan keepAlice = preview.plan(LinkDirection.KEEP_CURRENT);
        assertTrue(keepAlice.mergesMetadata(), keepAlice.toString());
        assertTrue(!keepAlice.mergeExceedsProfileLimit());
        assertEquals("short", keepAlice.merge().merged().get("notes"));

        LinkPlan keepGoogle = preview.plan(LinkDirection.KEEP_SECOND);
        assertTrue(keepGoogle.mergeExceedsProfileLimit());
        assertTrue(
                keepGoogle.mergedSizeInBytes() > ProfileLimit.MAX_METADATA_BYTES, "" + keepGoogle.mergedSizeInBytes());
        assertEquals(LinkPlan.MetadataHandling.KEEP_MAIN_ONLY, keepGoogle.metadata(), "never a merge over the cap");
        assertTrue(!keepGoogle.mergesMetadata());
        assertEquals(GOOGLE, keepGoogle.targetUserId(), "the direction is still the one chosen");
        assertEquals("LinkPlan[KEEP_SECOND, KEEP_MAIN_ONLY: " + GOOGLE + " <- auth0|alice]", keepGoogle.toString());
    }
}
