package dev.accountlinker.auth;

import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
/** The system-browser way's loopback listener, driven by an HTTP client acting as the browser. */
class LoopbackReceiverTest {
    private static final LoopbackReceiver.Pages PAGES =
            new LoopbackReceiver.Pages("<p>You can close this tab</p>", "<p>Sign-in did not complete</p>");
    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalTenant tenant;
    private static SignInService service;

    @BeforeAll
    static void startTenant() throws Exception {
        // The registered loopback URI has no port: RFC 8252 lets the app pick any port at request time.
        tenant = LocalTenant.builder().redirectUris(List.of("http://127.0.0.1/callback")).allowAnyLoopbackPort(true).start();
        service = new SignInService(new TenantSettings(TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(), List.of(), URI.create("http://127.0.0.1/callback")), Clock.systemUTC(), Locale.ENGLISH);
    }

    @AfterAll
    static void stopTenant() {
        tenant.close();
    }

    private static HttpResponse<String> visit(URI uri) throws IOException, InterruptedException {
        return BROWSER.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFullSignInThroughTheBrowserWayReachesTheListenerAndCompletes() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0, PAGES)) {
            AuthorizationRequest request = service.newAuthorization(
                    AuthorizeOptions.primarySignIn().withRedirectUri(Optional.of(receiver.redirectUri())));
            var callback = receiver.awaitCallback(request.state());
            assertTrue(java.net.URLDecoder.decode(request.url(), java.nio.charset.StandardCharsets.UTF_8)
                            .contains("redirect_uri=" + receiver.redirectUri()),
                    "the authorize request names the listener's port");

            // The "browser": follows the tenant's pages, logs in, then follows the last redirect to the listener.
            URI redirect = new TenantBrowser(receiver.redirectUri().toString())
                    .signIn(request.url(), "alice@example.com", "Alice-Demo-1");
            HttpResponse<String> page = visit(redirect);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("You can close this tab"));

            SignedInAccount account = service.complete(request, callback.get(5, TimeUnit.SECONDS));
            assertEquals("auth0|alice", account.claims().subject());
            assertTrue(receiver.isClosed(), "the listener closes after its one callback");
        }
    }

    @Test
    void aCallbackWithAnotherStateIsAnsweredWithTheErrorPageAndFails() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0, PAGES)) {
            var callback = receiver.awaitCallback("expected-state");
            HttpResponse<String> page = visit(URI.create(receiver.redirectUri() + "?code=stolen&state=attacker"));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("did not complete"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> callback.get(5, TimeUnit.SECONDS));
            assertEquals(AuthException.Reason.STATE_MISMATCH, assertInstanceOf(AuthException.class, failure.getCause()).reason());
        }
    }

    @Test
    void onlyOneCallbackIsAccepted() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0, PAGES)) {
            var callback = receiver.awaitCallback("s");
            URI first = URI.create(receiver.redirectUri() + "?code=one&state=s");
            assertEquals(200, visit(first).statusCode());
            assertEquals(Optional.of("one"), callback.get(5, TimeUnit.SECONDS).code());

            // The listener is gone (or, if still closing, refuses): a second callback changes nothing.
            try {
                HttpResponse<String> second = visit(URI.create(receiver.redirectUri() + "?code=two&state=s"));
                assertEquals(410, second.statusCode());
            } catch (ConnectException closed) {
                // closed already: the expected outcome
            }
            assertEquals(Optional.of("one"), callback.get().code());
        }
    }

    @Test
    void otherPathsAreNotTheCallback() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0, PAGES)) {
            var callback = receiver.awaitCallback("s");
            URI favicon = receiver.redirectUri().resolve("/favicon.ico");
            assertEquals(404, visit(favicon).statusCode());
            assertTrue(!callback.isDone(), "a stray request does not use up the one callback");
        }
    }

    @Test
    void aPortInUseIsReportedWithThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AuthException failure = assertThrows(AuthException.class, () -> LoopbackReceiver.start(taken.getLocalPort(), PAGES));
            assertEquals(AuthException.Reason.LOOPBACK_UNAVAILABLE, failure.reason());
            assertEquals(String.valueOf(taken.getLocalPort()), failure.detail());
        }
    }

    @Test
    void theListenerIsBoundToTheLoopbackAddressOnly() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0, PAGES)) {
            assertEquals("127.0.0.1", receiver.redirectUri().getHost());
            Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(nif -> Collections.list(nif.getInetAddresses()).stream())
                    .filter(address -> !address.isLoopbackAddress() && address instanceof java.net.Inet4Address)
                    .findFirst();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class, () -> socket.connect(
                            new InetSocketAddress(external.get(), receiver.redirectUri().getPort()), 2000));
                }
            }
        }
    }
}
