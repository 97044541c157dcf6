package dev.accountlinker.net;

import dev.accountlinker.config.ProxySetting;
import dev.accountlinker.config.TenantAddress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one {@link ProxySelector} every connection of the app uses (the embedded browser, the token exchange, the
 * signing keys, the Management API, the connect screen's check). Which proxy, in this order:
 * <ol>
 *   <li>the configured one ({@code --proxy=http://host:port}, {@code AUTH0_PROXY}, settings key {@code proxy}), or
 *       none at all with {@code --proxy=none};</li>
 *   <li>on Linux, {@code https_proxy} / {@code http_proxy} (or their upper-case forms) and {@code no_proxy} from the
 *       environment, as command-line tools read them;</li>
 *   <li>otherwise the system's proxy settings, through the JDK's own selector with {@code java.net.useSystemProxies}.</li>
 * </ol>
 * Addresses on this computer (localhost, 127.0.0.0/8, ::1) never go through a proxy: the demo tenant and the sign-in
 * listener live there. Only http(s) and ws(s) connections are proxied; other sockets are direct.
 */
public final class ProxyRules extends ProxySelector {
    private static final String USE_SYSTEM_PROXIES = "java.net.useSystemProxies";

    /** What to do for a remote http(s) address; the loopback rule comes first, always. */
    private interface Rule {
        Proxy forRemote(URI uri);
    }

    private final Rule rule;
    private final String description;

    private ProxyRules(Rule rule, String description) {
        this.rule = rule;
        this.description = description;
    }

    /**
     * Asks the JDK's own selector to follow the desktop's proxy settings. It reads the switch once, when the first
     * connection is made, so the launcher calls this first thing.
     */
    public static void useSystemProxiesByDefault() {
        if (System.getProperty(USE_SYSTEM_PROXIES) == null) {
            System.setProperty(USE_SYSTEM_PROXIES, "true");
        }
    }

    /** The rules for this configuration, environment and operating system. */
    public static ProxyRules of(ProxySetting setting, Map<String, String> environment, String osName) {
        if (setting instanceof ProxySetting.Http http) {
            Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(http.host(), http.port()));
            return new ProxyRules(uri -> proxy, "http://" + http.address());
        }
        if (setting instanceof ProxySetting.Direct) {
            return direct();
        }
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        if (linux) {
            Optional<Proxy> https = environmentProxy(environment, "https_proxy");
            Optional<Proxy> http = environmentProxy(environment, "http_proxy");
            if (https.isPresent() || http.isPresent()) {
                NoProxy exceptions = NoProxy.parse(firstOf(environment, "no_proxy"));
                return new ProxyRules(
                        uri -> {
                            if (exceptions.matches(uri.getHost())) {
                                return Proxy.NO_PROXY;
                            }
                            boolean secure = "https".equalsIgnoreCase(uri.getScheme())
                                    || "wss".equalsIgnoreCase(uri.getScheme());
                            return (secure ? https : http).orElse(Proxy.NO_PROXY);
                        },
                        "environment");
            }
        }
        return system();
    }

    /** Every connection direct ({@code --proxy=none}). */
    public static ProxyRules direct() {
        return new ProxyRules(uri -> Proxy.NO_PROXY, "none");
    }

    /** The system's proxy settings (the JDK's default selector as it was before the app installed its own). */
    public static ProxyRules system() {
        ProxySelector jdk = SystemSelector.JDK_DEFAULT;
        return new ProxyRules(
                uri -> {
                    if (jdk == null) {
                        return Proxy.NO_PROXY;
                    }
                    List<Proxy> proxies = jdk.select(uri);
                    return proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
                },
                "system");
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("uri");
        }
        return List.of(proxyFor(uri));
    }

    /** The one proxy (or {@link Proxy#NO_PROXY}) for a connection to this address. */
    public Proxy proxyFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean web = scheme.equals("http") || scheme.equals("https") || scheme.equals("ws") || scheme.equals("wss");
        if (!web || host == null || TenantAddress.isLoopback(host) || isLoopbackLiteral(host)) {
            return Proxy.NO_PROXY;
        }
        Proxy proxy = rule.forRemote(uri);
        return proxy == null ? Proxy.NO_PROXY : proxy;
    }

    /** The route to an address: its host and the proxy in between, if any (for messages about failures). */
    public Route routeTo(URI uri) {
        Proxy proxy = proxyFor(uri);
        Optional<InetSocketAddress> through =
                proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address
                        ? Optional.of(address)
                        : Optional.empty();
        return new Route(uri.getHost() == null ? "" : uri.getHost(), through);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // One proxy per address and no fallback: the failure is reported by whoever made the connection.
    }

    @Override
    public String toString() {
        return "ProxyRules[" + description + "]";
    }

    /** {@code [::1]} from a URI, or an IPv6 literal without brackets. */
    private static boolean isLoopbackLiteral(String host) {
        return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    private static String firstOf(Map<String, String> environment, String lowerCaseName) {
        String value = environment.get(lowerCaseName);
        if (value == null || value.isBlank()) {
            value = environment.get(lowerCaseName.toUpperCase(Locale.ROOT));
        }
        return value == null ? "" : value.strip();
    }

    /** {@code http://host:port}, {@code host:port} or {@code http://host:port/}; anything else is ignored. */
    static Optional<Proxy> environmentProxy(Map<String, String> environment, String name) {
        String value = firstOf(environment, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.contains("://") ? value : "http://" + value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().startsWith("[")
                    ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : 80;
            return Optional.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
        } catch (URISyntaxException unusable) {
            return Optional.empty();
        }
    }

    /**
     * {@code no_proxy} as command-line tools read it: comma-separated host names (a name also covers its
     * subdomains; a leading dot or {@code *.} is allowed), IP addresses, or {@code *} for everything. A port after a
     * name is ignored.
     */
    record NoProxy(boolean everything, List<String> suffixes) {
        static NoProxy parse(String value) {
            List<String> names = new ArrayList<>();
            boolean all = false;
            for (String part : value.split("[,\\s]+")) {
                String name = part.strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (name.equals("*")) {
                    all = true;
                    continue;
                }
                if (name.startsWith("*.")) {
                    name = name.substring(1);
                }
                if (name.startsWith(".")) {
                    name = name.substring(1);
                }
                int colon = name.lastIndexOf(':');
                if (colon > 0 && name.indexOf(':') == colon) {
                    name = name.substring(0, colon); // host:port
                }
                if (name.startsWith("[") && name.endsWith("]")) {
                    name = name.substring(1, name.length() - 1);
                }
                names.add(name);
            }
            return new NoProxy(all, List.copyOf(names));
        }

        boolean matches(String host) {
            if (everything) {
                return true;
            }
            String name = host.toLowerCase(Locale.ROOT);
            if (name.startsWith("[") && name.endsWith("]")) {
                name = name.substring(1, name.length() - 1);
            }
            for (String suffix : suffixes) {
                if (name.equals(suffix) || name.endsWith("." + suffix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Captured once, before the app installs its own selector as the JVM default. */
    private static final class SystemSelector {
        static final ProxySelector JDK_DEFAULT = capture();

        private static ProxySelector capture() {
            useSystemProxiesByDefault();
            ProxySelector current = ProxySelector.getDefault();
            return current instanceof JvmProxy.Installed installed ? installed.original() : current;
        }
    }
}
