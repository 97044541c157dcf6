package dev.accountlinker.auth;

import dev.accountlinker.config.TenantAddress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which pages the embedded sign-in window may show, and how to name the one it shows. An embedded browser lets the
 * app see and change what a person types (RFC 8252 §8.12): the window must stay a window onto the tenant's sign-in,
 * so it only goes to the tenant's own host and to the hosts of the identity providers a person signs in through
 * ({@code sign-in-hosts}). Hosts are compared exactly (no subdomains, any port); pages are {@code https:}, except a
 * tenant on this computer over {@code http:} (the demo, tests) and, for tests and development, a listed provider
 * host that is a loopback address.
 */
public final class SignInPages {
    /** How the connection to the page is protected, as the window's address line shows it. */
    public enum Security {
        /** https: a lock. */
        SECURE,
        /** http to the tenant on this computer (the built-in demo): nothing leaves the computer. */
        THIS_COMPUTER,
        /** http anywhere else: marked "not secure". */
        NOT_SECURE
    }

    /** The page's host as the address line shows it, and its security. */
    public record Page(String host, Security security) {}

    /** Where a navigation goes: a page that may be shown, or one that is blocked (with what to name it by). */
    public sealed interface Decision permits Allowed, Blocked {}

    public record Allowed(Page page) implements Decision {}

    /** @param shownAs the host, or the scheme ({@code file:}) when the address has no host */
    public record Blocked(String shownAs) implements Decision {}

    private final String tenantScheme;
    private final String tenantHost;
    private final List<String> providerHosts;

    private SignInPages(String tenantScheme, String tenantHost, List<String> providerHosts) {
        this.tenantScheme = tenantScheme;
        this.tenantHost = tenantHost;
        this.providerHosts = providerHosts.stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * @param tenantPage    any page of the tenant (the authorize URL the app built from its address)
     * @param providerHosts the identity providers' hosts ({@code sign-in-hosts})
     */
    public static SignInPages forTenant(URI tenantPage, List<String> providerHosts) {
        return new SignInPages(lower(tenantPage.getScheme()), lower(tenantPage.getHost()), List.copyOf(providerHosts));
    }

    /**
     * Whether the window may go to {@code location}; empty for no page at all ({@code about:blank}, nothing), which
     * neither needs blocking nor changes what the address line shows.
     */
    public Optional<Decision> decide(String location) {
        if (location == null || location.isBlank() || location.equals("about:blank")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException malformed) {
            return Optional.of(new Blocked(schemeOf(location)));
        }
        String scheme = lower(uri.getScheme());
        String host = lower(uri.getHost());
        if (!(scheme.equals("https") || scheme.equals("http")) || host.isEmpty()) {
            return Optional.of(new Blocked(host.isEmpty() ? schemeOf(location) : host));
        }
        boolean tenant = host.equals(tenantHost);
        if (!tenant && !providerHosts.contains(host)) {
            return Optional.of(new Blocked(host));
        }
        if (scheme.equals("https")) {
            return Optional.of(new Allowed(new Page(host, Security.SECURE)));
        }
        if (tenant && tenantScheme.equals("http")) {
            // The address rules allow an http tenant only on this computer (TenantAddress).
            return Optional.of(new Allowed(new Page(host, Security.THIS_COMPUTER)));
        }
        if (!tenant && TenantAddress.isLoopback(host)) {
            return Optional.of(new Allowed(new Page(host, Security.NOT_SECURE)));
        }
        return Optional.of(new Blocked(host)); // plain http to a host on the network
    }

    private static String schemeOf(String location) {
        int colon = location.indexOf(':');
        return colon > 0 && colon < 20 ? location.substring(0, colon + 1).toLowerCase(Locale.ROOT) : location;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
