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

    /**
     * Exact match, plus RFC 8252 section 7.3 for native apps: a registered loopback IP redirect URI without a
     * port ({@code http://127.0.0.1/callback}) allows any port at request time, because the app's loopback
     * listener takes whatever port is free. Whether Auth0 applies this rule is not confirmed: its docs ask
     * for the exact URL, port included.
     */
    boolean allowsRedirect(String candidate) {
        if (candidate == null) {
            return false;
        }
        if (redirectUris.contains(candidate)) {
            return true;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(candidate);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (!"http".equals(uri.getScheme()) || uri.getPort() == -1 || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return false;
        }
        String host = uri.getHost();
        if (!"127.0.0.1".equals(host) && !"[::1]".equals(host)) {
            return false;
        }
        String withoutPort = "http://" + host + uri.getRawPath();
        return redirectUris.contains(withoutPort);
    }

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
