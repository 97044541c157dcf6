package dev.accountlinker.net;

import dev.accountlinker.config.ProxySetting;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which proxy each address goes through, for every way a proxy can be configured. */
class ProxyRulesTest {
    private static final String LINUX = "Linux";

    private static String proxyOf(ProxyRules rules, String url) {
        Proxy proxy = rules.proxyFor(URI.create(url));
        if (proxy.type() == Proxy.Type.DIRECT) {
            return "direct";
        }
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void aConfiguredProxyCarriesEveryRemoteConnectionButNeverALoopbackOne() {
        ProxyRules rules = ProxyRules.of(
                new ProxySetting.Http("proxy.corp.test", 3128), Map.of("https_proxy", "http://ignored.test:1"), LINUX);
        assertEquals("proxy.corp.test:3128", proxyOf(rules, "https://acme.eu.auth0.com/authorize"));
        assertEquals("proxy.corp.test:3128", proxyOf(rules, "http://example.org/"));
        for (String local : List.of(
                "http://127.0.0.1:8765/authorize",
                "http://localhost:3000/",
                "http://127.1.2.3/",
                "https://[::1]:8443/",
                "http://127.0.0.1:28471/callback")) {
            assertEquals("direct", proxyOf(rules, local), local);
        }
        assertEquals("direct", proxyOf(rules, "socket://acme.eu.auth0.com:443"), "only http(s) is proxied");
        assertEquals(
                List.of(rules.proxyFor(URI.create("https://acme.eu.auth0.com"))),
                rules.select(URI.create("https://acme.eu.auth0.com")),
                "one proxy, no fallback");
    }

    @Test
    void noneMeansDirectWhateverTheEnvironmentSays() {
        ProxyRules rules = ProxyRules.of(ProxySetting.DIRECT, Map.of("https_proxy", "http://env.test:8080"), LINUX);
        assertEquals("direct", proxyOf(rules, "https://acme.eu.auth0.com/"));
    }

    @Test
    void onLinuxTheEnvironmentsProxiesApplyBySchemeWithNoProxyExceptions() {
        ProxyRules rules = ProxyRules.of(
                ProxySetting.AUTOMATIC,
                Map.of(
                        "https_proxy", "http://secure.proxy.test:3129/",
                        "HTTP_PROXY", "plain.proxy.test:3128",
                        "no_proxy", "internal.test, .corp.test,*.lan, 10.1.2.3,example.org:443"),
                LINUX);
        assertEquals("secure.proxy.test:3129", proxyOf(rules, "https://acme.eu.auth0.com/"));
        assertEquals("plain.proxy.test:3128", proxyOf(rules, "http://acme.eu.auth0.com/"));
        for (String excepted : List.of(
                "https://internal.test/",
                "https://sso.internal.test/",
                "https://corp.test/",
                "https://login.corp.test/",
                "https://printer.lan/",
                "https://10.1.2.3/",
                "https://example.org/")) {
            assertEquals("direct", proxyOf(rules, excepted), excepted);
        }
        assertEquals(
                "secure.proxy.test:3129", proxyOf(rules, "https://notinternal.test/"), "a suffix means a subdomain");
        assertEquals("direct", proxyOf(rules, "http://127.0.0.1:8765/"));

        ProxyRules everything = ProxyRules.of(
                ProxySetting.AUTOMATIC, Map.of("https_proxy", "http://secure.proxy.test:3129", "no_proxy", "*"), LINUX);
        assertEquals("direct", proxyOf(everything, "https://acme.eu.auth0.com/"));
    }

    @Test
    void theEnvironmentIsReadOnLinuxOnlyAndAMalformedValueIsIgnored() {
        Map<String, String> environment = Map.of("https_proxy", "http://secure.proxy.test:3129");
        assertEquals(
                "secure.proxy.test:3129",
                proxyOf(ProxyRules.of(ProxySetting.AUTOMATIC, environment, LINUX), "https://acme.eu.auth0.com/"));
        // Elsewhere the system's settings apply (here: none, so direct).
        assertEquals(
                ProxyRules.system().proxyFor(URI.create("https://acme.eu.auth0.com/")),
                ProxyRules.of(ProxySetting.AUTOMATIC, environment, "Windows 11")
                        .proxyFor(URI.create("https://acme.eu.auth0.com/")));
        assertEquals(
                Optional.empty(),
                ProxyRules.environmentProxy(Map.of("https_proxy", "socks5://x.test:1080"), "https_proxy"));
    }

    @Test
    void theRouteNamesTheProxyForMessages() {
        ProxyRules rules = ProxyRules.of(new ProxySetting.Http("proxy.corp.test", 3128), Map.of(), LINUX);
        Route route = rules.routeTo(URI.create("https://acme.eu.auth0.com/"));
        assertEquals("acme.eu.auth0.com", route.host());
        assertEquals(Optional.of("proxy.corp.test:3128"), route.proxyAddress());
        assertEquals(
                Optional.empty(),
                rules.routeTo(URI.create("http://127.0.0.1:8765")).proxyAddress());
    }

    @Test
    void installedAsTheJvmDefaultTheRulesCanBeSwitchedWithoutReplacingTheInstalledSelector() {
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        try {
            ProxyRules first = ProxyRules.of(new ProxySetting.Http("first.test", 1), Map.of(), LINUX);
            ProxyRules second = ProxyRules.direct();
            JvmProxy.use(first);
            java.net.ProxySelector installed = java.net.ProxySelector.getDefault();
            assertEquals(first, JvmProxy.current());
            JvmProxy.use(second);
            assertEquals(installed, java.net.ProxySelector.getDefault(), "WebKit keeps the one it captured");
            assertEquals(List.of(Proxy.NO_PROXY), installed.select(URI.create("https://acme.eu.auth0.com/")));
        } finally {
            java.net.ProxySelector.setDefault(before);
        }
    }
}
