package dev.accountlinker.auth;

import java.util.Optional;

/**
 * A sign-in that cannot be completed. The message never contains a token or code: it names the reason
 * and, for tenant errors, the tenant's own description.
 */
public final class AuthException extends Exception {
    public enum Reason {
        /** The user closed the window or pressed Cancel. */
        CANCELLED,
        /** The redirect's state is missing or not ours: possible cross-site request forgery. */
        STATE_MISMATCH,
        /** Auth0 redirected back with error / error_description (e.g. access_denied). */
        AUTHORIZATION_ERROR,
        /** The redirect carried neither a code nor an error. */
        MALFORMED_CALLBACK,
        /** The token endpoint refused the code (invalid_grant, ...). */
        TOKEN_REJECTED,
        /** The ID token failed validation (signature, iss, aud, nonce, times...). */
        INVALID_ID_TOKEN,
        /** The tenant could not be reached or did not answer in time. */
        NETWORK,
        /** The tenant answered with a server error (5xx); the detail is the status code. */
        SERVER_ERROR,
        /** The tenant's answer could not be read (not the JSON it should be). */
        MALFORMED_RESPONSE,
        /** The tenant rate-limited the request (429). */
        RATE_LIMITED,
        /** The tenant did not answer before the sign-in window's overall timeout. */
        TIMED_OUT,
        /** A login page failed to load. */
        PAGE_LOAD_FAILED,
        /**
         * The sign-in window stopped a page outside the tenant and the allowed sign-in hosts; the detail is its host.
         */
        PAGE_BLOCKED,
        /** The loopback port for the system-browser sign-in could not be opened; the detail is the port. */
        LOOPBACK_UNAVAILABLE,
        /** The sign-in client (and the built-in demo tenant, when used) could not start. */
        STARTUP_FAILED,
        /** Not a failure: the user asked to continue this sign-in in the system browser. */
        SWITCH_TO_BROWSER,
        /** Not a failure: no browser could be opened and the user chose to sign in inside the app instead. */
        SWITCH_TO_EMBEDDED
    }

    private final Reason reason;
    private final String detail;
    private final IdTokenProblem idTokenProblem;

    public AuthException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public AuthException(Reason reason, String detail, Throwable cause) {
        this(reason, detail, cause, null);
    }

    private AuthException(Reason reason, String detail, Throwable cause, IdTokenProblem idTokenProblem) {
        super(reason + (detail == null || detail.isEmpty() ? "" : ": " + detail), cause);
        this.reason = reason;
        this.detail = detail == null ? "" : detail;
        this.idTokenProblem = idTokenProblem;
    }

    /** An ID token that was refused; the detail is the problem's name, never anything the token says. */
    public static AuthException invalidIdToken(IdTokenProblem problem) {
        return new AuthException(Reason.INVALID_ID_TOKEN, problem.name(), null, problem);
    }

    /** The user closed the window, pressed Cancel or Escape. */
    public static AuthException cancelled() {
        return new AuthException(Reason.CANCELLED, "");
    }

    /** The attempt ran past its overall deadline. */
    public static AuthException timedOut() {
        return new AuthException(Reason.TIMED_OUT, "");
    }

    public boolean isCancelled() {
        return reason == Reason.CANCELLED;
    }

    public Reason reason() {
        return reason;
    }

    /** Why an ID token was refused ({@link Reason#INVALID_ID_TOKEN}). */
    public Optional<IdTokenProblem> idTokenProblem() {
        return Optional.ofNullable(idTokenProblem);
    }

    /** Human-readable detail safe to show (never a token). */
    public String detail() {
        return detail;
    }
}
