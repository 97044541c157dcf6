package dev.accountlinker.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A raw-socket "browser" (or attacker) for the loopback listeners: it writes exactly the bytes a test wants. */
final class LoopbackTestSupport {
    /** Long enough never to be what ends a test on a loaded machine; a failing test fails on it, it never races. */
    static final int CLIENT_TIMEOUT_MILLIS = 30_000;

    private LoopbackTestSupport() {}

    static InetAddress loopback() throws IOException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }

    /** A port that was free a moment ago (the test then binds it itself or hands it to a listener). */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, loopback())) {
            return probe.getLocalPort();
        }
    }

    /** True when nothing listens on the port any more: binding it again succeeds. */
    static boolean portIsFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(loopback(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(loopback(), port), CLIENT_TIMEOUT_MILLIS);
        socket.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
        return socket;
    }

    /** Sends {@code request} as is and reads the whole answer (the listener closes the connection). */
    static Response send(int port, String request) throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Response.parse(readAll(socket.getInputStream()));
        }
    }

    static String get(String target, String host) {
        return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: test\r\nAccept: text/html\r\n\r\n";
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** Status, headers (names in lower case) and body of an HTTP/1.1 answer. */
    record Response(int status, Map<String, String> headers, String body) {
        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("Not an HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }
}
