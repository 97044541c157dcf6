package dev.accountlinker.account;

import java.util.Optional;

/** One sign-in method of an account (Auth0's identities[] item). The primary one has no profile data. */
public record Identity(
        String connection,
        String provider,
        String userId,
        boolean social,
        Optional<String> email,
        Optional<String> name,
        Optional<String> picture,
        boolean primary) {

    /** The Auth0 user id this identity had (or will have again) as a standalone user: {@code provider|user_id}. */
    public String subject() {
        return provider + "|" + userId;
    }

    /** How to name this identity to the person: its email, else its name, else its user id. */
    public String label() {
        return email.or(() -> name).orElse(subject());
    }
}
