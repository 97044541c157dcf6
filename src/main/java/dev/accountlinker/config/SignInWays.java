package dev.accountlinker.config;

import java.util.List;
import java.util.Optional;

/**
 * Which sign-ins go through the system browser instead of the embedded one (RFC 8252), and on which
 * loopback port the app listens for the browser's redirect (0: any free port).
 */
public record SignInWays(List<String> browserConnections, int loopbackPort) {
    /** Providers known to refuse OAuth inside embedded web views (Google: "403 disallowed_useragent"). */
    public static final List<String> DEFAULT_BROWSER_CONNECTIONS = List.of("google-oauth2", "facebook");
    /** In {@code --browser-connections}: every sign-in, including the main one without a connection. */
    public static final String ALL = "*";

    public SignInWays {
        browserConnections = List.copyOf(browserConnections);
        if (loopbackPort < 0 || loopbackPort > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
    }

    public static SignInWays defaults() {
        return new SignInWays(DEFAULT_BROWSER_CONNECTIONS, 0);
    }

    public static SignInWays embeddedOnly() {
        return new SignInWays(List.of(), 0);
    }

    public static SignInWays browserOnly() {
        return new SignInWays(List.of(ALL), 0);
    }

    /** True when this sign-in (for a connection, or the main sign-in without one) uses the system browser. */
    public boolean useBrowserFor(Optional<String> connection) {
        return browserConnections.contains(ALL) || connection.map(browserConnections::contains).orElse(false);
    }
}
