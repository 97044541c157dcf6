package dev.accountlinker.localtenant;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Immutable snapshot of a tenant user. The first identity is the primary one.
 * {@code userMetadata} is a deep copy: changing the tenant later does not change a snapshot.
 */
public record TenantUser(
        String userId,
        String email,
        boolean emailVerified,
        String name,
        String picture,
        Map<String, Object> userMetadata,
        List<TenantIdentity> identities) {

    public TenantUser {
        userMetadata = userMetadata == null ? Map.of() : Collections.unmodifiableMap(userMetadata);
        identities = List.copyOf(identities);
    }
}
