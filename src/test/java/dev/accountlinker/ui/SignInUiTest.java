package dev.accountlinker.ui;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.localtenant.RecordedRequest;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
    void theMainWindowGetsTheAppIconDecodedInTheBackground() {
        waitUntil(() -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                        .filter(window -> window instanceof javafx.stage.Stage
                                && window.getScene().lookup("#signInButton") != null)
                        .map(window -> ((javafx.stage.Stage) window).getIcons().size())
                        .anyMatch(icons -> icons == 6))
                .get());
    }

    @Test
    void signOutEndsTheTenantSessionSoTheNextSignInAsksAgain() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);

        signOut(false);
        assertTrue(statusText().contains("signed out"));
        // The embedded window's session is ended at the tenant too, not only forgotten by the app.
        waitUntil(() -> requestsTo("GET", "/v2/logout") == 1);
        RecordedRequest logout = tenant.requests().stream()
                .filter(r -> r.path().equals("/v2/logout"))
                .findFirst()
                .orElseThrow();
        assertTrue(logout.query().contains("client_id=" + tenant.clientId()), logout.query());
        assertTrue(logout.query().contains("returnTo=http://127.0.0.1:28471/signed-out"), logout.query());
        assertEquals(302, logout.status(), "an allowed returnTo: the tenant ended its session and sent the page back");

        // Without a cleared session the tenant would answer at once with Alice's code (the SSO trap).
        clickOn("#signInButton");
        submitLoginForm("bob@example.com", "Bob-Demo-1");
        waitForSettingsOf("bob@example.com");
        assertEquals("Bob Builder", text("#profileName"));
        String secondAuthorize = tenant.requests().stream()
                .filter(r -> r.path().equals("/authorize"))
                .reduce((first, last) -> last)
                .orElseThrow()
                .query();
        assertTrue(secondAuthorize.contains("prompt=login"), "the first sign-in after a sign-out asks for a login");
    }

    @Test
    void everyButtonOnBothScreensHasTextForScreenReaders() {
        assertAccessible();
        signIn("alice@example.com", "Alice-Demo-1");
        assertAccessible();
    }

    @Test
    void enterPressedTwiceInThePasswordFieldNeverSignsOut() {
        clickOn("#signInButton");
        waitForLoginForm();
        typeIntoPage("username", "alice@example.com");
        typeIntoPage("password", "Alice-Demo-1");
        // A person presses Enter to sign in, and once more out of habit (or the key repeats).
        write("\r\r");
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1);
        WaitForAsyncUtils.waitForFxEvents();
        Window main = lookup("#profileEmail").query().getScene().getWindow();
        targetWindow(main);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(node("#confirmSignOutButton").isEmpty(), "no sign-out question, let alone a sign-out");
        assertEquals("alice@example.com", text("#profileEmail"));
        assertEquals(
                "identitiesTable",
                onFx(() -> main.getScene().getFocusOwner().getId()),
                "the focus rests on the list, not on a button");
        assertFalse(onFx(() -> lookup("#signOutButton").queryAs(Button.class).isDefaultButton()));
    }

    @Test
    void theWindowOpensAtItsSizeAndRemembersWhereItWas(@TempDir Path folder) throws Exception {
        Window first = onFx(() -> lookup("#signInButton").query().getScene().getWindow());
        assertEquals(AppShell.WIDTH, first.getWidth(), 1.0);
        assertEquals(AppShell.HEIGHT, first.getHeight(), 1.0);

        // Quit an app that remembers its place, after the person made the window bigger and moved it.
        FxToolkit.cleanupApplication(application());
        FxToolkit.cleanupStages();
        // The window's place is often the first thing written beside the settings: its folder is the user's only.
        Path appFolder = folder.resolve("config").resolve("account-linker");
        WindowPlacement placement = new WindowPlacement(appFolder.resolve("window.properties"));
        replaceApplication(FxToolkit.setupApplication(() -> new AccountLinkerApp(services, Optional.of(placement))));
        onFx(() -> {
            Stage stage = (Stage) lookup("#signInButton").query().getScene().getWindow();
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(700);
            return null;
        });
        FxToolkit.cleanupApplication(application());
        FxToolkit.cleanupStages();

        if (appFolder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(
                    "rwx------",
                    java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(appFolder)));
        }

        replaceApplication(FxToolkit.setupApplication(() -> new AccountLinkerApp(services, Optional.of(placement))));
        Window again = onFx(() -> lookup("#signInButton").query().getScene().getWindow());
        assertEquals(1000, again.getWidth(), 1.0);
        assertEquals(700, again.getHeight(), 1.0);
        assertEquals(40, again.getX(), 1.0);
        assertEquals(30, again.getY(), 1.0);
    }

    private void assertAccessible() {
        for (Button button : lookup(".button").queryAllAs(Button.class)) {
            if (button.isVisible()) {
                // An icon button (close, copy) is named by its accessible text instead.
                String name = button.getText() == null || button.getText().isBlank()
                        ? button.getAccessibleText()
                        : button.getText();
                assertFalse(name == null || name.isBlank(), "button " + button.getId() + " has text or a name");
                assertFalse(
                        button.getAccessibleHelp() == null
                                || button.getAccessibleHelp().isBlank(),
                        "button " + button.getId() + " has accessible help");
            }
        }
    }
}
