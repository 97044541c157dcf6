package dev.accountlinker.auth;

import java.time.Instant;

/**
 * The tokens of one signed-in account. Held in memory only; {@link #toString()} is redacted so a token can
 * never reach a log line or an exception message by accident.
 */
public final class Tokens {
    private final String idToken;
    private final String accessToken;
    private final String scope;
    private final Instant accessTokenExpiresAt;

    public Tokens(String idToken, String accessToken, String scope, Instant accessTokenExpiresAt) {
        this.idToken = idToken;
        this.accessToken = accessToken;
        this.scope = scope == null ? "" : scope;
        this.accessTokenExpiresAt = accessTokenExpiresAt;
    }

    public String idToken() {
        return idToken;
    }

    public String accessToken() {
        return accessToken;
    }

    public String scope() {
        return scope;
    }

    public Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    @Override
    public String toString() {
        return "Tokens[redacted, scope=" + scope + "]";
    }
}
