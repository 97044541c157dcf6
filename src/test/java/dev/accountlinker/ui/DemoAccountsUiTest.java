package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.i18n.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In demo mode the sign-in screen lists the demo tenant's accounts (collapsed until opened): email, password and
 * what each shows, with Copy buttons; it no longer sends people to a README they may not have.
 */
class DemoAccountsUiTest extends AppUiTestSupport {
    @TempDir
    Path folder;

    @Override
    protected AppServices createServices() {
        return new AppServices(
                AppConfig.demoDefaults().withWays(SignInWays.embeddedOnly()),
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings(),
                ConfigSources.settingsFileOnly(folder.resolve("settings.properties")));
    }

    @Test
    void theDemoAccountsAreListedCollapsedWithTheirPasswordsAndCopyButtons() {
        waitUntil(() -> node("#demoAccountsPane").isPresent());
        assertEquals("Using the built-in demo tenant on this computer.", text("#tenantLabel"));
        assertFalse(
                onFx(() -> lookup("#demoAccountsPane").queryAs(TitledPane.class).isExpanded()), "collapsed at first");
        assertTrue(node("#copy-demo-email-alice_example_com").isEmpty(), "its rows are made when it is opened");

        // By keyboard: from Sign in, Tab to the section, Space opens it.
        targetWindow(onFx(() -> lookup("#signInButton").query().getScene().getWindow()));
        waitUntil(() -> onFx(() -> lookup("#signInButton").query().isFocused()));
        type(KeyCode.TAB);
        type(KeyCode.SPACE);
        waitUntil(() -> node("#copy-demo-email-alice_example_com").isPresent());
        List<String> shown = onFx(() -> lookup("#demoAccountsPane").query().lookupAll(".label").stream()
                .map(node -> ((Label) node).getText())
                .toList());
        for (String expected : List.of(
                "alice@example.com",
                "Alice-Demo-1",
                "alice.g@example.com",
                "Google-Demo-1",
                "alice-gh@example.com",
                "Github-Demo-1",
                "unverified@example.com",
                "Unverified-1",
                "bob@example.com",
                "Bob-Demo-1",
                "carol@example.com",
                "Carol-Demo-1",
                "carol-gh@example.com",
                "CarolGh-1",
                "Email and password: your main account, with saved information to merge",
                "Email and password: unverified email: linking it is refused")) {
            assertTrue(shown.contains(expected), expected + " in " + shown);
        }

        // The next Tab reaches the first Copy button; Space copies.
        type(KeyCode.TAB);
        assertEquals(
                "copy-demo-email-alice_example_com",
                onFx(() -> lookup("#signInButton")
                        .query()
                        .getScene()
                        .getFocusOwner()
                        .getId()));
        type(KeyCode.TAB);
        type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Alice-Demo-1", onFx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals("Copied the password of alice@example.com.", statusText());
        assertTrue(statusIs("info"));
        assertTrue(onFx(() -> AccessibilityCheck.problems(
                        lookup("#signInButton").query().getScene()))
                .isEmpty());
    }
}
