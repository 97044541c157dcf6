package dev.accountlinker.ui;

import dev.accountlinker.localtenant.RecordedRequest;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInUiTest extends AppUiTestSupport {

    @Test
    void typingCredentialsIntoTheRealLoginPageShowsTheAccountAndItsIdentities() {
        clickOn("#signInButton");
        waitForLoginForm();
        typeIntoPage("username", "carol@example.com");
        typeIntoPage("password", "Carol-Demo-1");
        clickOn(pagePoint("submit"));

        waitForSettingsOf("carol@example.com");
        assertEquals("Carol Linked", text("#profileName"));
        waitForIdentityCount(2);
        assertEquals(List.of("auth0|carol", "github|777777"), identitySubjects());
        assertFalse(loginWindowOpen(), "the sign-in window closes once the redirect is caught");
        assertEquals(0, callbacks.hits(), "the redirect is caught inside the WebView and never requested");
        assertTrue(node("#link-google-oauth2").isPresent());
        assertTrue(node("#link-github").isPresent());
        assertTrue(node("#linkAccountButton").isPresent());
    }

    @Test
    void signOutEndsTheTenantSessionSoTheNextSignInAsksAgain() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);

        signOut(false);
        assertTrue(statusText().contains("signed out"));
        // The embedded window's session is ended at the tenant too, not only forgotten by the app.
        waitUntil(() -> requestsTo("GET", "/v2/logout") == 1);
        RecordedRequest logout = tenant.requests().stream().filter(r -> r.path().equals("/v2/logout")).findFirst().orElseThrow();
        assertTrue(logout.query().contains("client_id=" + tenant.clientId()), logout.query());
        assertTrue(logout.query().contains("returnTo=http://127.0.0.1:28471/signed-out"), logout.query());
        assertEquals(302, logout.status(), "an allowed returnTo: the tenant ended its session and sent the page back");

        // Without a cleared session the tenant would answer at once with Alice's code (the SSO trap).
        clickOn("#signInButton");
        submitLoginForm("bob@example.com", "Bob-Demo-1");
        waitForSettingsOf("bob@example.com");
        assertEquals("Bob Builder", text("#profileName"));
        String secondAuthorize = tenant.requests().stream().filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last).orElseThrow().query();
        assertTrue(secondAuthorize.contains("prompt=login"), "the first sign-in after a sign-out asks for a login");
    }

    @Test
    void everyButtonOnBothScreensHasTextForScreenReaders() {
        assertAccessible();
        signIn("alice@example.com", "Alice-Demo-1");
        assertAccessible();
    }

    private void assertAccessible() {
        for (Button button : lookup(".button").queryAllAs(Button.class)) {
            if (button.isVisible()) {
                assertFalse(button.getText() == null || button.getText().isBlank(), "button " + button.getId() + " has text");
                assertFalse(button.getAccessibleHelp() == null || button.getAccessibleHelp().isBlank(),
                        "button " + button.getId() + " has accessible help");
            }
        }
    }
}
