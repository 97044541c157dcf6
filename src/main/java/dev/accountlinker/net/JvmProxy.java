package dev.accountlinker.net;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Installs the app's proxy rules as the JVM's default {@link ProxySelector}, which the embedded browser (WebKit's
 * HTTP client), image loading and anything else that opens a URL follow. WebKit captures the default once, when it
 * loads its first page, so the installed object never changes: a later configuration (a saved tenant) switches the
 * rules inside it.
 */
public final class JvmProxy {
    private JvmProxy() {}

    /** The JVM default the app installed; delegates to the rules in force. */
    static final class Installed extends ProxySelector {
        private final ProxySelector original;
        private volatile ProxySelector rules;

        Installed(ProxySelector original, ProxySelector rules) {
            this.original = original;
            this.rules = rules;
        }

        ProxySelector original() {
            return original;
        }

        @Override
        public List<Proxy> select(URI uri) {
            return rules.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            rules.connectFailed(uri, address, failure);
        }
    }

    /** Makes {@code rules} the JVM default from now on; call it before the first WebView loads a page. */
    public static synchronized void use(ProxySelector rules) {
        Objects.requireNonNull(rules);
        ProxySelector current = ProxySelector.getDefault();
        if (current instanceof Installed installed) {
            installed.rules = rules;
        } else {
            ProxySelector.setDefault(new Installed(current, rules));
        }
    }

    /** The rules in force now (for tests). */
    static synchronized ProxySelector current() {
        ProxySelector current = ProxySelector.getDefault();
        return current instanceof Installed installed ? installed.rules : current;
    }
}
