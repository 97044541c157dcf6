package dev.accountlinker.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Auth0 tenant lives. A bare host ({@code acme.eu.auth0.com}) means https; a full
 * {@code https://host[:port]} base URL is accepted too, and {@code http://} only for a tenant on this computer
 * (127.0.0.0/8, ::1, localhost): over any network, clear text would expose authorization codes and tokens.
 * Derived URLs follow Auth0's layout.
 */
public record TenantAddress(URI baseUri) {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public static TenantAddress parse(String settingKey, String value) throws ConfigException {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new ConfigException(settingKey, "config.error.missing");
        }
        if (!text.contains("://")) {
            if (!HOST_NAME.matcher(text).matches() || !text.contains(".")) {
                throw new ConfigException(settingKey, "config.error.domain", text);
            }
            return new TenantAddress(URI.create("https://" + text.toLowerCase(Locale.ROOT)));
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean pathIsEmpty = uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || !pathIsEmpty
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new ConfigException(settingKey, "config.error.domain", text);
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") && !isLoopback(host)) {
                throw new ConfigException(settingKey, "config.error.domainInsecure", text, uri.getAuthority());
            }
            return new TenantAddress(new URI(scheme, null, host, uri.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            throw new ConfigException(settingKey, "config.error.domain", text);
        }
    }

    /** A host name ({@code accounts.google.com}, {@code localhost}), an IPv4 literal or a bracketed IPv6 one. */
    static boolean isHostName(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                return InetAddress.getByName(host) != null; // in brackets only an IPv6 literal parses, never a name
            } catch (UnknownHostException e) {
                return false;
            }
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return host.length() <= 253 && HOST_NAME.matcher(host).matches();
    }

    /**
     * True for {@code localhost} and loopback IP literals (127.0.0.0/8, ::1), decided from the text alone: a host
     * name is never looked up, so no DNS answer can turn a remote host into a "local" one.
     */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return ipv4.group(1).equals("127");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // In brackets, InetAddress only parses an IPv6 literal and never resolves a name.
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Base URL without a trailing slash, e.g. {@code https://acme.eu.auth0.com}. */
    public String baseUrl() {
        return baseUri.toString();
    }

    /** The ID token issuer: Auth0 always ends it with a slash. */
    public String issuer() {
        return baseUrl() + "/";
    }

    /** The Management API audience that user-scoped access tokens are requested for. */
    public String managementAudience() {
        return baseUrl() + "/api/v2/";
    }

    /** The Management API base that {@code ManagementApi.builder().url(...)} expects. */
    public String managementApiUrl() {
        return baseUrl() + "/api/v2";
    }

    public String jwksUrl() {
        return baseUrl() + "/.well-known/jwks.json";
    }

    @Override
    public String toString() {
        return baseUrl();
    }
}
