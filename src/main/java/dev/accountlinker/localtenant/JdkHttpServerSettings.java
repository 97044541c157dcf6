package dev.accountlinker.localtenant;

/**
 * The JDK HttpServer's JVM-wide settings the tenant needs. The JDK reads them once per JVM, when the first HttpServer
 * is created, so anything that creates one before the first tenant (a test's callback listener) calls {@link #apply()}
 * first. An explicit {@code -D} setting wins.
 */
public final class JdkHttpServerSettings {

    /** Far above what the clients of one test run or bench keep open within the 30-40 s idle timeout. */
    static final int MAX_IDLE_CONNECTIONS = 10_000;

    private JdkHttpServerSettings() {}

    public static void apply() {
        // Nagle's algorithm is on by default: a response written in two parts then waits for the client's delayed
        // ACK, about 40 ms per link/unlink on loopback (bench/results.md).
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // Once 200 keep-alive connections are idle (the default cap), the server closes every further connection
        // right after its response without a "Connection: close", so a client that sends its next request on that
        // connection gets "header parser received no bytes" or "Connection reset". Every OkHttp pool (one per
        // ManagementAPI) and every java.net.http client (one per TenantBrowser) keeps connections of its own, and
        // the server reclaims idle ones only after 30-40 s: the bench passed 200 within a minute. The idle timeout
        // still closes them; this cap only bounds file descriptors.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", String.valueOf(MAX_IDLE_CONNECTIONS));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
