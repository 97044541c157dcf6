package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.IdTokenClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards against linking someone else's account into an unattended session. Pure, unit tested.
 * <ul>
 * <li>The signed-in account must have proved who it is recently ({@code auth_time}; a token without it counts as
 *     old): a person at an unlocked, signed-in app could otherwise link their own account into someone else's,
 *     unlink one of theirs, or fold the account into theirs. An older sign-in is asked to sign in again first.</li>
 * <li>When the two accounts' emails differ (or one has none), the person must say both accounts are theirs.</li>
 * </ul>
 */
public final class LinkSafety {
    /**
     * How recent the signed-in account's authentication must be to link, unlink or keep the second account as main:
     * the window every main sign-in asks Auth0 for ({@code max_age}).
     */
    public static final Duration RECENT_SIGN_IN = AuthorizeOptions.RECENT_AUTHENTICATION;

    private LinkSafety() {}

    /**
     * True when the signed-in account must sign in again first: its {@code auth_time} is older than
     * {@link #RECENT_SIGN_IN}, or missing (fail closed: {@code iat} says when the token was issued, not when the
     * person proved who they are).
     */
    public static boolean needsFreshSignIn(IdTokenClaims signedIn, Instant now) {
        return signedIn.authTime()
                .map(authenticated -> authenticated.plus(RECENT_SIGN_IN).isBefore(now))
                .orElse(true);
    }

    /**
     * How long ago the signed-in account last authenticated, in whole minutes (at least one), for the words that ask
     * it to sign in again. Without {@code auth_time}, since the token was issued: the authentication was no later.
     */
    public static long minutesSinceSignIn(IdTokenClaims signedIn, Instant now) {
        return Math.max(
                1,
                Duration.between(signedIn.authTime().orElse(signedIn.issuedAt()), now)
                        .toMinutes());
    }

    /**
     * True when the two accounts cannot be told to be the same person's by their email: the emails differ
     * (ignoring case), or one of them has none.
     */
    public static boolean emailsDiffer(Account main, Account second) {
        Optional<String> mainEmail = main.email().map(LinkSafety::normalised);
        Optional<String> secondEmail = second.email().map(LinkSafety::normalised);
        return mainEmail.isEmpty() || secondEmail.isEmpty() || !mainEmail.equals(secondEmail);
    }

    private static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
