package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.IdTokenClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkSafetyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static IdTokenClaims signedIn(Instant issuedAt, Optional<Instant> authTime) {
        return new IdTokenClaims(
                "auth0|alice",
                Optional.of("alice@example.com"),
                true,
                Optional.of("Alice"),
                Optional.empty(),
                issuedAt,
                authTime);
    }

    private static Account account(String email) {
        return new Account(
                "auth0|x", Optional.empty(), Optional.ofNullable(email), true, Optional.empty(), List.of(), Map.of());
    }

    @Test
    void aSignInOlderThanTenMinutesMustBeRenewed() {
        assertFalse(LinkSafety.needsFreshSignIn(signedIn(NOW, Optional.of(NOW.minus(Duration.ofMinutes(10)))), NOW));
        assertTrue(LinkSafety.needsFreshSignIn(
                signedIn(NOW, Optional.of(NOW.minus(Duration.ofMinutes(10)).minusSeconds(1))), NOW));
        assertEquals(
                25, LinkSafety.minutesSinceSignIn(signedIn(NOW, Optional.of(NOW.minus(Duration.ofMinutes(25)))), NOW));
    }

    @Test
    void aTokenWithoutAuthTimeCountsAsOldHoweverFreshItsIssueTime() {
        // iat is when the token was issued: a single-sign-on answer on a 20-minute-old session has a fresh one.
        assertTrue(LinkSafety.needsFreshSignIn(signedIn(NOW.minus(Duration.ofMinutes(30)), Optional.empty()), NOW));
        assertTrue(LinkSafety.needsFreshSignIn(signedIn(NOW, Optional.empty()), NOW));
        assertEquals(
                2,
                LinkSafety.minutesSinceSignIn(signedIn(NOW.minus(Duration.ofMinutes(2)), Optional.empty()), NOW),
                "the words then say how long at least");
    }

    @Test
    void theGuardsWindowIsWhatEveryMainSignInAsksAuth0For() {
        assertEquals(Duration.ofSeconds(600), LinkSafety.RECENT_SIGN_IN);
        assertEquals(dev.accountlinker.auth.AuthorizeOptions.RECENT_AUTHENTICATION, LinkSafety.RECENT_SIGN_IN);
    }

    @Test
    void emailsAreComparedWithoutCaseAndAMissingOneCountsAsDifferent() {
        assertFalse(LinkSafety.emailsDiffer(account("Alice@Example.com"), account("alice@example.com ")));
        assertTrue(LinkSafety.emailsDiffer(account("alice@example.com"), account("alice.g@example.com")));
        assertTrue(LinkSafety.emailsDiffer(account("alice@example.com"), account(null)));
        assertTrue(LinkSafety.emailsDiffer(account(null), account(null)));
    }
}
