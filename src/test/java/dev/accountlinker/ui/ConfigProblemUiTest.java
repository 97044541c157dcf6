package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken configuration opens the app with one message naming the setting, and a way out to the demo tenant. */
class ConfigProblemUiTest extends AppUiTestSupport {

    @Override
    protected AppServices createServices() {
        ConfigException problem;
        try {
            ConfigLoader.load(List.of("--domain=acme.eu.auth0.com"), Map.of(), Path.of("absent.properties"));
            throw new AssertionError("a domain without client id must be refused");
        } catch (ConfigException expected) {
            problem = expected;
        }
        return new AppServices(
                AppConfig.demoDefaults().withWays(dev.accountlinker.config.SignInWays.embeddedOnly()),
                Optional.of(problem),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings());
    }

    @Test
    void theMessageNamesTheSettingAndTheDemoTenantIsOneClickAway() {
        waitUntil(() -> !statusText().isEmpty());
        assertEquals(
                "The setting client-id is missing. Set it on the command line (--client-id=…), in the environment"
                        + " (AUTH0_CLIENT_ID) or in the settings file "
                        + Path.of("absent.properties").toAbsolutePath() + ".",
                statusText());
        assertTrue(statusIs("error"));
        assertTrue(
                onFx(() -> lookup("#signInButton").query().isDisabled()), "no sign-in against a broken configuration");

        clickOn("#useDemoButton");
        waitUntil(() -> onFx(() -> !lookup("#signInButton").query().isDisabled()));
        assertTrue(text("#tenantLabel").contains("built-in demo tenant"));
        clickOn("#signInButton");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
    }
}
