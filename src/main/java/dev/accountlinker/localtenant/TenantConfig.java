package dev.accountlinker.localtenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings shared by the handlers, fixed once the server socket is bound: the one application (client) this
 * tenant knows, with its Allowed Callback URLs and Allowed Logout URLs, token lifetimes and the clock.
 */
record TenantConfig(
        String baseUrl,
        String clientId,
        List<String> callbackUrls,
        List<String> logoutUrls,
        boolean allowAnyLoopbackPort,
        Clock clock,
        Duration accessTokenLifetime,
        Duration idTokenLifetime,
        Duration codeLifetime) {

    /** Scopes the tenant can grant; anything else requested is silently dropped, as Auth0 does. */
    static final List<String> KNOWN_SCOPES = List.of(
            "openid",
            "profile",
            "email",
            "read:current_user",
            "update:current_user_identities",
            "update:current_user_metadata");

    static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email");
    /** How long a login page stays usable. */
    static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(30);

    /**
     * Auth0 matches a redirect_uri against the Allowed Callback URLs as an exact string: scheme, host, port and
     * path, so a port-less loopback entry matches only itself. Only with {@link #allowAnyLoopbackPort} (a named
     * leniency, off by default) does a registered port-less loopback IP entry ({@code http://127.0.0.1/callback})
     * also accept any port, as RFC 8252 section 7.3 asks of servers and Auth0 does not do.
     */
    boolean allowsRedirect(String candidate) {
        if (candidate == null) {
            return false;
        }
        if (callbackUrls.contains(candidate)) {
            return true;
        }
        return allowAnyLoopbackPort && callbackUrls.contains(withoutLoopbackPort(candidate));
    }

    /** Allowed Logout URLs are matched as exact strings too. */
    boolean allowsLogoutReturn(String returnTo) {
        return returnTo != null && logoutUrls.contains(returnTo);
    }

    /** {@code http://127.0.0.1:PORT/path} without its port, or "" for anything that is not such a URI. */
    private static String withoutLoopbackPort(String candidate) {
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            return "";
        }
        if (!"http".equals(uri.getScheme())
                || uri.getPort() == -1
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            return "";
        }
        String host = uri.getHost();
        if (!"127.0.0.1".equals(host) && !"[::1]".equals(host)) {
            return "";
        }
        return "http://" + host + uri.getRawPath();
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
