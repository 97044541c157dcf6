package dev.accountlinker.net;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * How the app reaches one host: directly, or through an HTTP proxy. Failures are explained with it ("the proxy
 * proxy.example.com:3128 cannot be reached" rather than "the tenant cannot be reached").
 */
public record Route(String host, Optional<InetSocketAddress> proxy) {
    public static Route direct(String host) {
        return new Route(host, Optional.empty());
    }

    /** {@code host:port} of the proxy, as people write it. */
    public Optional<String> proxyAddress() {
        return proxy.map(address -> {
            String host = address.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
        });
    }
}
