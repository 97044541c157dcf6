package dev.accountlinker.config;

import java.net.URI;
import java.util.List;

/** A tenant the app can talk to: where it is, which client it signs in as, and what it links. */
public record TenantSettings(TenantAddress address, String clientId, List<String> connections, URI redirectUri) {
    public TenantSettings {
        connections = List.copyOf(connections);
    }
}
