package dev.accountlinker.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * What a validated ID token says about the person; safe to show and log (contains no token).
 *
 * @param authTime when the person last authenticated at the tenant ({@code auth_time}); absent when the tenant
 *                 did not say, then {@link #authenticatedAt()} falls back to when the token was issued
 */
public record IdTokenClaims(
        String subject,
        Optional<String> email,
        boolean emailVerified,
        Optional<String> name,
        Optional<String> picture,
        Instant issuedAt,
        Optional<Instant> authTime) {

    /** When the person last proved who they are: {@code auth_time}, else the token's {@code iat}. */
    public Instant authenticatedAt() {
        return authTime.orElse(issuedAt);
    }

    /** The name to show for the account: its name, else its email, else its user id. */
    public String displayName() {
        return name.or(() -> email).orElse(subject);
    }
}
