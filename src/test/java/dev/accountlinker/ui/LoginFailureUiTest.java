package dev.accountlinker.ui;

import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return new TenantSettings(
                TenantAddress.parse("domain", "http://127.0.0.1:" + deadPort),
                tenant.clientId(),
                List.of("google-oauth2"),
                URI.create(callbacks.redirectUri()));
    }

    @Test
    void anUnreachableTenantShowsTheLoadErrorWithRetryAndThenTimesOut() {
        clickOn("#signInButton");
        waitUntil(() ->
                node("#loginRetryButton").map(javafx.scene.Node::isVisible).orElse(false));
        String status = onFx(() -> lookup("#loginStatus").queryAs(Label.class).getText());
        assertTrue(status.startsWith("The sign-in page could not be loaded"), status);
        // WebKit's own reason is vague; the app's check of the tenant says what happened, in plain words.
        waitUntil(() -> onFx(() -> lookup("#loginStatus").queryAs(Label.class).getText())
                .equals(
                        "The sign-in page could not be loaded: 127.0.0.1 refused the connection: nothing answers at that"
                                + " address. Check the domain (and the port, if you gave one)."));

        clickOn("#loginRetryButton");
        waitUntil(() ->
                node("#loginRetryButton").map(javafx.scene.Node::isVisible).orElse(false));

        // Buttons keep their whole text even in a narrow window (the link wraps); the message has a row of its own.
        Stage loginWindow = onFx(
                () -> (Stage) lookup("#loginRetryButton").query().getScene().getWindow());
        onFx(() -> {
            loginWindow.setWidth(360);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#loginRetryButton", "#loginCancelButton")) {
            Region control = lookup(id).queryAs(Region.class);
            assertTrue(onFx(() -> control.getWidth() >= control.prefWidth(-1) - 0.5), id + " is not cut");
        }
        List<String> cut = onFx(() -> LayoutCheck.problems(loginWindow)).stream()
                .filter(problem -> problem.contains("#continueInBrowserLink") && !problem.contains("reaches past"))
                .toList();
        assertEquals(List.of(), cut, "the link's whole text is shown");

        // Left alone, the attempt ends; the main window says what happened, where, and what to do.
        tasks.expireAll();
        waitUntil(() -> !loginWindowOpen() && !statusText().isEmpty());
        assertTrue(
                statusText()
                        .startsWith("The sign-in page of http://127.0.0.1:" + deadPort + " could not be loaded: "
                                + "127.0.0.1 refused the connection"),
                statusText());
        assertTrue(
                statusText().endsWith("Check the tenant’s domain, choose another tenant or try the demo tenant."),
                statusText());
        assertTrue(statusIs("error"));
        assertTrue(onFx(() -> lookup("#useDemoButton").query().isVisible()), "the demo is one click away");
        assertFalse(lookup("#signInButton").query().isDisabled());
    }

    @Test
    void cancellingAfterThePageFailedToLoadSaysWhatHappenedNotJustCancelled() {
        clickOn("#signInButton");
        waitUntil(() ->
                node("#loginRetryButton").map(javafx.scene.Node::isVisible).orElse(false));
        clickOn("#loginCancelButton");
        waitUntil(() -> !loginWindowOpen() && !statusText().isEmpty());
        assertTrue(
                statusText().startsWith("The sign-in page of http://127.0.0.1:" + deadPort + " could not be loaded"),
                statusText());

        clickOn("#useDemoButton");
        waitUntil(() -> text("#tenantLabel").contains("built-in demo tenant"));
    }
}
