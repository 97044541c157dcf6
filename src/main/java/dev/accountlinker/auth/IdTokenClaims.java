package dev.accountlinker.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * What a validated ID token says about the person; safe to show and log (contains no token).
 *
 * @param issuedAt when the token was issued ({@code iat}): not when the person authenticated (a single-sign-on
 *                 answer has a fresh {@code iat} on an old session)
 * @param authTime when the person last authenticated at the tenant ({@code auth_time}); absent when the tenant did
 *                 not say, which counts as an old sign-in (Auth0 writes it only when {@code max_age} was sent)
 */
public record IdTokenClaims(
        String subject,
        Optional<String> email,
        boolean emailVerified,
        Optional<String> name,
        Optional<String> picture,
        Instant issuedAt,
        Optional<Instant> authTime) {

    /** The name to show for the account: its name, else its email, else its user id. */
    public String displayName() {
        return name.or(() -> email).orElse(subject);
    }
}
