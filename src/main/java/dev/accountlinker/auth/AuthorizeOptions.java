package dev.accountlinker.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How one sign-in is asked for.
 *
 * @param connection  the connection to sign in with ({@code connection=}); empty lets the person choose
 * @param freshness   whether an existing single-sign-on session may answer
 * @param loginHint   an email to fill in on the login page ({@code login_hint}), for "confirm it's you"
 * @param redirectUri replaces the configured redirect URI (the system-browser way listens on its loopback port)
 */
public record AuthorizeOptions(
        Optional<String> connection, Freshness freshness, Optional<String> loginHint, Optional<URI> redirectUri) {

    /**
     * What the app calls a recent sign-in: every main sign-in asks for an authentication at most this old
     * ({@code max_age}), so the ID token carries {@code auth_time} (Auth0 writes it only then) and a single-sign-on
     * session older than this shows the login page at once. The guards before linking, unlinking and keeping the
     * second account as main use the same window, so the first change right after signing in needs no second sign-in.
     */
    public static final Duration RECENT_AUTHENTICATION = Duration.ofMinutes(10);

    /** Whether the tenant may answer from the browser's existing session. */
    public enum Freshness {
        /**
         * A live session may answer without showing the login page (single sign-on), if it authenticated within
         * {@link #RECENT_AUTHENTICATION} ({@code max_age}).
         */
        SESSION_ALLOWED,
        /**
         * {@code prompt=login} (and {@code max_age}, so the token says when): the login page is always shown, e.g.
         * right after signing out.
         */
        ASK_TO_LOG_IN,
        /**
         * {@code max_age=0} and {@code prompt=login}: the person authenticates now, and the ID token's
         * {@code auth_time} must say so — required for the second account when linking.
         */
        AUTHENTICATE_NOW
    }

    /** The main sign-in: a live single-sign-on session may answer. */
    public static AuthorizeOptions primarySignIn() {
        return new AuthorizeOptions(Optional.empty(), Freshness.SESSION_ALLOWED, Optional.empty(), Optional.empty());
    }

    /** The first main sign-in after signing out: a session left in a browser must never sign someone in silently. */
    public static AuthorizeOptions primarySignInAfterSignOut() {
        return new AuthorizeOptions(Optional.empty(), Freshness.ASK_TO_LOG_IN, Optional.empty(), Optional.empty());
    }

    /** The account to link: a fresh authentication, so the signed-in account's session cannot answer for it. */
    public static AuthorizeOptions secondAccount(Optional<String> connection) {
        return new AuthorizeOptions(connection, Freshness.AUTHENTICATE_NOW, Optional.empty(), Optional.empty());
    }

    /** The signed-in person proves it is still them (their sign-in is old), with their email filled in. */
    public static AuthorizeOptions confirmIdentity(Optional<String> connection, Optional<String> email) {
        return new AuthorizeOptions(connection, Freshness.AUTHENTICATE_NOW, email, Optional.empty());
    }

    public AuthorizeOptions withRedirectUri(Optional<URI> uri) {
        return new AuthorizeOptions(connection, freshness, loginHint, uri);
    }
}
