package dev.accountlinker;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.CurrentThreadTaskRunner;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppServicesTest {
    @TempDir
    Path folder;

    @Test
    void theDemoFlagStartsNoDemoWhenTheOrganisationsBuildTurnedItOff() throws Exception {
        Path installer = Files.writeString(
                folder.resolve("installer.properties"),
                "domain=acme.eu.auth0.com\nclient-id=AcmeNative1\noffer-demo=false\n");
        ConfigSources sources = new ConfigSources(
                List.of("--demo"), Map.of(), folder.resolve("settings.properties"), Optional.of(installer));
        AppServices services = AppServices.fromSources(
                sources,
                Messages.forLocale(Locale.ENGLISH),
                Clock.systemUTC(),
                new CurrentThreadTaskRunner(),
                LoginSettings.defaults(url -> BrowserOpener.Outcome.OPENED));
        try {
            services.startInBackground();

            ExecutionException failure = assertThrows(
                    ExecutionException.class, () -> services.signInService().get(10, TimeUnit.SECONDS));
            ConfigException problem = assertInstanceOf(ConfigException.class, failure.getCause());
            assertEquals("config.error.demoNotOffered", problem.messageKey());
            assertEquals(
                    "The option --demo is not available: this build’s installer settings turn the built-in demo off"
                            + " (offer-demo=false), so no demo tenant was started. Start Account Linker without --demo"
                            + " to use your organisation’s tenant.",
                    services.messages().format(services.errors().translate(problem)));
            assertFalse(services.config().installer().offerDemo(), "the sign-in screen offers no demo either");
        } finally {
            services.close();
        }
    }

    @Test
    void switchingToTheDemoKeepsWhatTheAppSetUp() {
        LoginSettings login = new LoginSettings(Duration.ofSeconds(42), url -> BrowserOpener.Outcome.OPENED);
        CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
        AppServices broken = new AppServices(
                AppConfig.demoDefaults(),
                Optional.of(new ConfigException("client-id", "config.error.missing")),
                Messages.forDefaultLocale(),
                Clock.systemUTC(),
                tasks,
                login);

        AppServices demo = broken.demoInstead();

        assertTrue(demo.configProblem().isEmpty());
        assertTrue(demo.config().demo());
        assertSame(login, demo.loginSettings(), "the sign-in timeout and the browser opener stay");
        assertSame(tasks, demo.tasks());
        assertSame(broken.messages(), demo.messages());
        assertSame(broken.clock(), demo.clock());
        broken.close();
        demo.close();
    }
}
