package dev.accountlinker.ui.connect;

import dev.accountlinker.config.ConfigLoader;

import java.util.Arrays;
import java.util.Optional;

/** The connect screen's fields, with the settings key each one writes and its node id (the testing contract). */
public enum ConnectField {
    DOMAIN(ConfigLoader.DOMAIN, "tenantDomainField"),
    CLIENT_ID(ConfigLoader.CLIENT_ID, "tenantClientIdField"),
    CONNECTIONS(ConfigLoader.CONNECTIONS, "tenantConnectionsField"),
    BROWSER_CONNECTIONS(ConfigLoader.BROWSER_CONNECTIONS, "tenantBrowserConnectionsField");

    private final String settingKey;
    private final String nodeId;

    ConnectField(String settingKey, String nodeId) {
        this.settingKey = settingKey;
        this.nodeId = nodeId;
    }

    public String settingKey() {
        return settingKey;
    }

    public String nodeId() {
        return nodeId;
    }

    static Optional<ConnectField> forKey(String settingKey) {
        return Arrays.stream(values())
                .filter(field -> field.settingKey.equals(settingKey))
                .findFirst();
    }
}
