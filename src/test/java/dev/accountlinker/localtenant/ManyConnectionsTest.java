package dev.accountlinker.localtenant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The tenant answers every request on a kept-alive connection however many other clients keep theirs open: each
 * OkHttp pool and each java.net.http client holds its own, and a bench run passed the JDK HttpServer's default cap
 * of 200 idle connections, after which the server closed connections behind the clients' backs (bench/results.md).
 * Raw sockets, so no client library's own retry hides a dropped connection.
 */
class ManyConnectionsTest {

    /** More than the JDK's default cap of 200 idle connections. */
    private static final int IDLE_CLIENTS = 250;

    private static final int SOCKET_DEADLINE_MILLIS = 30_000;

    private LocalTenant tenant;
    private final List<Socket> idle = new ArrayList<>();

    @BeforeEach
    void start() {
        tenant = LocalTenant.builder().start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : idle) {
            socket.close();
        }
        tenant.close();
    }

    @Test
    void aKeptAliveConnectionIsAnsweredAgainWhileManyOthersStayIdle() throws IOException {
        for (int i = 0; i < IDLE_CLIENTS; i++) {
            Socket socket = connect();
            assertEquals(200, get(socket, "/.well-known/jwks.json"));
            idle.add(socket);
        }
        try (Socket socket = connect()) {
            assertEquals(200, get(socket, "/.well-known/jwks.json"));
            // The old tenant had closed this connection right after the first answer: the second read saw EOF.
            assertEquals(200, get(socket, "/.well-known/openid-configuration"));
            assertEquals(200, get(socket, "/.well-known/jwks.json"));
        }
    }

    @Test
    void manyConcurrentClientsEachGetEveryAnswerOnTheirOwnConnection() throws Exception {
        for (int i = 0; i < IDLE_CLIENTS; i++) {
            Socket socket = connect();
            assertEquals(200, get(socket, "/.well-known/jwks.json"));
            idle.add(socket);
        }
        int clients = 48;
        int requestsEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                work.add(() -> {
                    int answered = 0;
                    try (Socket socket = connect()) {
                        for (int r = 0; r < requestsEach; r++) {
                            if (get(socket, r % 2 == 0 ? "/.well-known/jwks.json" : "/") == 200) {
                                answered++;
                            }
                        }
                    }
                    return answered;
                });
            }
            int answered = 0;
            for (Future<Integer> result : pool.invokeAll(work)) {
                answered += result.get();
            }
            assertEquals(clients * requestsEach, answered);
        } finally {
            pool.shutdownNow();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), tenant.port());
        socket.setSoTimeout(SOCKET_DEADLINE_MILLIS);
        return socket;
    }

    /** One HTTP/1.1 GET on a kept-alive connection; the status, after the whole body was read. */
    private static int get(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("the connection closed in the middle of the body of " + path);
        }
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the tenant closed the connection without an answer");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
