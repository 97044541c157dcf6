package dev.accountlinker.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Which sign-ins go through the system browser instead of the embedded one (RFC 8252), and the fixed loopback
 * ports the app listens on for the browser's redirect. Auth0 matches callback (and logout) URLs as exact
 * strings, port included, so the ports are a short fixed list an admin registers once: the first free one is
 * used, in order.
 */
public record SignInWays(List<String> browserConnections, List<Integer> loopbackPorts) {
    /** Providers known to refuse OAuth inside embedded web views (Google: "403 disallowed_useragent"). */
    public static final List<String> DEFAULT_BROWSER_CONNECTIONS = List.of("google-oauth2", "facebook");
    /** In {@code --browser-connections}: every sign-in, including the main one without a connection. */
    public static final String ALL = "*";
    /**
     * The default port and its two fallbacks when it is busy. Unassigned in /etc/services and below the
     * ephemeral ranges of Linux (32768+), Windows and macOS (49152+), so no outgoing connection lands on them.
     */
    public static final List<Integer> DEFAULT_LOOPBACK_PORTS = List.of(28471, 28472, 28473);
    /** Lowest port accepted: below it ports are privileged or commonly taken by well-known services. */
    public static final int MIN_LOOPBACK_PORT = 1024;

    public static final int MAX_LOOPBACK_PORT = 65535;
    /** Path of the system-browser sign-in's redirect. */
    public static final String CALLBACK_PATH = "/callback";
    /** Path of the page the browser returns to after signing out of the tenant. */
    public static final String SIGNED_OUT_PATH = "/signed-out";

    public SignInWays {
        browserConnections = List.copyOf(browserConnections);
        loopbackPorts = List.copyOf(loopbackPorts);
        if (loopbackPorts.isEmpty()) {
            throw new IllegalArgumentException("at least one loopback port");
        }
        for (int port : loopbackPorts) {
            if (!isAcceptableLoopbackPort(port)) {
                throw new IllegalArgumentException("loopback port out of range: " + port);
            }
        }
        if (new HashSet<>(loopbackPorts).size() != loopbackPorts.size()) {
            throw new IllegalArgumentException("repeated loopback port");
        }
    }

    public static SignInWays defaults() {
        return new SignInWays(DEFAULT_BROWSER_CONNECTIONS, DEFAULT_LOOPBACK_PORTS);
    }

    public static SignInWays embeddedOnly() {
        return new SignInWays(List.of(), DEFAULT_LOOPBACK_PORTS);
    }

    public static SignInWays browserOnly() {
        return new SignInWays(List.of(ALL), DEFAULT_LOOPBACK_PORTS);
    }

    public static boolean isAcceptableLoopbackPort(int port) {
        return port >= MIN_LOOPBACK_PORT && port <= MAX_LOOPBACK_PORT;
    }

    /** The same ways, listening on exactly this port (no fallback): {@code --loopback-port}. */
    public SignInWays withLoopbackPort(int port) {
        return new SignInWays(browserConnections, List.of(port));
    }

    /** True when this sign-in (for a connection, or the main sign-in without one) uses the system browser. */
    public boolean useBrowserFor(Optional<String> connection) {
        return browserConnections.contains(ALL)
                || connection.map(browserConnections::contains).orElse(false);
    }

    /** Every redirect URI the system-browser sign-in may use: what goes into Auth0's Allowed Callback URLs. */
    public List<URI> callbackUris() {
        return loopbackPorts.stream().map(SignInWays::callbackUri).toList();
    }

    /** Every page the browser may return to after signing out: what goes into Auth0's Allowed Logout URLs. */
    public List<URI> signedOutUris() {
        return loopbackPorts.stream().map(SignInWays::signedOutUri).toList();
    }

    public static URI callbackUri(int port) {
        return loopbackUri(port, CALLBACK_PATH);
    }

    public static URI signedOutUri(int port) {
        return loopbackUri(port, SIGNED_OUT_PATH);
    }

    private static URI loopbackUri(int port, String path) {
        // 127.0.0.1 rather than "localhost": the name may resolve elsewhere (or to ::1), the literal cannot.
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
