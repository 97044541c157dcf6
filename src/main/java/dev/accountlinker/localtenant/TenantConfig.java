package dev.accountlinker.localtenant;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Settings shared by the handlers, fixed once the server socket is bound. */
record TenantConfig(String baseUrl, String clientId, List<String> redirectUris, Clock clock,
                    Duration accessTokenLifetime, Duration idTokenLifetime, Duration codeLifetime) {

    /** Scopes the tenant can grant; anything else requested is silently dropped, as Auth0 does. */
    static final List<String> KNOWN_SCOPES = List.of("openid", "profile", "email", "read:current_user",
            "update:current_user_identities", "update:current_user_metadata");
    static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email");
    /** How long a login page stays usable. */
    static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(30);

    String issuer() {
        return baseUrl + "/";
    }

    String audience() {
        return baseUrl + "/api/v2/";
    }

    String userinfoUrl() {
        return baseUrl + "/userinfo";
    }
}
