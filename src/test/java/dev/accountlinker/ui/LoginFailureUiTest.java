package dev.accountlinker.ui;

import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app points at an address where no tenant answers; the window must say so and offer a retry. */
class LoginFailureUiTest extends AppUiTestSupport {
    private int deadPort;

    @Override
    protected TenantSettings tenantSettings() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        return new TenantSettings(TenantAddress.parse("domain", "http://127.0.0.1:" + deadPort), tenant.clientId(),
                List.of("google-oauth2"), URI.create(callbacks.redirectUri()));
    }

    @Test
    void anUnreachableTenantShowsTheLoadErrorWithRetryAndThenTimesOut() {
        clickOn("#signInButton");
        waitUntil(() -> node("#loginRetryButton").map(javafx.scene.Node::isVisible).orElse(false));
        String status = onFx(() -> lookup("#loginStatus").queryAs(Label.class).getText());
        assertTrue(status.startsWith("The sign-in page could not be loaded"), status);

        clickOn("#loginRetryButton");
        waitUntil(() -> node("#loginRetryButton").map(javafx.scene.Node::isVisible).orElse(false));

        // Left alone, the attempt ends with a clear message instead of hanging.
        tasks.expireAll();
        waitUntil(() -> !loginWindowOpen() && !statusText().isEmpty());
        assertTrue(statusText().contains("took too long"), statusText());
        assertFalse(lookup("#signInButton").query().isDisabled());
    }
}
