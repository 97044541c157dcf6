package dev.accountlinker.errors;

import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.config.ProxySetting;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.net.ProxyRules;
import dev.accountlinker.net.TestProxy;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Management API (OkHttp, handed the app's proxy rules) through a proxy that is not there or refuses: the
 * message names the proxy, not "the account service".
 */
class ProxyFailureMessagesTest {
    private static final Messages MESSAGES = Messages.forLocale(Locale.ENGLISH);
    private static final RequestPolicy NO_WAITING = new RequestPolicy(Clock.systemUTC(), (until, cancelled) -> {});

    private static String failureMessage(ProxyRules rules) throws Exception {
        TenantSettings settings = new TenantSettings(
                        TenantAddress.parse("domain", "acme.eu.auth0.com"),
                        "abc",
                        List.of(),
                        URI.create("http://127.0.0.1/callback"))
                .withProxies(rules);
        AccountClient client = new AccountClient(settings, "not-a-real-token", NO_WAITING);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> client.fetch("auth0|alice"));
        ErrorTranslator translator = new ErrorTranslator(
                Clock.systemUTC(), rules.routeTo(settings.address().baseUri()));
        return MESSAGES.format(translator.translate(failure));
    }

    @Test
    void aProxyThatCannotBeReachedIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String message =
                failureMessage(ProxyRules.of(new ProxySetting.Http("127.0.0.1", closedPort), Map.of(), "Linux"));
        assertTrue(
                message.startsWith(
                        "The proxy 127.0.0.1:" + closedPort + " cannot be reached: the connection was refused."),
                message);
    }

    @Test
    void aProxyThatRefusesIsNamedWithItsAnswer() throws Exception {
        try (TestProxy proxy = TestProxy.start()) {
            // acme.eu.auth0.com is not one of its routes: it answers 502, as a proxy that cannot go there does.
            String message =
                    failureMessage(ProxyRules.of(new ProxySetting.Http("127.0.0.1", proxy.port()), Map.of(), "Linux"));
            assertEquals(
                    "The proxy 127.0.0.1:" + proxy.port() + " refused to connect to acme.eu.auth0.com (it answered"
                            + " HTTP 502). Ask your network administrator whether acme.eu.auth0.com may be reached, or check the"
                            + " proxy setting.",
                    message);
            assertEquals(List.of("CONNECT acme.eu.auth0.com:443"), proxy.refused(), "it did go to the proxy");
        }
    }

    @Test
    void withoutAProxyTheMessagesStayAboutTheAccountService() {
        ErrorTranslator translator = new ErrorTranslator(Clock.systemUTC());
        assertEquals(
                "The account service cannot be reached. Check your connection and try again.",
                MESSAGES.format(translator.translate(new java.net.ConnectException("Connection refused"))));
    }
}
