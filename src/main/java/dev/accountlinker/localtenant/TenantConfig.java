package dev.accountlinker.localtenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
        Leniency leniency,
        Clock clock,
        Duration accessTokenLifetime,
        Duration idTokenLifetime,
        Duration codeLifetime) {

    /**
     * The named leniencies of {@link LocalTenant.Builder}, each off by default (where the tenant would be kinder than
     * Auth0 is today).
     *
     * @param authTimeAlways                   {@code auth_time} in every ID token, not only with {@code max_age}
     * @param skipNonVerifiableCallbackConfirmation no "confirm this app" page for a loopback or custom-scheme
     *                                         callback, and {@code prompt=none} allowed with one: the client setting
     *                                         {@code skip_non_verifiable_callback_uri_confirmation_prompt}
     * @param uncappedProfileData              a PATCH that makes {@code user_metadata} larger than
     *                                         {@link #PROFILE_DATA_CAP_BYTES} is applied, with a warning in the
     *                                         tenant's log, as Auth0 did until "Uncapped User Profile Data" ended
     */
    record Leniency(
            boolean authTimeAlways, boolean skipNonVerifiableCallbackConfirmation, boolean uncappedProfileData) {
        static final Leniency NONE = new Leniency(false, false, false);
    }

    /**
     * Auth0's cap on a user's profile data (10 KB), measured here as the UTF-8 bytes of {@code user_metadata} written
     * as compact JSON. Auth0 does not say how it counts; this is the plainest reading.
     */
    static final int PROFILE_DATA_CAP_BYTES = 10 * 1024;

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

    /**
     * Whether Auth0 can tell that only this application receives the redirect: not for a custom scheme
     * ({@code myapp://cb}) or a loopback address ({@code http://127.0.0.1:…}, {@code localhost}, {@code [::1]}), which
     * any program on the computer may claim; yes for other http(s) URLs, and for a URL on the tenant's own origin
     * (Auth0's embedded-browser pattern {@code https://{domain}/mobile}: the tenant itself serves that address, so no
     * other program can; this tenant lives on 127.0.0.1, so its own origin is the exception to the loopback rule).
     */
    boolean isVerifiableCallback(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        URI own = URI.create(baseUrl);
        if (uri.getScheme().equalsIgnoreCase(own.getScheme())
                && uri.getHost().equalsIgnoreCase(own.getHost())
                && effectivePort(uri) == effectivePort(own)) {
            return true;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        return !isLoopbackHost(uri.getHost());
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** 127.0.0.0/8, {@code localhost} (and names under it) and {@code [::1]}, from the text alone. */
    static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
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
