package dev.accountlinker.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The short-lived loopback listener of a system-browser sign-in (RFC 8252 section 7.3): bound to 127.0.0.1
 * only, it takes exactly one callback on {@code /callback}, checks its state, answers the browser with a
 * small page (also on error) and closes.
 */
public final class LoopbackReceiver implements AutoCloseable {
    public static final String PATH = "/callback";

    /** The two pages the browser is shown; the app's own words, from its resource bundle. */
    public record Pages(String successHtml, String errorHtml) {
    }

    private final HttpServer server;
    private final URI redirectUri;
    private final Pages pages;
    private final CompletableFuture<CallbackResponse> callback = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String expectedState;

    private LoopbackReceiver(HttpServer server, Pages pages) {
        this.server = server;
        this.pages = pages;
        this.redirectUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Binds the listener; {@code port} 0 takes any free port. */
    public static LoopbackReceiver start(int port, Pages pages) throws AuthException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), port), 0);
        } catch (IOException e) { // BindException when the port is taken
            throw new AuthException(AuthException.Reason.LOOPBACK_UNAVAILABLE, String.valueOf(port), e);
        }
        LoopbackReceiver receiver = new LoopbackReceiver(server, pages);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** Completes with the callback whose state is {@code state}; a foreign state completes it exceptionally. */
    public CompletableFuture<CallbackResponse> awaitCallback(String state) {
        this.expectedState = state;
        callback.whenComplete((value, failure) -> close());
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                respond(exchange, 404, pages.errorHtml());
                return;
            }
            if (!answered.compareAndSet(false, true)) {
                // Exactly one callback: a second one (a replay, a stray reload) gets nothing.
                respond(exchange, 410, pages.errorHtml());
                return;
            }
            URI full = URI.create(redirectUri + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
            Optional<CallbackResponse> response = CallbackResponse.match(full.toString(), redirectUri);
            String state = expectedState;
            boolean ours = response.isPresent() && state != null && response.get().state().map(state::equals).orElse(false);
            boolean success = ours && response.get().code().isPresent() && response.get().error().isEmpty();
            respond(exchange, 200, success ? pages.successHtml() : pages.errorHtml());
            if (!ours) {
                callback.completeExceptionally(new AuthException(AuthException.Reason.STATE_MISMATCH, ""));
            } else {
                callback.complete(response.get());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        // The page must not send the code onwards to any other site.
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Stop on another thread: stopping from inside the handler would wait for that very exchange.
            Thread stopper = new Thread(() -> server.stop(0), "account-linker-loopback-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    @Override
    public String toString() {
        return "LoopbackReceiver[" + redirectUri + "]";
    }
}
