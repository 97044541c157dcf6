package dev.accountlinker.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The signed-in user as the Management API reports it. */
public record Account(String userId, Optional<String> name, Optional<String> email, boolean emailVerified,
                      Optional<String> picture, List<Identity> identities, Map<String, Object> userMetadata) {
    public Account {
        identities = List.copyOf(identities);
        userMetadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userMetadata));
    }

    public List<Identity> secondaryIdentities() {
        return identities.stream().filter(identity -> !identity.primary()).toList();
    }

    public boolean hasIdentity(String subject) {
        return identities.stream().anyMatch(identity -> identity.subject().equals(subject));
    }
}
