package dev.accountlinker.testkit;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real listener behind the redirect URI the tests register. The app must catch the redirect inside the
 * WebView and never request it, so any hit here is a failure the tests can see.
 */
public final class CallbackRecorder implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();

    private CallbackRecorder(HttpServer server) {
        this.server = server;
    }

    public static CallbackRecorder start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CallbackRecorder recorder = new CallbackRecorder(server);
        server.createContext("/", exchange -> {
            recorder.hits.incrementAndGet();
            byte[] body = "callback reached".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return recorder;
    }

    public String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
