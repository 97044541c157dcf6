package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.i18n.Messages;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The look through the real app: the theme menu (light, dark, the system's; remembered in the settings file) and
 * the focus ring in both themes. The settings file is the test's own. (The identities as cards are
 * {@code ui.settings.IdentityCardsComponentTest}'s.)
 */
class LookUiTest extends AppUiTestSupport {
    @TempDir
    static Path folder;

    private static Path settingsFile() {
        return folder.resolve("account-linker").resolve("settings.properties");
    }

    @Override
    protected AppServices createServices() throws Exception {
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "# mine\ntheme=light\nloopback-port=28999\n");
        return new AppServices(
                AppConfig.forTenant(tenantSettings()).withWays(signInWays()),
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings(),
                ConfigSources.settingsFileOnly(settingsFile()));
    }

    @Test
    void theThemeMenuSwitchesEveryWindowToDarkAndRemembersItWithTheOtherSettings() throws Exception {
        assertTrue(Application.getUserAgentStylesheet().endsWith("primer-light.bss"), "the settings file says light");
        assertTrue(focusRingShown("#signInButton"), "the focus ring shows in the light theme");
        double lightness = background("#signInButton");

        chooseTheme(2); // Light, Dark, Same as the system: the second
        waitUntil(() -> Application.getUserAgentStylesheet().endsWith("primer-dark.bss"));
        assertTrue(background("#signInButton") < lightness, "the window turned dark");
        assertEquals("Theme: Dark", onFx(() -> lookup("#themeButton").query().getAccessibleText()));
        waitUntil(() -> Files.readString(settingsFile()).contains("theme=dark"));
        assertEquals(
                "# mine\ntheme=dark\nloopback-port=28999\n",
                Files.readString(settingsFile()),
                "only the theme changed; the comment and the other setting stay");
        targetWindow(onFx(() -> lookup("#signInButton").query().getScene().getWindow()));
        onFx(() -> {
            lookup("#signInButton").query().requestFocus();
            return null;
        });
        assertTrue(focusRingShown("#signInButton"), "the focus ring shows in the dark theme");

        // The sign-in window follows the theme (its page is the tenant's own).
        clickOn("#signInButton");
        waitForLoginForm();
        assertTrue(
                onFx(() -> ((Region) lookup("#loginCancelButton")
                                                .query()
                                                .getScene()
                                                .getRoot())
                                        .getBackground()
                                        .getFills()
                                        .get(0)
                                        .getFill()
                                instanceof Color color
                        && color.getBrightness() < 0.3),
                "a dark sign-in window");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1); // loaded: the focus has gone to the list and stays there
        chooseTheme(1);
        waitUntil(() -> Application.getUserAgentStylesheet().endsWith("primer-light.bss"));
        waitUntil(() -> Files.readString(settingsFile()).contains("theme=light"));
    }

    /** Opens the theme menu from the keyboard and chooses its n-th item. */
    private void chooseTheme(int item) {
        Window window = onFx(() -> lookup("#themeButton").query().getScene().getWindow());
        targetWindow(window);
        onFx(() -> {
            lookup("#themeButton").query().requestFocus();
            return null;
        });
        type(KeyCode.SPACE);
        waitUntil(() -> onFx(() -> lookup("#themeButton")
                .queryAs(javafx.scene.control.MenuButton.class)
                .isShowing()));
        for (int i = 0; i < item; i++) {
            type(KeyCode.DOWN);
        }
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A 2 px ring outside the focused control, in the focus colour: visible whatever the theme. */
    private boolean focusRingShown(String query) {
        waitUntil(() -> onFx(() -> lookup(query).query().isFocused()));
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> {
            Button button = lookup(query).queryAs(Button.class);
            return button.getBorder() != null
                    && !button.getBorder().getStrokes().isEmpty()
                    && button.getBorder().getStrokes().get(0).getWidths().getTop() >= 2
                    && button.getBorder().getStrokes().get(0).getInsets().getTop() < 0;
        });
    }

    /** How light the window's background is (0 black, 1 white). */
    private double background(String query) {
        return onFx(() -> {
            Region root = (Region) lookup(query).query().getScene().getRoot();
            Node screen = root.getChildrenUnmodifiable().get(0);
            Color color =
                    (Color) ((Region) screen).getBackground().getFills().get(0).getFill();
            return color.getBrightness();
        });
    }
}
