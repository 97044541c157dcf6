package dev.accountlinker.account;

import dev.accountlinker.config.TenantAddress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which profile picture addresses the app may load. A picture address comes from the account's profile, which the
 * person (or an identity provider) can set to anything: only {@code https:} is loaded, never {@code file:},
 * {@code jar:} or {@code data:} (a file of this computer, a resource of the app, an image of any size) nor plain
 * {@code http:}, which could reach a host inside the network (a router, a cloud metadata service at
 * 169.254.169.254) from this computer. The one exception is a tenant on this computer over {@code http:} (the
 * built-in demo, tests): its own origin, exactly, serves its avatars.
 */
public final class ProfilePictures {
    private final Optional<URI> localTenantOrigin;

    private ProfilePictures(Optional<URI> localTenantOrigin) {
        this.localTenantOrigin = localTenantOrigin;
    }

    /** Pictures over https, and from the tenant's own origin when it is an http tenant on this computer. */
    public static ProfilePictures forTenant(TenantAddress tenant) {
        URI base = tenant.baseUri();
        boolean localHttp = "http".equalsIgnoreCase(base.getScheme())
                && base.getHost() != null
                && TenantAddress.isLoopback(base.getHost());
        return new ProfilePictures(localHttp ? Optional.of(base) : Optional.empty());
    }

    /** Pictures over https only. */
    public static ProfilePictures httpsOnly() {
        return new ProfilePictures(Optional.empty());
    }

    /** The address to load, when {@code address} may be loaded; empty for anything else (initials show instead). */
    public Optional<String> loadable(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        if (scheme.equals("https") || scheme.equals("http") && isLocalTenantOrigin(uri)) {
            return Optional.of(uri.toString());
        }
        return Optional.empty();
    }

    private boolean isLocalTenantOrigin(URI uri) {
        return localTenantOrigin
                .filter(origin -> origin.getHost().equalsIgnoreCase(uri.getHost()) && port(origin) == port(uri))
                .isPresent();
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
