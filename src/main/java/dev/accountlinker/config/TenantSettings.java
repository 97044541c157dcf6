package dev.accountlinker.config;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A tenant the app can talk to: where it is, which client it signs in as, what it links, how long any
 * request to it may take (every HTTP call has a connect and a read timeout), and through which proxies
 * ({@code proxies}: the app's one selector, see package {@code net}; by default whatever the JVM's default
 * selector says at the time of each connection).
 */
public record TenantSettings(
        TenantAddress address,
        String clientId,
        List<String> connections,
        URI redirectUri,
        Duration connectTimeout,
        Duration readTimeout,
        ProxySelector proxies) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    /** Asks the JVM's default selector at each connection (the app installs its own there at start). */
    public static final ProxySelector JVM_DEFAULT_PROXIES = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            ProxySelector current = ProxySelector.getDefault();
            return current == null || current == this ? List.of(Proxy.NO_PROXY) : current.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // nothing to remember: the app's selector has no fallback proxies to skip
        }
    };

    public TenantSettings {
        connections = List.copyOf(connections);
        Objects.requireNonNull(proxies);
        if (connectTimeout.toMillis() < 1000 || readTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("Timeouts are whole seconds, at least one");
        }
    }

    public TenantSettings(
            TenantAddress address,
            String clientId,
            List<String> connections,
            URI redirectUri,
            Duration connectTimeout,
            Duration readTimeout) {
        this(address, clientId, connections, redirectUri, connectTimeout, readTimeout, JVM_DEFAULT_PROXIES);
    }

    public TenantSettings(TenantAddress address, String clientId, List<String> connections, URI redirectUri) {
        this(address, clientId, connections, redirectUri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public TenantSettings withTimeouts(Duration connect, Duration read) {
        return new TenantSettings(address, clientId, connections, redirectUri, connect, read, proxies);
    }

    /** The same tenant reached through these proxies (the app's selector). */
    public TenantSettings withProxies(ProxySelector selector) {
        return new TenantSettings(address, clientId, connections, redirectUri, connectTimeout, readTimeout, selector);
    }

    public int connectTimeoutSeconds() {
        return (int) connectTimeout.toSeconds();
    }

    public int readTimeoutSeconds() {
        return (int) readTimeout.toSeconds();
    }
}
