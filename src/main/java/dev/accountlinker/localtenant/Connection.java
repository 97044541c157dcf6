package dev.accountlinker.localtenant;

import java.util.List;
import java.util.Optional;

/** The connections the local tenant knows, named like Auth0's defaults. */
enum Connection {
    DATABASE("Username-Password-Authentication", "auth0", false, "Email and password"),
    GOOGLE("google-oauth2", "google-oauth2", true, "Google"),
    GITHUB("github", "github", true, "GitHub");

    final String connectionName;
    final String provider;
    final boolean social;
    final String displayName;

    Connection(String connectionName, String provider, boolean social, String displayName) {
        this.connectionName = connectionName;
        this.provider = provider;
        this.social = social;
        this.displayName = displayName;
    }

    static Optional<Connection> byName(String name) {
        for (Connection c : values()) {
            if (c.connectionName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static List<Connection> socials() {
        return List.of(GOOGLE, GITHUB);
    }

    /** Auth0 sends GitHub user ids as JSON numbers; keep them numeric so clients meet that case. */
    Object wireUserId(String idPart) {
        if (this == GITHUB && idPart.matches("\\d{1,18}")) {
            return Long.parseLong(idPart);
        }
        return idPart;
    }
}
