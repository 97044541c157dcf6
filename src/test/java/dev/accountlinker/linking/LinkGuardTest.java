package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.Identity;
import dev.accountlinker.auth.IdTokenClaims;
import dev.accountlinker.errors.UserMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkGuardTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Identity primary(String provider, String userId) {
        return new Identity(
                provider.equals("auth0") ? "Username-Password-Authentication" : provider,
                provider,
                userId,
                !provider.equals("auth0"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true);
    }

    private static Identity secondary(String provider, String userId, String email, String name) {
        return new Identity(
                provider, provider, userId, true, Optional.of(email), Optional.of(name), Optional.empty(), false);
    }

    /** alice, with her GitHub account already linked. */
    private static Account alice() {
        return new Account(
                "auth0|alice",
                Optional.of("Alice Example"),
                Optional.of("alice@example.com"),
                true,
                Optional.empty(),
                List.of(
                        primary("auth0", "alice"),
                        secondary("github", "4242424", "alice-gh@example.com", "Alice (GitHub)")),
                Map.of("theme", "dark"));
    }

    private static IdTokenClaims claims(String sub, String email, boolean verified, String name) {
        return new IdTokenClaims(
                sub,
                Optional.ofNullable(email),
                verified,
                Optional.ofNullable(name),
                Optional.empty(),
                NOW,
                Optional.of(NOW));
    }

    @Test
    void acceptsAVerifiedDifferentAccount() {
        assertEquals(
                Optional.empty(),
                LinkGuard.check(
                        alice(),
                        claims("google-oauth2|109876543210987654321", "alice.g@example.com", true, "Alice (Google)")));
    }

    @Test
    void acceptsAVerifiedAccountOfAnotherDatabaseUser() {
        assertEquals(Optional.empty(), LinkGuard.check(alice(), claims("auth0|bob", "bob@example.com", true, null)));
    }

    @Test
    void refusesTheSameUser() {
        UserMessage m = LinkGuard.check(alice(), claims("auth0|alice", "alice@example.com", true, "Alice Example"))
                .orElseThrow();
        assertEquals("link.refused.same", m.key());
        assertEquals(List.of("Alice Example"), m.arguments());
        assertEquals(UserMessage.Remedy.NONE, m.remedy());
    }

    @Test
    void refusesAnIdentityAlreadyAmongTheMainAccountsIdentities() {
        UserMessage m = LinkGuard.check(
                        alice(), claims("github|4242424", "alice-gh@example.com", true, "Alice (GitHub)"))
                .orElseThrow();
        assertEquals("link.refused.alreadyLinked", m.key());
        assertEquals(List.of("Alice (GitHub)"), m.arguments());
        assertEquals(UserMessage.Remedy.NONE, m.remedy());
    }

    @Test
    void anIdentityIsMatchedByProviderAndUserIdNotByEmail() {
        // Same email as the linked GitHub identity, but another provider: not already linked.
        assertEquals(
                Optional.empty(),
                LinkGuard.check(alice(), claims("google-oauth2|1", "alice-gh@example.com", true, "Alice (GitHub)")));
        // Same numeric id at another provider: not already linked either.
        assertEquals(
                Optional.empty(),
                LinkGuard.check(alice(), claims("google-oauth2|4242424", "x@example.com", true, null)));
    }

    @Test
    void refusesAnUnverifiedEmailAndNamesTheEmail() {
        UserMessage m = LinkGuard.check(
                        alice(), claims("auth0|unverified", "unverified@example.com", false, "Una Verified"))
                .orElseThrow();
        assertEquals("link.refused.unverified", m.key());
        assertEquals(List.of("unverified@example.com"), m.arguments());
        assertEquals(UserMessage.Remedy.NONE, m.remedy());
    }

    @Test
    void anUnverifiedAccountWithoutEmailIsRefusedNamingItsUserId() {
        UserMessage m = LinkGuard.check(alice(), claims("github|99", null, false, "Dave"))
                .orElseThrow();
        assertEquals("link.refused.unverified", m.key());
        assertEquals(List.of("github|99"), m.arguments());
    }

    @Test
    void theMessageArgumentFallsBackFromNameToEmailToUserId() {
        assertEquals(
                List.of("alice@example.com"),
                LinkGuard.check(alice(), claims("auth0|alice", "alice@example.com", true, null))
                        .orElseThrow()
                        .arguments());
        assertEquals(
                List.of("github|4242424"),
                LinkGuard.check(alice(), claims("github|4242424", null, true, null))
                        .orElseThrow()
                        .arguments());
    }

    @Test
    void theSameUserIsCheckedFirst() {
        // The main account's own sub is also its primary identity, and here the email is unverified too.
        UserMessage m = LinkGuard.check(alice(), claims("auth0|alice", "alice@example.com", false, "Alice Example"))
                .orElseThrow();
        assertEquals("link.refused.same", m.key());
    }

    @Test
    void alreadyLinkedIsCheckedBeforeTheEmailVerification() {
        UserMessage m = LinkGuard.check(
                        alice(), claims("github|4242424", "alice-gh@example.com", false, "Alice (GitHub)"))
                .orElseThrow();
        assertEquals("link.refused.alreadyLinked", m.key());
    }

    @Test
    void aMainAccountWithoutIdentitiesStillRefusesItself() {
        Account bare = new Account(
                "auth0|alice", Optional.empty(), Optional.empty(), false, Optional.empty(), List.of(), Map.of());
        assertEquals(
                "link.refused.same",
                LinkGuard.check(bare, claims("auth0|alice", "alice@example.com", true, null))
                        .orElseThrow()
                        .key());
        assertTrue(LinkGuard.check(bare, claims("github|4242424", "alice-gh@example.com", true, null))
                .isEmpty());
    }
}
