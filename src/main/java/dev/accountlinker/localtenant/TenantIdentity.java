package dev.accountlinker.localtenant;

import java.util.Map;

/**
 * Immutable snapshot of one identity of a {@link TenantUser}, as Auth0 lists it in {@code identities[]}.
 *
 * @param connection  connection name, e.g. {@code google-oauth2}
 * @param provider    provider name, e.g. {@code auth0}, {@code google-oauth2}, {@code github}
 * @param userId      the provider's user id as text (GitHub ids travel as JSON numbers on the wire)
 * @param social      whether the connection is a social one
 * @param profileData profile of a linked (secondary) identity; empty for the primary identity
 */
public record TenantIdentity(
        String connection, String provider, String userId, boolean social, Map<String, Object> profileData) {

    public TenantIdentity {
        profileData = profileData == null ? Map.of() : Map.copyOf(profileData);
    }

    /** The Auth0 user id this identity would have as a standalone user: {@code provider|user_id}. */
    public String sub() {
        return provider + "|" + userId;
    }
}
