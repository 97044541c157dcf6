package dev.accountlinker.auth;

import java.time.Instant;
import java.util.Optional;

/** What a validated ID token says about the person; safe to show and log (contains no token). */
public record IdTokenClaims(String subject, Optional<String> email, boolean emailVerified,
                            Optional<String> name, Optional<String> picture, Instant issuedAt) {

    /** The name to show for the account: its name, else its email, else its user id. */
    public String displayName() {
        return name.or(() -> email).orElse(subject);
    }
}
