package dev.accountlinker.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.accountlinker.localtenant.JdkHttpServerSettings;
import dev.accountlinker.localtenant.LocalTenant;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Counts the requests that reach the app's embedded redirect URI. The app must catch the redirect inside the WebView
 * and never request it, so any hit is a failure the tests can see. The kit's is {@link #onTenant}: the tenant's own
 * {@code /mobile}, the app's default, counted in the tenant's request log; {@link #start()} is a loopback listener of
 * its own, for a test that configures a loopback callback.
 */
public final class CallbackRecorder implements AutoCloseable {
    private final String redirectUri;
    private final IntSupplier hits;
    private final Runnable close;

    private CallbackRecorder(String redirectUri, IntSupplier hits, Runnable close) {
        this.redirectUri = redirectUri;
        this.hits = hits;
        this.close = close;
    }

    /** A listener on a free 127.0.0.1 port behind {@code http://127.0.0.1:PORT/callback}. */
    public static CallbackRecorder start() throws IOException {
        // The first HttpServer of a JVM fixes its settings; the tenant, started after this, needs its own.
        JdkHttpServerSettings.apply();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "callback reached".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return new CallbackRecorder(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/callback", hits::get, () -> server.stop(0));
    }

    /**
     * The tenant's own {@link LocalTenant#ownCallbackUrl()} (registered here as an Allowed Callback URL); a hit is a
     * request for that path in the tenant's request log, which must be on.
     */
    public static CallbackRecorder onTenant(LocalTenant tenant) {
        tenant.registerCallbackUrl(tenant.ownCallbackUrl());
        return new CallbackRecorder(
                tenant.ownCallbackUrl(),
                () -> (int) tenant.requests().stream()
                        .filter(request -> request.path().equals(LocalTenant.OWN_CALLBACK_PATH))
                        .count(),
                () -> {});
    }

    public String redirectUri() {
        return redirectUri;
    }

    public int hits() {
        return hits.getAsInt();
    }

    @Override
    public void close() {
        close.run();
    }
}
