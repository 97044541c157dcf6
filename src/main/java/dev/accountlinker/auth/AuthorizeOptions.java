package dev.accountlinker.auth;

import java.net.URI;
import java.util.Optional;

/**
 * How one sign-in is asked for. {@code freshLogin} adds {@code max_age=0} and {@code prompt=login} so an
 * existing single-sign-on session cannot answer for it — required for the second account when linking.
 * {@code redirectUri} replaces the configured one (the system-browser way listens on its own loopback port).
 */
public record AuthorizeOptions(Optional<String> connection, boolean freshLogin, Optional<URI> redirectUri) {
    public static AuthorizeOptions primarySignIn() {
        return new AuthorizeOptions(Optional.empty(), false, Optional.empty());
    }

    public static AuthorizeOptions secondAccount(Optional<String> connection) {
        return new AuthorizeOptions(connection, true, Optional.empty());
    }

    public AuthorizeOptions withRedirectUri(Optional<URI> uri) {
        return new AuthorizeOptions(connection, freshLogin, uri);
    }
}
