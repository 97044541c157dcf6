package dev.accountlinker.auth;

import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.accountlinker.auth.LoopbackTestSupport.connect;
import static dev.accountlinker.auth.LoopbackTestSupport.freePort;
import static dev.accountlinker.auth.LoopbackTestSupport.get;
import static dev.accountlinker.auth.LoopbackTestSupport.loopback;
import static dev.accountlinker.auth.LoopbackTestSupport.portIsFree;
import static dev.accountlinker.auth.LoopbackTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system-browser way's loopback listener over real sockets on 127.0.0.1: an HTTP client plays the browser,
 * raw sockets play the attacker. Every listener runs on a port the test chose, never on 28471.
 */
class LoopbackReceiverTest {
    private static final LoopbackReceiver.Pages PAGES = new LoopbackReceiver.Pages(
            "<p>You can close this tab</p>",
            "<p>Sign-in did not complete</p>",
            "<p>This request was not for us</p>",
            "<p>Another user started this sign-in</p>",
            "<p>This link was used</p>");
    private static final HttpClient BROWSER =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    /** Far longer than any test: a wait that ends on it is a failure, never a race with another timer. */
    private static final Duration NO_TIMEOUT = Duration.ofMinutes(10);

    private static final long WAIT_SECONDS = 30;

    private static int port;
    private static LocalTenant tenant;
    private static SignInService service;

    @BeforeAll
    static void startTenant() throws Exception {
        port = freePort();
        // Registered exactly, port included, as a real Auth0 tenant requires.
        tenant = LocalTenant.builder()
                .redirectUris(List.of(SignInWays.callbackUri(port).toString()))
                .start();
        service = new SignInService(
                new TenantSettings(
                        TenantAddress.parse("domain", tenant.baseUrl()),
                        tenant.clientId(),
                        List.of(),
                        URI.create("http://127.0.0.1/callback")),
                Clock.systemUTC(),
                Locale.ENGLISH);
    }

    @AfterAll
    static void stopTenant() {
        tenant.close();
    }

    private static LoopbackReceiver listen() throws AuthException {
        return LoopbackReceiver.start(List.of(port), PAGES);
    }

    private static HttpResponse<String> visit(URI uri) throws IOException, InterruptedException {
        return BROWSER.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(WAIT_SECONDS))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI callback(LoopbackReceiver receiver, String query) {
        return URI.create(receiver.redirectUri() + "?" + query);
    }

    private static CallbackResponse completed(CompletableFuture<CallbackResponse> callback) throws Exception {
        return callback.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static AuthException failure(CompletableFuture<CallbackResponse> callback) {
        ExecutionException failure =
                assertThrows(ExecutionException.class, () -> callback.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(AuthException.class, failure.getCause());
    }

    /** The listener ended the connection without an answer: end of stream, or a reset if it had unread bytes. */
    private static void assertClosedByListener(Socket socket) {
        try {
            assertEquals(-1, socket.getInputStream().read());
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw new AssertionError("the listener left the connection open", stillOpen);
        } catch (IOException reset) {
            // closed with our byte unread: a reset is the same answer
        }
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> connect(port).close(), "nothing listens on " + port);
    }

    @Test
    void aFullSignInThroughTheBrowserWayReachesTheListenerAndCompletes() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            assertEquals(URI.create("http://127.0.0.1:" + port + "/callback"), receiver.redirectUri());
            AuthorizationRequest request = service.newAuthorization(
                    AuthorizeOptions.primarySignIn().withRedirectUri(Optional.of(receiver.redirectUri())));
            var callback = receiver.awaitCallback(request.state(), NO_TIMEOUT);
            assertTrue(
                    java.net.URLDecoder.decode(request.url(), StandardCharsets.UTF_8)
                            .contains("redirect_uri=" + receiver.redirectUri()),
                    "the authorize request names the registered loopback URL");

            // The "browser" is given the one-time start URL: it follows its redirect and the tenant's pages, logs
            // in, then follows the last redirect to the listener.
            URI redirect = new TenantBrowser(receiver.redirectUri().toString())
                    .signIn(receiver.startUri(request.url()).toString(), "alice@example.com", "Alice-Demo-1");
            HttpResponse<String> page = visit(redirect);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("You can close this tab"));

            SignedInAccount account = service.complete(request, completed(callback));
            assertEquals("auth0|alice", account.claims().subject());
            assertTrue(receiver.isClosed(), "the listener closes after its one callback");
            assertTrue(portIsFree(port), "and the port is free again");
        }
    }

    @Test
    void theStartUrlRedirectsToTheAuthorizeUrlOnceThenAnswers410AndTheSignInGoesOn() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            String authorize = "http://127.0.0.1:1/authorize?state=s&nonce=n&code_challenge=c";
            URI start = receiver.startUri(authorize);
            assertTrue(
                    start.toString().matches("http://127\\.0\\.0\\.1:" + port + "/start/[A-Za-z0-9_-]{43}"),
                    "on the listener, 256 random bits: " + start.getPath().length());
            assertFalse(start.toString().contains("state") || start.toString().contains("nonce"));
            assertEquals(start, receiver.startUri(authorize), "the same link while it is unused (copy, open again)");

            String host = "127.0.0.1:" + port;
            var first = send(port, get(start.getRawPath(), host));
            assertEquals(302, first.status());
            assertEquals(authorize, first.headers().get("location"));
            assertEquals("no-referrer", first.headers().get("referrer-policy"), "the start URL is not sent onwards");
            assertEquals("no-store", first.headers().get("cache-control"));

            var second = send(port, get(start.getRawPath(), host));
            assertEquals(410, second.status(), "once only");
            assertTrue(second.body().contains("This link was used"));
            assertFalse(second.headers().containsKey("location"));
            assertFalse(callback.isDone(), "a used link does not end the attempt");

            URI next = receiver.startUri(authorize);
            assertFalse(next.equals(start), "once used, opening the browser again needs a new link");
            assertEquals(
                    404, send(port, get(start.getRawPath(), host)).status(), "one link at a time: the old is gone");
            assertEquals(302, send(port, get(next.getRawPath(), host)).status());
            assertEquals(200, visit(callback(receiver, "code=c&state=s")).statusCode());
            assertEquals(Optional.of("c"), completed(callback).code());
            assertRefused(port); // after the attempt nothing answers, the start URL included
        }
    }

    @Test
    void aWrongOrPartialStartRandomIsNotFoundAndDoesNotUseUpTheRealOne() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            URI start = receiver.startUri("http://127.0.0.1:1/authorize?state=s");
            String random = start.getRawPath().substring(LoopbackReceiver.START_PATH_PREFIX.length());
            String host = "127.0.0.1:" + port;
            for (String guess : List.of(
                    "/start/",
                    "/start",
                    "/start/" + random.substring(0, 42),
                    "/start/" + random + "x",
                    "/start/" + random + "/",
                    "/start/" + random.toUpperCase(Locale.ROOT),
                    "/START/" + random,
                    "/start/%2E%2E/callback")) {
                var answer = send(port, get(guess, host));
                assertEquals(404, answer.status(), guess);
                assertFalse(answer.headers().containsKey("location"), guess);
            }
            var withQuery = send(port, get(start.getRawPath() + "?x=1", host));
            assertEquals(302, withQuery.status(), "a query does not change which link it is");
            assertEquals(410, send(port, get(start.getRawPath(), host)).status());
            // A foreign Host never reaches it, even with the right random (a page elsewhere making the browser ask).
            URI fresh = receiver.startUri("http://127.0.0.1:1/authorize?state=s");
            assertEquals(
                    400,
                    send(port, get(fresh.getRawPath(), "localhost:" + port)).status());
            assertEquals(302, send(port, get(fresh.getRawPath(), host)).status(), "and did not use it up");
            assertFalse(callback.isDone());
        }
    }

    @Test
    void theStartUrlOfAnAttemptThatEndedIsGone() throws Exception {
        LoopbackReceiver receiver = listen();
        receiver.awaitCallback("s", NO_TIMEOUT);
        URI start = receiver.startUri("http://127.0.0.1:1/authorize?state=s");
        receiver.close(); // cancelled, timed out or the app quits: the link dies with the attempt
        assertRefused(port);
        assertThrows(IOException.class, () -> visit(start));
    }

    @Test
    void startRandomsAreNeverRepeated() throws Exception {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (LoopbackReceiver receiver = listen()) {
            receiver.awaitCallback("s", NO_TIMEOUT);
            String host = "127.0.0.1:" + port;
            for (int i = 0; i < 50; i++) {
                URI start = receiver.startUri("http://127.0.0.1:1/authorize?state=s");
                assertTrue(seen.add(start.getRawPath()), start.getRawPath());
                assertEquals(302, send(port, get(start.getRawPath(), host)).status());
            }
        }
        try (LoopbackReceiver other = listen()) {
            assertTrue(seen.add(other.startUri("http://127.0.0.1:1/authorize").getRawPath()));
        }
    }

    /** Is this test run able to act as another user of this computer (root, with setpriv and curl)? */
    static boolean anotherUserCanConnect() {
        try {
            return OS.LINUX.isCurrentOs()
                    && ProcNetTcp.effectiveUid(Files.readString(Path.of("/proc/self/status")))
                                    .orElse(-1)
                            == 0
                    && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                    && Files.isExecutable(Path.of("/usr/bin/curl"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A GET by curl running as "nobody" (uid 65534): another user's browser. Returns "<status> <body>". */
    private static String getAsAnotherUser(URI uri) throws Exception {
        Process curl = new ProcessBuilder(
                        "/usr/bin/setpriv",
                        "--reuid=65534",
                        "--regid=65534",
                        "--clear-groups",
                        "/usr/bin/curl",
                        "--silent",
                        "--max-time",
                        String.valueOf(WAIT_SECONDS),
                        "--write-out",
                        "\n%{http_code}",
                        uri.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "curl ended");
        int lastLine = output.lastIndexOf('\n');
        return output.substring(lastLine + 1).strip() + " " + output.substring(0, Math.max(0, lastLine));
    }

    @Test
    @EnabledIf("anotherUserCanConnect")
    void aBrowserOfAnotherUserOfThisComputerIsRefusedAndTheRealSignInGoesOn() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            // Another user read the link (or the whole callback) from this user's process list.
            String theirs = getAsAnotherUser(callback(receiver, "code=theirs&state=s"));
            assertTrue(theirs.startsWith("403 ") && theirs.contains("Another user started"), theirs);
            assertFalse(callback.isDone(), "a refused connection does not end the attempt");

            assertEquals(200, visit(callback(receiver, "code=ours&state=s")).statusCode());
            assertEquals(Optional.of("ours"), completed(callback).code());
        }
    }

    @Test
    @EnabledIf("anotherUserCanConnect")
    void anotherUsersBrowserCannotUseTheStartUrl() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            URI start = receiver.startUri("http://127.0.0.1:1/authorize?state=s");
            String theirs = getAsAnotherUser(start);
            assertTrue(theirs.startsWith("403 ") && !theirs.contains("authorize"), theirs);
            var ours = send(port, get(start.getRawPath(), "127.0.0.1:" + port));
            assertEquals(302, ours.status(), "the refused request did not use the link up");
            assertFalse(callback.isDone());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void connectionsTheKernelSaysAreAnotherUsersAreRefusedAndTheListenerKeepsWaiting() throws Exception {
        long appUid = ProcNetTcp.effectiveUid(Files.readString(Path.of("/proc/self/status")))
                .orElseThrow();
        // The app as another user sees this test's own connections as a stranger's.
        try (LoopbackReceiver receiver = LoopbackReceiver.start(
                List.of(port),
                PAGES,
                LoopbackServer.DEFAULT_CONNECTION_DEADLINE,
                LoopbackPeers.reading(Path.of("/proc/net"), appUid + 1))) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            URI start = receiver.startUri("http://127.0.0.1:1/authorize?state=s");
            String host = "127.0.0.1:" + port;
            for (String target : List.of(start.getRawPath(), "/callback?code=c&state=s", "/favicon.ico")) {
                var answer = send(port, get(target, host));
                assertEquals(403, answer.status(), target);
                assertTrue(answer.body().contains("Another user started"), target);
                assertFalse(answer.headers().containsKey("location"), target);
            }
            // Still the usual answers first for what is not for us at all.
            assertEquals(
                    400,
                    send(port, get("/callback?code=c&state=s", "evil.example")).status());
            assertFalse(callback.isDone());
            assertFalse(receiver.isClosed(), "still listening for the person who started it");
        }
    }

    @Test
    void aForgedStateIsAnswered400AndTheRealCallbackStillCompletes() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("expected-state", NO_TIMEOUT);
            for (String forged : List.of(
                    "code=stolen&state=guess",
                    "code=stolen",
                    "code=stolen&state=",
                    "code=stolen&state=expected-stat",
                    "error=access_denied&state=guess",
                    "state=expected-state%00")) {
                HttpResponse<String> page = visit(callback(receiver, forged));
                assertEquals(400, page.statusCode(), forged);
                assertTrue(page.body().contains("not for us"), forged);
                assertFalse(callback.isDone(), "a forged callback does not end the attempt: " + forged);
            }

            HttpResponse<String> real = visit(callback(receiver, "code=real&state=expected-state"));
            assertEquals(200, real.statusCode());
            assertTrue(real.body().contains("You can close this tab"));
            assertEquals(Optional.of("real"), completed(callback).code());
        }
    }

    @Test
    void aCallbackBeforeTheAttemptIsKnownIsNotOurs() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            assertEquals(
                    400, visit(callback(receiver, "code=early&state=anything")).statusCode());
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            assertEquals(200, visit(callback(receiver, "code=real&state=s")).statusCode());
            assertEquals(Optional.of("real"), completed(callback).code());
        }
    }

    @Test
    void aForeignHostIsAnswered400AndTheListenerKeepsWaiting() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            String target = "/callback?code=c&state=s"; // even with the right state: another site's request
            List<String> requests = List.of(
                    get(target, "evil.example:" + port),
                    get(target, "localhost:" + port),
                    get(target, "127.0.0.1"),
                    get(target, "127.0.0.1:" + (port == 65535 ? 1 : port + 1)),
                    get(target, "[::1]:" + port),
                    "GET " + target + " HTTP/1.1\r\n\r\n",
                    "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\n\r\n");
            for (String request : requests) {
                var answer = send(port, request);
                assertEquals(400, answer.status(), request);
                assertTrue(answer.body().contains("not for us"), request);
                assertFalse(callback.isDone(), "still waiting after: " + request);
            }
            assertEquals(200, send(port, get(target, "127.0.0.1:" + port)).status());
            assertEquals(Optional.of("c"), completed(callback).code());
        }
    }

    @Test
    void otherPathsAndMethodsAreNotTheCallback() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            String host = "127.0.0.1:" + port;
            for (String path : List.of(
                    "/favicon.ico",
                    "/",
                    "/callback/",
                    "/CALLBACK",
                    "/callbackx?code=c&state=s",
                    "/signed-out?code=c&state=s",
                    "/x/../callback?code=c&state=s",
                    "/%63allback?code=c&state=s",
                    "http://127.0.0.1:" + port + "/callback?code=c&state=s")) {
                var answer = send(port, get(path, host));
                assertEquals(404, answer.status(), path);
                assertFalse(callback.isDone(), "a stray request does not use up the one callback: " + path);
            }
            for (String request : List.of(
                    "POST /callback?code=c&state=s HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n",
                    "get /callback?code=c&state=s HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
                    "GET /callback?code=c&state=s\r\nHost: " + host + "\r\n\r\n",
                    "GET /callback?code=c&state=s HTTP/1.1\r\nHost: " + host + "\r\n folded\r\n\r\n",
                    "\r\n\r\n")) {
                assertEquals(400, send(port, request).status(), request);
                assertFalse(callback.isDone(), request);
            }
            var tooLarge = send(
                    port,
                    "GET /callback?code=c&state=s HTTP/1.1\r\nHost: " + host + "\r\nX-Pad: "
                            + "a".repeat(LoopbackServer.MAX_HEAD_BYTES) + "\r\n\r\n");
            assertEquals(431, tooLarge.status());
            assertFalse(callback.isDone());

            assertEquals(200, visit(callback(receiver, "code=c&state=s")).statusCode());
            assertEquals(Optional.of("c"), completed(callback).code());
        }
    }

    @Test
    void stalledConnectionsDoNotBlockTheRealCallback() throws Exception {
        // A deadline far beyond the test: only the small pool can let the real callback through.
        try (LoopbackReceiver receiver = LoopbackReceiver.start(List.of(port), PAGES, NO_TIMEOUT);
                Socket stalledOne = connect(port);
                Socket stalledTwo = connect(port)) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            stalledOne.getOutputStream().write('G');
            stalledOne.getOutputStream().flush();
            stalledTwo
                    .getOutputStream()
                    .write("GET /callback?code=c&state=s HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
            stalledTwo.getOutputStream().flush();

            HttpResponse<String> real = visit(callback(receiver, "code=real&state=s"));
            assertEquals(200, real.statusCode());
            assertEquals(Optional.of("real"), completed(callback).code());
            // Closing the listener also drops the connections that never finished their request.
            assertClosedByListener(stalledOne);
            assertClosedByListener(stalledTwo);
        }
    }

    @Test
    void aStalledConnectionIsDroppedAtItsDeadline() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(List.of(port), PAGES, Duration.ofMillis(200));
                Socket stalled = connect(port)) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            stalled.getOutputStream().write('G');
            stalled.getOutputStream().flush();
            // The listener gives up on it (the client's own read timeout is 30 s: only the listener's can end this).
            assertClosedByListener(stalled);
            assertFalse(callback.isDone(), "a stalled connection does not end the attempt");
            assertEquals(200, visit(callback(receiver, "code=c&state=s")).statusCode());
            assertEquals(Optional.of("c"), completed(callback).code());
        }
    }

    @Test
    void aSecondCallbackAfterSuccessIsRefused() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            assertEquals(200, visit(callback(receiver, "code=one&state=s")).statusCode());
            assertEquals(Optional.of("one"), completed(callback).code());

            // The listener is closed before the callback is handed on: a replay finds nobody listening.
            assertThrows(ConnectException.class, () -> visit(callback(receiver, "code=two&state=s")));
            assertEquals(Optional.of("one"), callback.get().code());
        }
    }

    @Test
    void anErrorRedirectWithOurStateEndsTheAttemptAndFreesThePort() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            HttpResponse<String> page =
                    visit(callback(receiver, "error=access_denied&error_description=User%20said%20no&state=s"));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("did not complete"));
            CallbackResponse answer = completed(callback);
            assertEquals(Optional.of("access_denied"), answer.error());
            assertTrue(portIsFree(port));
            assertRefused(port);
        }
    }

    @Test
    void cancellingTheWaitFreesThePort() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", NO_TIMEOUT);
            callback.cancel(false);
            assertTrue(receiver.isClosed());
            assertTrue(portIsFree(port));
        }
    }

    @Test
    void theAttemptTimesOutAndFreesThePort() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            var callback = receiver.awaitCallback("s", Duration.ofMillis(100));
            assertEquals(AuthException.Reason.TIMED_OUT, failure(callback).reason());
            assertTrue(portIsFree(port));
        }
    }

    @Test
    void closingTheListenerEndsTheWaitAndFreesThePort() throws Exception {
        LoopbackReceiver receiver = listen();
        var callback = receiver.awaitCallback("s", NO_TIMEOUT);
        receiver.close(); // the app quits, or the attempt is abandoned
        assertEquals(AuthException.Reason.CANCELLED, failure(callback).reason());
        assertTrue(portIsFree(port));
        assertRefused(port);
    }

    @Test
    void closingBeforeTheWaitBeganFreesThePort() throws Exception {
        LoopbackReceiver receiver = listen();
        receiver.close(); // cancelled while the sign-in was still being prepared
        assertTrue(portIsFree(port));
    }

    @Test
    void everyAnswerIsNeverCachedSniffedScriptedOrKeptOpen() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            receiver.awaitCallback("s", NO_TIMEOUT);
            String host = "127.0.0.1:" + port;
            for (String request : List.of(
                    get("/favicon.ico", host),
                    get("/callback?code=c&state=x", host),
                    get("/callback?code=c&state=s", host))) {
                var answer = send(port, request);
                assertEquals("no-store", answer.headers().get("cache-control"), request);
                assertEquals("no-referrer", answer.headers().get("referrer-policy"), request);
                assertEquals("nosniff", answer.headers().get("x-content-type-options"), request);
                assertEquals(
                        "default-src 'none'; style-src 'unsafe-inline'",
                        answer.headers().get("content-security-policy"),
                        request);
                assertEquals("close", answer.headers().get("connection"), request);
                assertEquals("text/html; charset=utf-8", answer.headers().get("content-type"), request);
                assertEquals(
                        String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length),
                        answer.headers().get("content-length"),
                        request);
            }
        }
    }

    @Test
    void aBusyPortFallsBackToTheNextAndAllBusyNamesEveryPortAndTheSetting() throws Exception {
        List<Integer> candidates = new ArrayList<>();
        try (ServerSocket first = new ServerSocket(0, 1, loopback());
                ServerSocket second = new ServerSocket(0, 1, loopback())) {
            candidates.add(first.getLocalPort());
            candidates.add(second.getLocalPort());
            candidates.add(port);
            try (LoopbackReceiver receiver = LoopbackReceiver.start(candidates, PAGES)) {
                assertEquals(
                        URI.create("http://127.0.0.1:" + port + "/callback"),
                        receiver.redirectUri(),
                        "the first two candidates are taken: the third one");

                // Now all three are busy (the third by the listener above).
                AuthException busy = assertThrows(AuthException.class, () -> LoopbackReceiver.start(candidates, PAGES));
                assertEquals(AuthException.Reason.LOOPBACK_UNAVAILABLE, busy.reason());
                String message = Messages.forLocale(Locale.ENGLISH)
                        .format(new ErrorTranslator(Clock.systemUTC()).translate(busy));
                for (int candidate : candidates) {
                    assertTrue(message.contains(String.valueOf(candidate)), message);
                }
                assertTrue(
                        message.contains("--loopback-port") && message.contains("loopback-port in the settings file"),
                        message);
            }
        }
    }

    @Test
    void theDefaultCandidatesAreTheDocumentedPortsInOrder() {
        assertEquals(List.of(28471, 28472, 28473), SignInWays.defaults().loopbackPorts());
        assertEquals(
                List.of(
                        URI.create("http://127.0.0.1:28471/callback"),
                        URI.create("http://127.0.0.1:28472/callback"),
                        URI.create("http://127.0.0.1:28473/callback")),
                SignInWays.defaults().callbackUris());
    }

    @Test
    void theListenerIsBoundToTheLoopbackAddressOnly() throws Exception {
        try (LoopbackReceiver receiver = listen()) {
            assertEquals("127.0.0.1", receiver.redirectUri().getHost());
            Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(nif -> Collections.list(nif.getInetAddresses()).stream())
                    .filter(address -> !address.isLoopbackAddress() && address instanceof java.net.Inet4Address)
                    .findFirst();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThrows(
                            IOException.class,
                            () -> socket.connect(
                                    new InetSocketAddress(
                                            external.get(),
                                            receiver.redirectUri().getPort()),
                                    2000));
                }
            }
        }
    }
}
