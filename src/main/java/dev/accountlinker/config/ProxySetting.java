package dev.accountlinker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * How the app reaches the network, as configured ({@code --proxy}, {@code AUTH0_PROXY}, settings key {@code proxy}):
 * an HTTP proxy, {@code none} for a direct connection, or nothing configured (automatic: the environment's
 * {@code https_proxy}/{@code http_proxy}/{@code no_proxy} on Linux, otherwise the system's proxy settings). Package
 * {@code net} turns this into the one {@link java.net.ProxySelector} every connection uses.
 */
public sealed interface ProxySetting permits ProxySetting.Automatic, ProxySetting.Direct, ProxySetting.Http {
    ProxySetting AUTOMATIC = new Automatic();
    ProxySetting DIRECT = new Direct();

    /** Nothing configured: the environment's or the system's proxy settings apply. */
    record Automatic() implements ProxySetting {}

    /** {@code --proxy=none}: every connection is direct, whatever the environment or system says. */
    record Direct() implements ProxySetting {}

    /** An HTTP proxy (HTTPS goes through it with CONNECT). */
    record Http(String host, int port) implements ProxySetting {
        /** {@code host:port} as people write it, e.g. in a message naming the proxy. */
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** {@code none}, or {@code http://host:port} (a trailing slash is fine; no path, user or password). */
    static ProxySetting parse(String settingKey, String value) throws ConfigException {
        String text = value == null ? "" : value.strip();
        if (text.equalsIgnoreCase("none")) {
            return DIRECT;
        }
        try {
            URI uri = new URI(text);
            boolean pathIsEmpty = uri.getRawPath() == null
                    || uri.getRawPath().isEmpty()
                    || uri.getRawPath().equals("/");
            if (!"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null
                    || uri.getPort() < 1
                    || uri.getPort() > 65535
                    || uri.getRawUserInfo() != null
                    || !pathIsEmpty
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new ConfigException(settingKey, "config.error.proxy", text);
            }
            String host = uri.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Http(host.toLowerCase(Locale.ROOT), uri.getPort());
        } catch (URISyntaxException e) {
            throw new ConfigException(settingKey, "config.error.proxy", text);
        }
    }
}
