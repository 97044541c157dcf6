package dev.accountlinker;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.CurrentThreadTaskRunner;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppServicesTest {
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
