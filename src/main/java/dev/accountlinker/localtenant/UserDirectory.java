package dev.accountlinker.localtenant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tenant's users: their identities, profiles and metadata, the sign-in accounts that lead to them, and the
 * link/unlink/metadata operations Auth0 applies to them. Mutable state never leaves this class: callers get
 * immutable {@link UserRecord} copies. Every method is synchronized; the tenant is small and correctness beats
 * throughput. Wire shapes (JSON, claims) belong to the handlers, not here.
 */
final class UserDirectory {

    record Profile(String email, boolean emailVerified, String name, String nickname, String picture) {
        /** Auth0's profileData of a linked identity; absent fields are left out. */
        Map<String, Object> toProfileData() {
            Map<String, Object> out = new LinkedHashMap<>();
            putIfPresent(out, "email", email);
            out.put("email_verified", emailVerified);
            putIfPresent(out, "name", name);
            putIfPresent(out, "nickname", nickname);
            putIfPresent(out, "picture", picture);
            return out;
        }

        private static void putIfPresent(Map<String, Object> map, String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }
    }

    /** One identity of a user, copied out of the directory. */
    record IdentityRecord(Connection connection, Object userId, Profile profile) {
        String sub() {
            return connection.provider + "|" + userId;
        }
    }

    /** A user copied out of the directory; the first identity is the primary one. */
    record UserRecord(
            String userId,
            Profile profile,
            Map<String, Object> userMetadata,
            Map<String, Object> appMetadata,
            Instant createdAt,
            Instant updatedAt,
            List<IdentityRecord> identities) {

        /** The public snapshot tests read through {@link LocalTenant#user(String)}. */
        TenantUser toTenantUser() {
            List<TenantIdentity> ids = new ArrayList<>();
            for (int n = 0; n < identities.size(); n++) {
                IdentityRecord i = identities.get(n);
                ids.add(new TenantIdentity(
                        i.connection().connectionName,
                        i.connection().provider,
                        String.valueOf(i.userId()),
                        i.connection().social,
                        n == 0 ? Map.of() : i.profile().toProfileData()));
            }
            return new TenantUser(
                    userId,
                    profile.email(),
                    profile.emailVerified(),
                    profile.name(),
                    profile.picture(),
                    Json.deepCopy(userMetadata),
                    ids);
        }
    }

    /** Why a link, unlink or update was refused; the Management API turns it into its error answer. */
    static final class DirectoryException extends Exception {
        final int status;
        final String errorCode;

        DirectoryException(int status, String errorCode, String message) {
            super(message);
            this.status = status;
            this.errorCode = errorCode;
        }
    }

    private static final class Identity {
        final Connection connection;
        final Object userId; // String, or Long for GitHub (Auth0 sends it as a JSON number)
        Profile profile; // the identity's own profile; shown as profileData when it is a secondary

        Identity(Connection connection, Object userId, Profile profile) {
            this.connection = connection;
            this.userId = userId;
            this.profile = profile;
        }

        String sub() {
            return connection.provider + "|" + userId;
        }
    }

    private static final class User {
        final String userId;
        final Profile profile;
        Map<String, Object> userMetadata = new LinkedHashMap<>();
        final Map<String, Object> appMetadata = new LinkedHashMap<>();
        final Instant createdAt;
        Instant updatedAt;
        final List<Identity> identities = new ArrayList<>();

        User(String userId, Profile profile, Instant now) {
            this.userId = userId;
            this.profile = profile;
            this.createdAt = now;
            this.updatedAt = now;
        }

        Identity primary() {
            return identities.get(0);
        }

        UserRecord copy() {
            List<IdentityRecord> ids = new ArrayList<>();
            for (Identity i : identities) {
                ids.add(new IdentityRecord(i.connection, i.userId, i.profile));
            }
            return new UserRecord(
                    userId,
                    profile,
                    Json.deepCopy(userMetadata),
                    Json.deepCopy(appMetadata),
                    createdAt,
                    updatedAt,
                    List.copyOf(ids));
        }
    }

    private record Account(String password, String identitySub) {}

    private final Clock clock;
    private final Function<String, String> avatarUrl;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    UserDirectory(Clock clock, Function<String, String> avatarUrl) {
        this.clock = clock;
        this.avatarUrl = avatarUrl;
    }

    private static String accountKey(Connection c, String email) {
        return c.connectionName + "\n" + email.toLowerCase(Locale.ROOT);
    }

    /** Creates the sign-in account and its user; {@code linkedTo} then links it into that primary at once. */
    synchronized void addAccount(TenantAccount a) {
        Connection c = Connection.byName(a.connection()).orElseThrow();
        String idPart = a.userId().substring(c.provider.length() + 1);
        String key = accountKey(c, a.email());
        if (accounts.containsKey(key)) {
            throw new IllegalArgumentException("Account exists: " + a.connection() + " " + a.email());
        }
        String nickname =
                a.email().contains("@") ? a.email().substring(0, a.email().indexOf('@')) : a.email();
        Profile profile = new Profile(a.email(), a.emailVerified(), a.name(), nickname, avatarUrl.apply(a.name()));
        Identity identity = new Identity(c, c.wireUserId(idPart), profile);
        if (findOwner(identity.sub()).isPresent()) {
            throw new IllegalArgumentException("User exists: " + identity.sub());
        }
        User user = new User(identity.sub(), profile, clock.instant());
        user.userMetadata = Json.deepCopy(new LinkedHashMap<>(a.userMetadata()));
        user.identities.add(identity);
        users.put(user.userId, user);
        accounts.put(key, new Account(a.password(), identity.sub()));
        if (a.linkedTo() != null) {
            try {
                link(a.linkedTo(), identity.sub());
            } catch (DirectoryException e) {
                throw new IllegalArgumentException(
                        "Cannot link " + identity.sub() + " to " + a.linkedTo() + ": " + e.getMessage());
            }
        }
    }

    /** The identity (sub) the credentials belong to, if they are right for that connection. */
    synchronized Optional<String> authenticate(Connection c, String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Account account = accounts.get(accountKey(c, email.trim()));
        if (account == null || !account.password().equals(password)) {
            return Optional.empty();
        }
        return Optional.of(account.identitySub());
    }

    /** The user (primary or standalone) that currently owns the identity: signing in yields that user. */
    synchronized Optional<UserRecord> owner(String identitySub) {
        return findOwner(identitySub).map(User::copy);
    }

    synchronized Optional<UserRecord> user(String userId) {
        return Optional.ofNullable(users.get(userId)).map(User::copy);
    }

    /** Standalone and primary users (linked secondaries are part of their primary), oldest first. */
    synchronized List<UserRecord> users() {
        return users.values().stream().map(User::copy).toList();
    }

    /** Auth0's user_metadata PATCH: first-level merge, a null value removes the key. */
    synchronized UserRecord mergeUserMetadata(String userId, Map<String, Object> patch) throws DirectoryException {
        return mergeUserMetadata(userId, patch, merged -> {});
    }

    /**
     * Applies the patch unless {@code check} throws for the user_metadata it would give; the check and the write
     * happen under one lock, so no other write slips in between.
     */
    synchronized UserRecord mergeUserMetadata(String userId, Map<String, Object> patch, MetadataCheck check)
            throws DirectoryException {
        User u = existing(userId);
        Map<String, Object> merged = new LinkedHashMap<>(u.userMetadata);
        patch.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, Json.deepCopy(v));
            }
        });
        check.accept(merged);
        u.userMetadata.clear();
        u.userMetadata.putAll(merged);
        u.updatedAt = clock.instant();
        return u.copy();
    }

    /** Refuses a user_metadata before it is written. */
    @FunctionalInterface
    interface MetadataCheck {
        void accept(Map<String, Object> resulting) throws DirectoryException;
    }

    /**
     * Moves the secondary user's identity into the primary, like Auth0: the secondary user disappears
     * and its user_metadata is discarded.
     */
    synchronized UserRecord link(String primaryId, String secondarySub) throws DirectoryException {
        User primary = existing(primaryId);
        if (primaryId.equals(secondarySub)) {
            throw new DirectoryException(400, "invalid_body", "Main identity and the new one are the same.");
        }
        User secondary = users.get(secondarySub);
        if (secondary == null) {
            if (findOwner(secondarySub).isPresent()) {
                throw new DirectoryException(
                        409,
                        "identity_already_linked",
                        "The identity " + secondarySub + " is already linked to another user.");
            }
            throw new DirectoryException(404, "inexistent_user", "The secondary user does not exist.");
        }
        if (secondary.identities.size() > 1) {
            throw new DirectoryException(
                    409,
                    "identity_already_linked",
                    "The secondary user " + secondarySub + " already has linked identities; unlink them first.");
        }
        Identity moved = secondary.primary();
        moved.profile = secondary.profile;
        primary.identities.add(moved);
        primary.updatedAt = clock.instant();
        users.remove(secondarySub);
        return primary.copy();
    }

    /** Splits a secondary identity off into a standalone user again, with its profile and no metadata. */
    synchronized UserRecord unlink(String primaryId, String provider, String idPart) throws DirectoryException {
        User primary = existing(primaryId);
        String sub = provider + "|" + idPart;
        if (primary.primary().sub().equals(sub)) {
            throw new DirectoryException(400, "operation_not_supported", "Main identity cannot be removed from user.");
        }
        Identity found = primary.identities.stream()
                .filter(i -> i.sub().equals(sub))
                .findFirst()
                .orElse(null);
        if (found == null) {
            // Choice: an identity the user does not have is a 404 (the SDK then throws a plain ManagementApiException).
            throw new DirectoryException(404, "inexistent_identity", "The user has no identity " + sub + ".");
        }
        primary.identities.remove(found);
        Instant now = clock.instant();
        primary.updatedAt = now;
        User standalone = new User(sub, found.profile, now);
        standalone.identities.add(found);
        users.put(sub, standalone);
        return primary.copy();
    }

    private User existing(String userId) throws DirectoryException {
        User u = users.get(userId);
        if (u == null) {
            throw new DirectoryException(404, "inexistent_user", "The user does not exist.");
        }
        return u;
    }

    private Optional<User> findOwner(String identitySub) {
        for (User u : users.values()) {
            for (Identity i : u.identities) {
                if (i.sub().equals(identitySub)) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }
}
