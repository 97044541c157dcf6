package dev.accountlinker.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forwarding HTTP proxy for tests, on 127.0.0.1: {@code CONNECT host:port} (a tunnel, for HTTPS) and plain
 * requests in absolute form ({@code GET http://host:port/path}). It resolves only the names it was given
 * ({@link #route(String, int, int)}), so a test can give a tenant a public-looking name ({@code acme.test}) that
 * nothing but this proxy can reach. It records every request it forwarded ({@link #forwarded()}) with the local
 * port of its connection to the target, which the target's own log can be compared with.
 */
public final class TestProxy implements AutoCloseable {
    /** One request the proxy forwarded: method, {@code host:port}, and the proxy's port on its upstream connection. */
    public record Forwarded(String method, String target, int upstreamLocalPort) {}

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Integer> routes = new ConcurrentHashMap<>();
    private final List<Forwarded> forwarded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
    private volatile int refuseWithStatus;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    private TestProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptLoop);
    }

    public static TestProxy start() {
        try {
            return new TestProxy();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test proxy", e);
        }
    }

    /** {@code host:port} reaches 127.0.0.1:{@code localPort} through this proxy (and only through it). */
    public TestProxy route(String host, int port, int localPort) {
        routes.put(host.toLowerCase(Locale.ROOT) + ":" + port, localPort);
        return this;
    }

    /**
     * From now on, answers every request with this status instead of forwarding it (0: forward again). Tunnels
     * already open are closed, so a client's kept-alive connection cannot slip past the refusal.
     */
    public void refuseWith(int status) {
        refuseWithStatus = status;
        synchronized (open) {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            open.clear();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, as {@code --proxy} takes it. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public List<Forwarded> forwarded() {
        synchronized (forwarded) {
            return List.copyOf(forwarded);
        }
    }

    /** {@code METHOD host:port} of requests the proxy did not forward (unknown name, or refusing). */
    public List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0].toUpperCase(Locale.ROOT);
            String target;
            String originForm = null;
            if (method.equals("CONNECT")) {
                target = requestLine[1].toLowerCase(Locale.ROOT);
            } else {
                URI uri = URI.create(requestLine[1]);
                int port = uri.getPort() > 0 ? uri.getPort() : 80;
                target = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
                originForm = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
            Integer localPort = routes.get(target);
            int refusal = refuseWithStatus;
            if (refusal != 0 || localPort == null) {
                refused.add(method + " " + target);
                int status = refusal != 0 ? refusal : 502;
                client.getOutputStream()
                        .write(("HTTP/1.1 " + status + " Refused by the test proxy\r\n"
                                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
                return;
            }
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), localPort));
                forwarded.add(new Forwarded(method, target, upstream.getLocalPort()));
                OutputStream toClient = client.getOutputStream();
                OutputStream toUpstream = upstream.getOutputStream();
                if (method.equals("CONNECT")) {
                    toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    toClient.flush();
                } else {
                    StringBuilder request =
                            new StringBuilder(method + " " + originForm + " " + requestLine[2] + "\r\n");
                    for (int i = 1; i < lines.length; i++) {
                        String lower = lines[i].toLowerCase(Locale.ROOT);
                        if (!lower.startsWith("proxy-connection:") && !lower.startsWith("connection:")) {
                            request.append(lines[i]).append("\r\n");
                        }
                    }
                    request.append("Connection: close\r\n\r\n");
                    toUpstream.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                    toUpstream.flush();
                }
                Thread back = new Thread(() -> pump(upstream, client), "test-proxy-back");
                back.setDaemon(true);
                back.start();
                pump(client, upstream);
                back.join();
            }
        } catch (IOException | InterruptedException ignored) {
            // a client or target that went away: nothing to forward any more
        } finally {
            open.remove(client);
        }
    }

    /** Copies until either side closes, then closes the other's output so it sees the end too. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // the connection ended
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** The request line and headers, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            state = switch (state) {
                case 0 -> b == '\r' ? 1 : 0;
                case 1 -> b == '\n' ? 2 : (b == '\r' ? 1 : 0);
                case 2 -> b == '\r' ? 3 : 0;
                case 3 -> b == '\n' ? 4 : (b == '\r' ? 1 : 0);
                default -> state;
            };
            if (state == 4) {
                break;
            }
            if (head.size() > 64 * 1024) {
                return "";
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r\n\r\n") ? text.substring(0, text.length() - 4) : "";
    }
}
