package dev.accountlinker.auth;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The small HTTP/1.1 listener under the system-browser sign-in and the signed-out page. It is written on a plain
 * {@link ServerSocket} rather than the JDK's HttpServer because that server's request deadlines are JVM-wide
 * system properties (shared with the local tenant in the same JVM), while this one needs its own:
 * <ul>
 *   <li>bound to 127.0.0.1 only, on the first free port of a fixed list (what an admin registered);</li>
 *   <li>only a {@code GET} with {@code Host: 127.0.0.1:<port>} reaches the owner, which answers the paths it
 *       serves; anything else is answered 400 (404 for another path) and never ends the owner's wait;</li>
 *   <li>on Linux, only from a client socket of the app's own user ({@link LoopbackPeers}): another user's
 *       connection is answered 403 and never reaches the owner;</li>
 *   <li>each connection must deliver its request head within a deadline and a size cap, and is served by a small
 *       pool, so a stalled or flooding client holds one worker for a few seconds at most and blocks nothing;</li>
 *   <li>every answer is a small HTML page (or a redirect the owner asked for) that is never cached, never
 *       sniffed, runs no script, sends no referrer, and closes the connection.</li>
 * </ul>
 */
final class LoopbackServer implements AutoCloseable {
    static final Duration DEFAULT_CONNECTION_DEADLINE = Duration.ofSeconds(5);
    /** Enough for a browser's request with a few cookies for 127.0.0.1; a larger head is refused. */
    static final int MAX_HEAD_BYTES = 32 * 1024;

    private static final int WORKERS = 4;
    private static final int WAITING_CONNECTIONS = 16;
    private static final int BACKLOG = 16;
    /** At most this long after answering, waiting for the client to close first (see drainBeforeClosing). */
    private static final long LINGER_MILLIS = 1000;
    /** Upper bound on waiting for the accepting thread to let go of the port on close. */
    private static final long ACCEPTOR_EXIT_MILLIS = 1000;

    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]+) (\\S+) HTTP/1\\.[01]");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /**
     * The page a request for one of the owner's paths gets, or a redirect to {@code location}, and what to do once
     * it has been sent (or could not be).
     */
    record Answer(int status, String html, Optional<String> location, Runnable afterSent) {
        Answer {
            // A header value: a line break would let the value write headers of its own.
            if (location.filter(value -> !value.chars().allMatch(c -> c > 0x20 && c < 0x7f))
                    .isPresent()) {
                throw new IllegalArgumentException("a redirect location must be printable ASCII");
            }
        }

        Answer(int status, String html, Runnable afterSent) {
            this(status, html, Optional.empty(), afterSent);
        }

        static Answer of(int status, String html) {
            return new Answer(status, html, () -> {});
        }

        /** A 302 to {@code location}, with an empty body (a browser follows it at once). */
        static Answer redirect(String location, Runnable afterSent) {
            return new Answer(302, "", Optional.of(location), afterSent);
        }
    }

    /**
     * The owner's side: answers a {@code GET} with our Host, given its raw path and its raw query (if any) as sent;
     * empty for a path it does not serve (answered 404).
     */
    interface Handler {
        Optional<Answer> answer(String rawPath, Optional<String> rawQuery);
    }

    private final ServerSocket listening;
    private final int port;
    private final String expectedHost;
    private final String notForUsHtml;
    private final String otherUserHtml;
    private final LoopbackPeers peers;
    private final Duration connectionDeadline;
    private final Handler handler;
    private final Consumer<IOException> onAcceptFailure;
    private final ThreadPoolExecutor workers;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread acceptor;

    private LoopbackServer(
            ServerSocket listening,
            Pages pages,
            Duration connectionDeadline,
            Handler handler,
            Consumer<IOException> onAcceptFailure) {
        this.listening = listening;
        this.port = listening.getLocalPort();
        this.expectedHost = "127.0.0.1:" + port;
        this.notForUsHtml = pages.notForUsHtml();
        this.otherUserHtml = pages.otherUserHtml();
        this.peers = pages.peers();
        this.connectionDeadline = connectionDeadline;
        this.handler = handler;
        this.onAcceptFailure = onAcceptFailure;
        this.workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(WAITING_CONNECTIONS),
                daemonThreads("account-linker-loopback-" + port));
    }

    /**
     * What the server itself answers, before the owner is asked: a request that is not for us, and one from another
     * user's connection (as {@code peers} tells).
     */
    record Pages(String notForUsHtml, String otherUserHtml, LoopbackPeers peers) {}

    /**
     * Binds the first free port of {@code candidatePorts} on 127.0.0.1; {@link #startAccepting()} then serves.
     *
     * @throws AuthException LOOPBACK_UNAVAILABLE naming every port tried, when none is free
     */
    static LoopbackServer bind(
            List<Integer> candidatePorts,
            Pages pages,
            Duration connectionDeadline,
            Handler handler,
            Consumer<IOException> onAcceptFailure)
            throws AuthException {
        if (candidatePorts.isEmpty() || connectionDeadline.isNegative() || connectionDeadline.isZero()) {
            throw new IllegalArgumentException("ports and a positive deadline are required");
        }
        IOException lastFailure = null;
        for (int candidate : candidatePorts) {
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(loopbackAddress(), candidate), BACKLOG);
                return new LoopbackServer(socket, pages, connectionDeadline, handler, onAcceptFailure);
            } catch (IOException busy) { // BindException when another program holds the port
                closeQuietly(socket);
                lastFailure = busy;
            }
        }
        String tried = candidatePorts.stream().map(String::valueOf).collect(Collectors.joining(", "));
        throw new AuthException(AuthException.Reason.LOOPBACK_UNAVAILABLE, tried, lastFailure);
    }

    private static InetAddress loopbackAddress() throws UnknownHostException {
        // The IPv4 literal every registered URL names, never "localhost" (which may resolve to ::1 or elsewhere).
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }

    void startAccepting() {
        acceptor = daemonThreads("account-linker-loopback-" + port + "-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    int port() {
        return port;
    }

    boolean isClosed() {
        return closed.get();
    }

    private void acceptLoop() {
        while (!closed.get()) {
            Socket connection;
            try {
                connection = listening.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    // Not our own close (e.g. out of file descriptors): stop rather than spin, and say so.
                    close();
                    onAcceptFailure.accept(e);
                }
                return;
            }
            connections.add(connection);
            try {
                workers.execute(() -> serve(connection));
            } catch (RejectedExecutionException full) {
                // Every worker busy and the queue full (a flood), or closing: drop this one, keep listening.
                connections.remove(connection);
                closeQuietly(connection);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            if (closed.get()) {
                return;
            }
            long deadline = System.nanoTime() + connectionDeadline.toNanos();
            Optional<byte[]> head = readHead(connection, deadline);
            Answer answer = head.isEmpty()
                    ? Answer.of(431, notForUsHtml)
                    : route(new String(head.get(), StandardCharsets.ISO_8859_1), connection);
            try {
                respond(connection, answer);
            } finally {
                // Even when the page could not be delivered, the decision the owner took stands. This connection
                // ends by itself below, not with the listener the owner may now close.
                connections.remove(connection);
                answer.afterSent().run();
            }
            drainBeforeClosing(connection, deadline);
        } catch (IOException dropped) {
            // The client went away, stalled past the deadline, or the listener closed: nothing more to say.
        } finally {
            connections.remove(connection);
        }
    }

    /**
     * Closing a socket with unread input makes the kernel reset the connection, which can destroy the answer
     * before the client has read it (a request larger than the cap, a body): read what is left, briefly.
     */
    private static void drainBeforeClosing(Socket connection, long deadlineNanos) {
        long remainingMillis =
                Math.min(LINGER_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
        if (remainingMillis <= 0) {
            return;
        }
        try {
            connection.setSoTimeout((int) remainingMillis);
            InputStream in = connection.getInputStream();
            byte[] sink = new byte[4096];
            int drained = 0;
            int read;
            while (drained < MAX_HEAD_BYTES && (read = in.read(sink)) >= 0) {
                drained += read;
            }
        } catch (IOException ignored) {
            // The client closed first or took too long: either way we are done with it.
        }
    }

    /** The request head (without the blank line), or empty when it exceeds {@link #MAX_HEAD_BYTES}. */
    private static Optional<byte[]> readHead(Socket connection, long deadlineNanos) throws IOException {
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[MAX_HEAD_BYTES];
        int length = 0;
        while (length < buffer.length) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("request head not received in time");
            }
            // One deadline for the whole head, not per read: trickling a byte at a time gains nothing.
            connection.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                throw new EOFException("connection closed before the request head ended");
            }
            int searchFrom = Math.max(0, length - (HEAD_END.length - 1));
            length += read;
            int end = indexOf(buffer, searchFrom, length, HEAD_END);
            if (end >= 0) {
                return Optional.of(Arrays.copyOf(buffer, end));
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] data, int from, int to, byte[] pattern) {
        for (int i = from; i + pattern.length <= to; i++) {
            boolean match = true;
            for (int j = 0; j < pattern.length && match; j++) {
                match = data[i + j] == pattern[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private Answer route(String head, Socket connection) {
        String[] lines = head.split("\r\n", -1);
        var requestLine = REQUEST_LINE.matcher(lines[0]);
        if (!requestLine.matches()) {
            return Answer.of(400, notForUsHtml);
        }
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            // A folded or nameless header line is not something a browser sends.
            if (colon <= 0 || !HEADER_NAME.matcher(line.substring(0, colon)).matches()) {
                return Answer.of(400, notForUsHtml);
            }
            if (line.substring(0, colon).toLowerCase(Locale.ROOT).equals("host")) {
                hosts.add(line.substring(colon + 1).strip());
            }
        }
        // Exactly our own address: a page on another site that makes the browser call us (DNS rebinding,
        // "localhost" tricks) carries another Host and never reaches the owner.
        if (hosts.size() != 1 || !hosts.get(0).equals(expectedHost)) {
            return Answer.of(400, notForUsHtml);
        }
        if (!requestLine.group(1).equals("GET")) {
            return Answer.of(400, notForUsHtml);
        }
        // Another user's browser (given a link read from this user's process list) is refused before the owner
        // hears of it: the attempt goes on for the person who started it.
        if (!peers.check((InetSocketAddress) connection.getRemoteSocketAddress(), (InetSocketAddress)
                        connection.getLocalSocketAddress())
                .answered()) {
            return Answer.of(403, otherUserHtml);
        }
        String target = requestLine.group(2);
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        return handler.answer(rawPath, question < 0 ? Optional.empty() : Optional.of(target.substring(question + 1)))
                .orElseGet(() -> Answer.of(404, notForUsHtml));
    }

    private static void respond(Socket connection, Answer answer) throws IOException {
        byte[] body = answer.html().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + answer.status() + " " + reasonPhrase(answer.status()) + "\r\n"
                + answer.location()
                        .map(location -> "Location: " + location + "\r\n")
                        .orElse("")
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                // The page must not send the code onwards to any other site.
                + "Referrer-Policy: no-referrer\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        OutputStream out = connection.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        connection.shutdownOutput();
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 431 -> "Request Header Fields Too Large";
            default -> "Status";
        };
    }

    /** Stops listening (the port is free when this returns) and drops every connection still open. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(listening);
            workers.shutdown();
            for (Socket connection : connections) {
                closeQuietly(connection);
            }
        }
        // While a thread is blocked in accept() the kernel keeps the socket, and the port, until that thread has
        // woken up from the close's signal: every caller waits for it (a moment), so the port is free on return.
        Thread accepting = acceptor;
        if (accepting != null && accepting != Thread.currentThread()) {
            try {
                accepting.join(ACCEPTOR_EXIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort; nothing to tell anyone.
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs {@code action} once after {@code delay} on a shared daemon timer; cancel the result to call it off. */
    static ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return Timer.INSTANCE.schedule(action, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static final class Timer {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer =
                    new ScheduledThreadPoolExecutor(1, daemonThreads("account-linker-loopback-timer"));
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
