package dev.accountlinker.localtenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sign-in account to seed into the tenant: the login (connection + email + password) and the user it creates.
 * Build with {@link #builder()}; {@code linkedTo} makes it a secondary identity of an existing user from the start.
 */
public record TenantAccount(
        String connection,
        String email,
        String password,
        String userId,
        boolean emailVerified,
        String name,
        Map<String, Object> userMetadata,
        String linkedTo) {

    public TenantAccount {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(userId, "userId");
        Connection c = Connection.byName(connection)
                .orElseThrow(() -> new IllegalArgumentException("Unknown connection: " + connection));
        if (!userId.startsWith(c.provider + "|") || userId.length() == c.provider.length() + 1) {
            throw new IllegalArgumentException("userId must look like " + c.provider + "|<id>: " + userId);
        }
        userMetadata = userMetadata == null ? Map.of() : new LinkedHashMap<>(userMetadata);
        if (name == null) {
            name = email;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String connection = Connection.DATABASE.connectionName;
        private String email;
        private String password;
        private String userId;
        private boolean emailVerified = true;
        private String name;
        private Map<String, Object> userMetadata = Map.of();
        private String linkedTo;

        public Builder connection(String connection) {
            this.connection = connection;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }
        /** Full Auth0 user id, {@code provider|id}, e.g. {@code google-oauth2|123}. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder emailVerified(boolean emailVerified) {
            this.emailVerified = emailVerified;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder userMetadata(Map<String, Object> userMetadata) {
            this.userMetadata = userMetadata;
            return this;
        }
        /** Seed this account already linked into the given primary user (its metadata is then dropped, like Auth0). */
        public Builder linkedTo(String primaryUserId) {
            this.linkedTo = primaryUserId;
            return this;
        }

        public TenantAccount build() {
            return new TenantAccount(connection, email, password, userId, emailVerified, name, userMetadata, linkedTo);
        }
    }
}
