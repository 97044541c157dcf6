package dev.accountlinker.net;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.net.NetworkDiagnosis.Problem;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real failed connections (a name that does not exist, a closed port, a proxy that is not there or refuses) from the
 * three HTTP clients the app uses — the JDK's {@code HttpClient} (the check, WebKit), {@code HttpURLConnection}
 * (signing keys) and OkHttp (the Auth0 SDK) — each diagnosed in plain words.
 */
class NetworkDiagnosisTest {
    private static final Messages MESSAGES = Messages.forLocale(Locale.ENGLISH);
    private static int closedPort;
    private static TestProxy refusingProxy;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        refusingProxy = TestProxy.start();
        refusingProxy.refuseWith(403);
    }

    @AfterAll
    static void stop() {
        refusingProxy.close();
    }

    private static Throwable jdkClientFailure(String url, Optional<InetSocketAddress> proxy) {
        HttpClient client = HttpClient.newBuilder()
                .proxy(proxy.map(ProxySelector::of).orElse(HttpClient.Builder.NO_PROXY))
                .build();
        return assertThrows(
                IOException.class,
                () -> client.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()));
    }

    private static Throwable urlConnectionFailure(String url, Optional<InetSocketAddress> proxy) {
        return assertThrows(IOException.class, () -> {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url)
                    .toURL()
                    .openConnection(proxy.map(address -> new Proxy(Proxy.Type.HTTP, address))
                            .orElse(Proxy.NO_PROXY));
            connection.getResponseCode();
        });
    }

    private static Throwable okHttpFailure(String url, Optional<InetSocketAddress> proxy) {
        OkHttpClient client = new OkHttpClient.Builder()
                .proxy(proxy.map(address -> new Proxy(Proxy.Type.HTTP, address)).orElse(Proxy.NO_PROXY))
                .build();
        return assertThrows(
                IOException.class,
                () -> client.newCall(new Request.Builder().url(url).build())
                        .execute()
                        .close());
    }

    private static List<Throwable> everyClientsFailure(String url, Optional<InetSocketAddress> proxy) {
        return List.of(jdkClientFailure(url, proxy), urlConnectionFailure(url, proxy), okHttpFailure(url, proxy));
    }

    private static Problem diagnose(Throwable failure, Route route) {
        return NetworkDiagnosis.of(failure, route)
                .orElseThrow(() -> new AssertionError("no diagnosis for " + failure))
                .problem();
    }

    @Test
    void aNameThatDoesNotExistIsNotFound() {
        Route route = Route.direct("nothing-here.invalid");
        for (Throwable failure : everyClientsFailure("https://nothing-here.invalid/", Optional.empty())) {
            assertEquals(Problem.NAME_NOT_FOUND, diagnose(failure, route), String.valueOf(failure));
        }
        NetworkDiagnosis diagnosis = NetworkDiagnosis.of(
                        jdkClientFailure("https://nothing-here.invalid/", Optional.empty()), route)
                .orElseThrow();
        assertEquals(
                "The name nothing-here.invalid was not found. Check the spelling of the domain, and that this"
                        + " computer is connected to the network.",
                MESSAGES.get(diagnosis.messageKey(), diagnosis.arguments().toArray()));
    }

    @Test
    void aPortWhereNothingListensRefusesTheConnection() {
        Route route = Route.direct("127.0.0.1");
        for (Throwable failure : everyClientsFailure("http://127.0.0.1:" + closedPort + "/", Optional.empty())) {
            assertEquals(Problem.CONNECTION_REFUSED, diagnose(failure, route), String.valueOf(failure));
        }
    }

    @Test
    void throughAProxyThatIsNotThereTheProxyIsNamedNotTheTenant() {
        InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", closedPort);
        Route route = new Route("acme.eu.auth0.com", Optional.of(proxy));
        for (Throwable failure : everyClientsFailure("https://acme.eu.auth0.com/", Optional.of(proxy))) {
            assertEquals(Problem.PROXY_UNREACHABLE, diagnose(failure, route), String.valueOf(failure));
        }
        NetworkDiagnosis diagnosis = NetworkDiagnosis.of(
                        okHttpFailure("https://acme.eu.auth0.com/", Optional.of(proxy)), route)
                .orElseThrow();
        String text = MESSAGES.get(diagnosis.messageKey(), diagnosis.arguments().toArray());
        assertTrue(text.startsWith("The proxy 127.0.0.1:" + closedPort + " cannot be reached"), text);
        assertTrue(text.contains("--proxy=none"), text);

        InetSocketAddress unknownProxy = InetSocketAddress.createUnresolved("proxy.nothing-here.invalid", 3128);
        Route viaUnknown = new Route("acme.eu.auth0.com", Optional.of(unknownProxy));
        for (Throwable failure : everyClientsFailure("https://acme.eu.auth0.com/", Optional.of(unknownProxy))) {
            assertEquals(Problem.PROXY_NAME_NOT_FOUND, diagnose(failure, viaUnknown), String.valueOf(failure));
        }
    }

    @Test
    void aProxyThatRefusesToConnectOnwardsIsNamedWithItsAnswer() {
        InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", refusingProxy.port());
        Route route = new Route("acme.eu.auth0.com", Optional.of(proxy));
        for (Throwable failure : everyClientsFailure("https://acme.eu.auth0.com/", Optional.of(proxy))) {
            NetworkDiagnosis diagnosis = NetworkDiagnosis.of(failure, route).orElseThrow();
            assertEquals(Problem.PROXY_REFUSED, diagnosis.problem(), String.valueOf(failure));
            assertEquals(
                    "The proxy 127.0.0.1:" + refusingProxy.port() + " refused to connect to acme.eu.auth0.com (it"
                            + " answered HTTP 403). Ask your network administrator whether acme.eu.auth0.com may be reached, or"
                            + " check the proxy setting.",
                    MESSAGES.get(diagnosis.messageKey(), diagnosis.arguments().toArray()));
        }
    }

    @Test
    void timeoutsAreTimeoutsAndAConnectTimeoutThroughAProxyIsTheProxys() {
        Route direct = Route.direct("acme.eu.auth0.com");
        Route proxied =
                new Route("acme.eu.auth0.com", Optional.of(InetSocketAddress.createUnresolved("proxy.test", 3128)));
        assertEquals(Problem.TIMED_OUT, diagnose(new HttpConnectTimeoutException("HTTP connect timed out"), direct));
        assertEquals(Problem.TIMED_OUT, diagnose(new java.net.SocketTimeoutException("Read timed out"), direct));
        assertEquals(Problem.TIMED_OUT, diagnose(new java.io.InterruptedIOException("timeout"), direct));
        assertEquals(
                Problem.PROXY_TIMED_OUT, diagnose(new HttpConnectTimeoutException("HTTP connect timed out"), proxied));
        assertEquals(
                Problem.TIMED_OUT,
                diagnose(new HttpTimeoutException("request timed out"), proxied),
                "a read timeout through a working proxy is the tenant's");
    }

    @Test
    void aFailureThatIsNotAboutTheNetworkHasNoDiagnosis() {
        assertEquals(Optional.empty(), NetworkDiagnosis.of(new IllegalStateException("bug"), Route.direct("x")));
    }
}
