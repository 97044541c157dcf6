package dev.accountlinker.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripted browser repeats a GET once when the server resets the connection, and never a POST. */
class TenantBrowserTest {

    private static final String PAGE = "<html><head><title>Log in</title></head><body></body></html>";

    private ServerSocket server;
    private Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();

    /** Resets the first {@code resets} connections after reading their request, then answers every request. */
    private String serveResettingFirst(int resets) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try (Socket socket = server.accept()) {
                            int n = connections.incrementAndGet();
                            readRequest(socket.getInputStream());
                            if (n <= resets) {
                                socket.setSoLinger(true, 0); // close with a TCP RST, like a dropped kept-alive
                                continue;
                            }
                            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                            socket.getOutputStream()
                                    .write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                                                    + body.length + "\r\nConnection: close\r\n\r\n")
                                            .getBytes(StandardCharsets.US_ASCII));
                            socket.getOutputStream().write(body);
                        } catch (IOException closed) {
                            // the test ended
                        }
                    }
                },
                "tenant-browser-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/u/login";
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join();
    }

    // java.net.http already sends a GET once more on a fresh connection after a reset (two connections per send);
    // the browser's own retry covers what that one does not, e.g. a kept-alive connection the server closed.

    @Test
    void aGetOnAResetConnectionIsSentOnceMore() throws IOException {
        String url = serveResettingFirst(2);
        TenantBrowser.Page page = new TenantBrowser().open(url).requirePage();
        assertEquals(200, page.status());
        assertEquals("Log in", page.title());
        assertEquals(3, connections.get());
    }

    @Test
    void aGetIsRepeatedOnlyOnce() throws IOException {
        String url = serveResettingFirst(Integer.MAX_VALUE);
        assertThrows(UncheckedIOException.class, () -> new TenantBrowser().open(url));
        assertTrue(connections.get() <= 4, connections.get() + " connections");
    }

    @Test
    void aPostOnAResetConnectionIsNotRepeated() throws IOException {
        String url = serveResettingFirst(1);
        TenantBrowser.Page form = new TenantBrowser.Page(
                java.net.URI.create(url),
                200,
                "<form action=\"/u/login\"><input id=\"username\"><input id=\"password\"><button id=\"submit\">"
                        + "</form>");
        assertTrue(form.hasLoginForm());
        assertThrows(UncheckedIOException.class, () -> new TenantBrowser().submit(form, "ann@example.com", "Ann-1"));
        assertEquals(1, connections.get());
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        int at = text.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(
                    text.substring(at + 15, text.indexOf("\r\n", at)).trim());
            in.readNBytes(length);
        }
    }
}
