package dev.accountlinker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A tenant the app can talk to: where it is, which client it signs in as, what it links, and how long any
 * request to it may take (every HTTP call has a connect and a read timeout).
 */
public record TenantSettings(TenantAddress address, String clientId, List<String> connections, URI redirectUri,
                             Duration connectTimeout, Duration readTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);

    public TenantSettings {
        connections = List.copyOf(connections);
        if (connectTimeout.toMillis() < 1000 || readTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("Timeouts are whole seconds, at least one");
        }
    }

    public TenantSettings(TenantAddress address, String clientId, List<String> connections, URI redirectUri) {
        this(address, clientId, connections, redirectUri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public TenantSettings withTimeouts(Duration connect, Duration read) {
        return new TenantSettings(address, clientId, connections, redirectUri, connect, read);
    }

    public int connectTimeoutSeconds() {
        return (int) connectTimeout.toSeconds();
    }

    public int readTimeoutSeconds() {
        return (int) readTimeout.toSeconds();
    }
}
