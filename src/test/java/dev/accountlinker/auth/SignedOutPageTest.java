package dev.accountlinker.auth;

import dev.accountlinker.config.SignInWays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.accountlinker.auth.LoopbackTestSupport.connect;
import static dev.accountlinker.auth.LoopbackTestSupport.freePort;
import static dev.accountlinker.auth.LoopbackTestSupport.get;
import static dev.accountlinker.auth.LoopbackTestSupport.loopback;
import static dev.accountlinker.auth.LoopbackTestSupport.portIsFree;
import static dev.accountlinker.auth.LoopbackTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page the browser returns to after a system-browser sign-out, over real sockets on 127.0.0.1. */
class SignedOutPageTest {
    private static final String PAGE = "<p>You are signed out of Account Linker. You can close this tab.</p>";
    private static final String NOT_FOR_US = "<p>This request was not for us</p>";
    private static final Duration NO_EXPIRY = Duration.ofMinutes(10);
    private static final long WAIT_SECONDS = 30;

    private int port;

    @BeforeEach
    void choosePort() throws Exception {
        port = freePort();
    }

    private SignedOutPage serve(Duration lifetime) throws AuthException {
        return SignedOutPage.start(List.of(port), PAGE, NOT_FOR_US, lifetime);
    }

    private SignedOutPage.Outcome outcome(SignedOutPage page) throws Exception {
        return page.ended().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theReturnToUrlIsOneOfTheRegistrableSignedOutUrls() throws Exception {
        try (SignedOutPage page = serve(NO_EXPIRY)) {
            assertEquals(URI.create("http://127.0.0.1:" + port + "/signed-out"), page.returnToUri());
            assertEquals(
                    List.of(page.returnToUri()),
                    SignInWays.defaults().withLoopbackPort(port).signedOutUris());
        }
    }

    @Test
    void thePageIsServedOnceAndThenThePortIsFree() throws Exception {
        try (SignedOutPage page = serve(NO_EXPIRY)) {
            var answer = send(port, get("/signed-out", "127.0.0.1:" + port));
            assertEquals(200, answer.status());
            assertTrue(answer.body().contains("You are signed out of Account Linker"));
            assertEquals(
                    "default-src 'none'; style-src 'unsafe-inline'",
                    answer.headers().get("content-security-policy"));
            assertEquals("no-store", answer.headers().get("cache-control"));
            assertEquals("close", answer.headers().get("connection"));
            assertEquals(SignedOutPage.Outcome.SERVED, outcome(page));
            assertTrue(page.isClosed());
            assertTrue(portIsFree(port));
            assertThrows(ConnectException.class, () -> connect(port).close());
        }
    }

    @Test
    void foreignHostsOtherPathsAndStalledConnectionsDoNotUseItUp() throws Exception {
        try (SignedOutPage page = SignedOutPage.start(List.of(port), PAGE, NOT_FOR_US, NO_EXPIRY, NO_EXPIRY);
                Socket stalled = connect(port)) {
            stalled.getOutputStream().write('G');
            stalled.getOutputStream().flush();
            for (String host : List.of("evil.example:" + port, "localhost:" + port, "127.0.0.1")) {
                var answer = send(port, get("/signed-out", host));
                assertEquals(400, answer.status(), host);
                assertTrue(answer.body().contains("not for us"), host);
            }
            for (String path : List.of("/callback", "/", "/signed-out/", "/favicon.ico")) {
                assertEquals(404, send(port, get(path, "127.0.0.1:" + port)).status(), path);
            }
            assertFalse(page.ended().isDone(), "still waiting for the browser");
            // The tenant may add a query: the page is the same.
            assertEquals(
                    200,
                    send(port, get("/signed-out?from=logout", "127.0.0.1:" + port))
                            .status());
            assertEquals(SignedOutPage.Outcome.SERVED, outcome(page));
        }
    }

    @Test
    void nobodyComingBackEndsItAfterItsLifetime() throws Exception {
        try (SignedOutPage page = serve(Duration.ofMillis(100))) {
            assertEquals(SignedOutPage.Outcome.EXPIRED, outcome(page));
            assertTrue(portIsFree(port));
        }
    }

    @Test
    void closingItFreesThePort() throws Exception {
        SignedOutPage page = serve(NO_EXPIRY);
        page.close(); // the app quits
        assertEquals(SignedOutPage.Outcome.CLOSED, outcome(page));
        assertTrue(portIsFree(port));
    }

    @Test
    void aBusyPortFallsBackAndAllBusyIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, loopback())) {
            List<Integer> candidates = List.of(taken.getLocalPort(), port);
            try (SignedOutPage page = SignedOutPage.start(candidates, PAGE, NOT_FOR_US, NO_EXPIRY)) {
                assertEquals(port, page.returnToUri().getPort());
                AuthException busy = assertThrows(
                        AuthException.class, () -> SignedOutPage.start(candidates, PAGE, NOT_FOR_US, NO_EXPIRY));
                assertEquals(AuthException.Reason.LOOPBACK_UNAVAILABLE, busy.reason());
                assertEquals(taken.getLocalPort() + ", " + port, busy.detail());
            }
        }
    }
}
