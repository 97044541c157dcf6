package dev.accountlinker.ui;

import dev.accountlinker.localtenant.Faults;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginWindowUiTest extends AppUiTestSupport {

    @Test
    void closingTheSignInWindowCancelsCleanly() {
        clickOn("#signInButton");
        waitForLoginForm();
        Stage loginStage = (Stage) onFx(() -> loginWebView().getScene().getWindow());
        onFx(() -> {
            loginStage.fireEvent(
                    new javafx.stage.WindowEvent(loginStage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            loginStage.close();
            return null;
        });

        waitForSignInScreenWithMessage();
        assertTrue(statusText().contains("cancelled"), statusText());
        // A second attempt works right away.
        clickOn("#signInButton");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
    }

    @Test
    void theCancelButtonAndEscapeBothCancel() {
        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#loginCancelButton");
        waitForSignInScreenWithMessage();
        assertTrue(statusText().contains("cancelled"));

        clickOn("#signInButton");
        waitForLoginForm();
        clickOn("#loginCancelButton").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitForSignInScreenWithMessage();
        assertTrue(statusText().contains("cancelled"));
    }

    @Test
    void anErrorRedirectShowsTheTenantsDescription() {
        clickOn("#signInButton");
        waitForLoginForm();
        // As when an Auth0 rule denies access after the password is checked: the tenant redirects with an error.
        String state = currentAuthorizeParameter("state");
        tenant.faults()
                .inject(Faults.on("POST", "/u/login")
                        .respond(302, "")
                        .header(
                                "Location",
                                callbacks.redirectUri()
                                        + "?error=access_denied&error_description=Access%20denied%20by%20a%20rule&state="
                                        + state));
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        waitForSignInScreenWithMessage();
        assertEquals("Sign-in did not complete: Access denied by a rule", statusText());
        assertTrue(lookup("#statusMessage").query().getStyleClass().contains("error"));
        assertEquals(0, callbacks.hits(), "the error redirect is caught, not requested");
    }

    @Test
    void aRedirectWithAnotherStateIsRefused() {
        clickOn("#signInButton");
        waitForLoginForm();
        tenant.faults()
                .inject(Faults.on("POST", "/u/login")
                        .respond(302, "")
                        .header("Location", callbacks.redirectUri() + "?code=forged-code&state=not-our-state"));
        submitLoginForm("alice@example.com", "Alice-Demo-1");

        waitForSignInScreenWithMessage();
        assertTrue(statusText().contains("did not belong to this sign-in attempt"), statusText());
        assertFalse(
                tenant.requests().stream().anyMatch(request -> request.path().equals("/oauth/token")),
                "no code exchange is attempted for a foreign state");
        assertEquals(0, callbacks.hits());
    }

    /** The parameter as the app sent it to /authorize (the tenant records requests). */
    private String currentAuthorizeParameter(String name) {
        return tenant.requests().stream()
                .filter(request -> request.path().equals("/authorize"))
                .flatMap(request -> java.util.Arrays.stream(request.query().split("&")))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no " + name + " sent to /authorize"));
    }

    static boolean anyWindowTitled(String title) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle()));
    }
}
