package dev.accountlinker.auth;

import java.util.Optional;

/**
 * How one sign-in is asked for. {@code freshLogin} adds {@code max_age=0} and {@code prompt=login} so an
 * existing single-sign-on session cannot answer for it — required for the second account when linking.
 */
public record AuthorizeOptions(Optional<String> connection, boolean freshLogin) {
    public static AuthorizeOptions primarySignIn() {
        return new AuthorizeOptions(Optional.empty(), false);
    }

    public static AuthorizeOptions secondAccount(Optional<String> connection) {
        return new AuthorizeOptions(connection, true);
    }
}
