package dev.accountlinker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the Auth0 tenant lives. A bare host ({@code acme.eu.auth0.com}) means https; a full
 * {@code http(s)://host[:port]} base URL is accepted for local tenants. Derived URLs follow Auth0's layout.
 */
public record TenantAddress(URI baseUri) {
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

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
            boolean pathIsEmpty = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !pathIsEmpty
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException(settingKey, "config.error.domain", text);
            }
            return new TenantAddress(new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            throw new ConfigException(settingKey, "config.error.domain", text);
        }
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
