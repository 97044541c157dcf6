package dev.accountlinker.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The signed-in user as the Management API reports it. */
public record Account(
        String userId,
        Optional<String> name,
        Optional<String> email,
        boolean emailVerified,
        Optional<String> picture,
        List<Identity> identities,
        Map<String, Object> userMetadata) {
    public Account {
        // Auth0 gives the primary identity no profileData: it is described by the user's own profile.
        Optional<String> ownEmail = email;
        Optional<String> ownName = name;
        Optional<String> ownPicture = picture;
        identities = identities.stream()
                .map(identity -> identity.primary() && identity.email().isEmpty()
                        ? new Identity(
                                identity.connection(),
                                identity.provider(),
                                identity.userId(),
                                identity.social(),
                                ownEmail,
                                ownName,
                                ownPicture,
                                true)
                        : identity)
                .toList();
        userMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(userMetadata));
    }

    /** The same account with the identities Auth0 answered after a link or unlink. */
    public Account withIdentities(List<Identity> newIdentities) {
        return new Account(userId, name, email, emailVerified, picture, newIdentities, userMetadata);
    }

    /** The same account with the metadata Auth0 answered after a merge. */
    public Account withUserMetadata(Map<String, Object> newMetadata) {
        return new Account(userId, name, email, emailVerified, picture, identities, newMetadata);
    }

    public List<Identity> secondaryIdentities() {
        return identities.stream().filter(identity -> !identity.primary()).toList();
    }

    public boolean hasIdentity(String subject) {
        return identities.stream().anyMatch(identity -> identity.subject().equals(subject));
    }
}
