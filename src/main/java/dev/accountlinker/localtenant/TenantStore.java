package dev.accountlinker.localtenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * All mutable tenant state: users (with their identities), login accounts, SSO sessions, login transactions
 * and authorization codes. Every method is synchronized: the tenant is small and correctness beats throughput.
 */
final class TenantStore {

    record Profile(String email, boolean emailVerified, String name, String nickname, String picture) {
        Map<String, Object> toProfileData() {
            return Json.object("email", email, "email_verified", emailVerified, "name", name,
                    "nickname", nickname, "picture", picture);
        }
    }

    static final class Identity {
        final Connection connection;
        final Object userId;   // String, or Long for GitHub (Auth0 sends it as a JSON number)
        Profile profile;       // the identity's own profile; shown as profileData when it is a secondary

        Identity(Connection connection, Object userId, Profile profile) {
            this.connection = connection;
            this.userId = userId;
            this.profile = profile;
        }

        String sub() {
            return connection.provider + "|" + userId;
        }
    }

    static final class User {
        final String userId;
        Profile profile;
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
    }

    record Account(Connection connection, String email, String password, String identitySub) {
    }

    record Transaction(String id, String clientId, String redirectUri, String state, String nonce,
                       String codeChallenge, String scope, String audience, Connection connection,
                       Instant expiresAt) {
        Transaction withConnection(Connection c) {
            return new Transaction(id, clientId, redirectUri, state, nonce, codeChallenge, scope, audience, c,
                    expiresAt);
        }
    }

    record Session(String id, String identitySub, Connection connection, Instant authTime) {
    }

    record CodeGrant(String clientId, String redirectUri, String codeChallenge, String identitySub, String nonce,
                     String scope, String audience, Instant authTime, Instant expiresAt) {
    }

    /** Outcome of a link or unlink attempt that the Management API turns into a status code. */
    static final class StoreException extends Exception {
        final int status;
        final String errorCode;

        StoreException(int status, String errorCode, String message) {
            super(message);
            this.status = status;
            this.errorCode = errorCode;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Function<String, String> avatarUrl;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Transaction> transactions = new HashMap<>();
    private final Map<String, CodeGrant> codes = new HashMap<>();

    TenantStore(Clock clock, Function<String, String> avatarUrl) {
        this.clock = clock;
        this.avatarUrl = avatarUrl;
    }

    static String randomId(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String accountKey(Connection c, String email) {
        return c.connectionName + "\n" + email.toLowerCase(Locale.ROOT);
    }

    // ---- users and accounts ----

    synchronized void addAccount(TenantAccount a) {
        Connection c = Connection.byName(a.connection()).orElseThrow();
        String idPart = a.userId().substring(c.provider.length() + 1);
        Identity identity = new Identity(c, c.wireUserId(idPart), null);
        String key = accountKey(c, a.email());
        if (accounts.containsKey(key)) {
            throw new IllegalArgumentException("Account exists: " + a.connection() + " " + a.email());
        }
        if (findOwner(identity.sub()).isPresent()) {
            throw new IllegalArgumentException("User exists: " + identity.sub());
        }
        String nickname = a.email().contains("@") ? a.email().substring(0, a.email().indexOf('@')) : a.email();
        Profile profile = new Profile(a.email(), a.emailVerified(), a.name(), nickname, avatarUrl.apply(a.name()));
        identity.profile = profile;
        Instant now = clock.instant();
        User user = new User(identity.sub(), profile, now);
        user.userMetadata = Json.deepCopy(new LinkedHashMap<>(a.userMetadata()));
        user.identities.add(identity);
        users.put(user.userId, user);
        accounts.put(key, new Account(c, a.email(), a.password(), identity.sub()));
        if (a.linkedTo() != null) {
            try {
                link(a.linkedTo(), identity.sub());
            } catch (StoreException e) {
                throw new IllegalArgumentException("Cannot link " + identity.sub() + " to " + a.linkedTo()
                        + ": " + e.getMessage());
            }
        }
    }

    /** Returns the identity (sub) the credentials belong to, if they are right for that connection. */
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
    synchronized Optional<User> findOwner(String identitySub) {
        for (User u : users.values()) {
            for (Identity i : u.identities) {
                if (i.sub().equals(identitySub)) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }

    synchronized Optional<User> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }

    synchronized Optional<TenantUser> snapshot(String userId) {
        return user(userId).map(this::snapshot);
    }

    synchronized List<TenantUser> snapshots() {
        return users.values().stream().map(this::snapshot).toList();
    }

    private TenantUser snapshot(User u) {
        List<TenantIdentity> ids = new ArrayList<>();
        for (int n = 0; n < u.identities.size(); n++) {
            Identity i = u.identities.get(n);
            ids.add(new TenantIdentity(i.connection.connectionName, i.connection.provider, String.valueOf(i.userId),
                    i.connection.social, n == 0 ? Map.of() : nonNull(i.profile.toProfileData())));
        }
        return new TenantUser(u.userId, u.profile.email(), u.profile.emailVerified(), u.profile.name(),
                u.profile.picture(), Json.deepCopy(u.userMetadata), ids);
    }

    private static Map<String, Object> nonNull(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The Management API user document, shaped like Auth0's GET /api/v2/users/{id}. */
    synchronized Map<String, Object> userJson(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", u.createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("email", u.profile.email());
        m.put("email_verified", u.profile.emailVerified());
        m.put("identities", identitiesJson(u));
        m.put("name", u.profile.name());
        m.put("nickname", u.profile.nickname());
        m.put("picture", u.profile.picture());
        m.put("updated_at", u.updatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("user_id", u.userId);
        m.put("user_metadata", Json.deepCopy(u.userMetadata));
        m.put("app_metadata", Json.deepCopy(u.appMetadata));
        return m;
    }

    /** identities[]: the primary first without profileData, secondaries with it. */
    synchronized List<Map<String, Object>> identitiesJson(User u) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int n = 0; n < u.identities.size(); n++) {
            Identity i = u.identities.get(n);
            Map<String, Object> m = Json.object("connection", i.connection.connectionName,
                    "provider", i.connection.provider, "user_id", i.userId, "isSocial", i.connection.social);
            if (n > 0) {
                m.put("profileData", nonNull(i.profile.toProfileData()));
            }
            list.add(m);
        }
        return list;
    }

    /** Auth0's user_metadata PATCH: first-level merge, a null value removes the key. */
    synchronized User mergeUserMetadata(String userId, Map<String, Object> patch) throws StoreException {
        User u = users.get(userId);
        if (u == null) {
            throw new StoreException(404, "inexistent_user", "The user does not exist.");
        }
        patch.forEach((k, v) -> {
            if (v == null) {
                u.userMetadata.remove(k);
            } else {
                u.userMetadata.put(k, Json.deepCopy(v));
            }
        });
        u.updatedAt = clock.instant();
        return u;
    }

    /**
     * Moves the secondary user's identities into the primary, like Auth0: the secondary user disappears
     * and its user_metadata is discarded.
     */
    synchronized User link(String primaryId, String secondarySub) throws StoreException {
        User primary = users.get(primaryId);
        if (primary == null) {
            throw new StoreException(404, "inexistent_user", "The user does not exist.");
        }
        if (primaryId.equals(secondarySub)) {
            throw new StoreException(400, "invalid_body", "Main identity and the new one are the same.");
        }
        User secondary = users.get(secondarySub);
        if (secondary == null) {
            Optional<User> owner = findOwner(secondarySub);
            if (owner.isPresent()) {
                throw new StoreException(409, "identity_already_linked",
                        "The identity " + secondarySub + " is already linked to another user.");
            }
            throw new StoreException(404, "inexistent_user", "The secondary user does not exist.");
        }
        if (secondary.identities.size() > 1) {
            throw new StoreException(409, "identity_already_linked",
                    "The secondary user " + secondarySub + " already has linked identities; unlink them first.");
        }
        Identity moved = secondary.primary();
        moved.profile = secondary.profile;
        primary.identities.add(moved);
        primary.updatedAt = clock.instant();
        users.remove(secondarySub);
        return primary;
    }

    /** Splits a secondary identity off into a standalone user again, with its profile and no metadata. */
    synchronized User unlink(String primaryId, String provider, String idPart) throws StoreException {
        User primary = users.get(primaryId);
        if (primary == null) {
            throw new StoreException(404, "inexistent_user", "The user does not exist.");
        }
        String sub = provider + "|" + idPart;
        if (primary.primary().sub().equals(sub)) {
            throw new StoreException(400, "operation_not_supported", "Main identity cannot be removed from user.");
        }
        Identity found = null;
        for (Identity i : primary.identities) {
            if (i.sub().equals(sub)) {
                found = i;
            }
        }
        if (found == null) {
            // Choice: an identity the user does not have is a 404 (the SDK then throws a plain ManagementApiException).
            throw new StoreException(404, "inexistent_identity", "The user has no identity " + sub + ".");
        }
        primary.identities.remove(found);
        Instant now = clock.instant();
        primary.updatedAt = now;
        User standalone = new User(sub, found.profile, now);
        standalone.identities.add(found);
        users.put(sub, standalone);
        return primary;
    }

    // ---- login transactions, sessions and codes ----

    synchronized Transaction createTransaction(Transaction template) {
        Transaction tx = new Transaction(randomId(18), template.clientId(), template.redirectUri(), template.state(),
                template.nonce(), template.codeChallenge(), template.scope(), template.audience(),
                template.connection(), template.expiresAt());
        transactions.put(tx.id(), tx);
        return tx;
    }

    synchronized Optional<Transaction> transaction(String id) {
        Transaction tx = id == null ? null : transactions.get(id);
        if (tx != null && !clock.instant().isBefore(tx.expiresAt())) {
            transactions.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(tx);
    }

    synchronized Transaction chooseConnection(Transaction tx, Connection c) {
        Transaction updated = tx.withConnection(c);
        transactions.put(tx.id(), updated);
        return updated;
    }

    synchronized void removeTransaction(String id) {
        transactions.remove(id);
    }

    synchronized Session createSession(String identitySub, Connection c, Instant authTime) {
        Session s = new Session(randomId(24), identitySub, c, authTime);
        sessions.put(s.id(), s);
        return s;
    }

    synchronized Optional<Session> session(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    synchronized void removeSession(String id) {
        sessions.remove(id);
    }

    synchronized String createCode(CodeGrant grant) {
        String code = randomId(24);
        codes.put(code, grant);
        return code;
    }

    /** Codes are one-time: taking one removes it whatever happens next. */
    synchronized Optional<CodeGrant> takeCode(String code) {
        return Optional.ofNullable(code == null ? null : codes.remove(code));
    }
}
