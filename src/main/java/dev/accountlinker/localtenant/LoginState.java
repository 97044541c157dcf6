package dev.accountlinker.localtenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Universal Login's short-lived state: login transactions (an /authorize request waiting for its login page),
 * SSO sessions (the {@code auth0} cookie) and authorization codes. Synchronized like {@link UserDirectory}.
 */
final class LoginState {

    record Transaction(
            String id,
            String clientId,
            String redirectUri,
            String state,
            String nonce,
            String codeChallenge,
            String scope,
            String audience,
            Connection connection,
            boolean maxAgeRequested,
            Instant expiresAt) {
        Transaction withConnection(Connection c) {
            return new Transaction(
                    id,
                    clientId,
                    redirectUri,
                    state,
                    nonce,
                    codeChallenge,
                    scope,
                    audience,
                    c,
                    maxAgeRequested,
                    expiresAt);
        }

        Transaction withId(String newId) {
            return new Transaction(
                    newId,
                    clientId,
                    redirectUri,
                    state,
                    nonce,
                    codeChallenge,
                    scope,
                    audience,
                    connection,
                    maxAgeRequested,
                    expiresAt);
        }
    }

    /** A finished sign-in waiting on the "confirm this app" page before its code is issued. */
    record Confirmation(String id, Transaction transaction, String identitySub, Instant authTime, Instant expiresAt) {}

    record Session(String id, String identitySub, Connection connection, Instant authTime) {}

    /** What a code stands for; the token endpoint checks the exchange against it. */
    record CodeGrant(
            String clientId,
            String redirectUri,
            String codeChallenge,
            String identitySub,
            String nonce,
            String scope,
            String audience,
            /** Null when the ID token carries no {@code auth_time} (no {@code max_age} was asked). */
            Instant authTime,
            Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Transaction> transactions = new HashMap<>();
    private final Map<String, CodeGrant> codes = new HashMap<>();
    private final Map<String, Confirmation> confirmations = new HashMap<>();

    LoginState(Clock clock) {
        this.clock = clock;
    }

    /** An unguessable URL-safe id of {@code bytes} random bytes. */
    static String randomId(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Stores the transaction under a fresh id (the template's id is ignored). */
    synchronized Transaction createTransaction(Transaction template) {
        Transaction tx = template.withId(randomId(18));
        transactions.put(tx.id(), tx);
        return tx;
    }

    /** The transaction, unless it is unknown or expired (an expired one is forgotten). */
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

    synchronized Confirmation createConfirmation(
            Transaction tx, String identitySub, Instant authTime, Instant expiresAt) {
        Confirmation c = new Confirmation(randomId(18), tx, identitySub, authTime, expiresAt);
        confirmations.put(c.id(), c);
        return c;
    }

    /** The waiting confirmation, unless unknown or expired. */
    synchronized Optional<Confirmation> confirmation(String id) {
        Confirmation c = id == null ? null : confirmations.get(id);
        if (c != null && !clock.instant().isBefore(c.expiresAt())) {
            confirmations.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(c);
    }

    /** A confirmation is answered once: taking it removes it. */
    synchronized Optional<Confirmation> takeConfirmation(String id) {
        Optional<Confirmation> c = confirmation(id);
        c.ifPresent(found -> confirmations.remove(found.id()));
        return c;
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
