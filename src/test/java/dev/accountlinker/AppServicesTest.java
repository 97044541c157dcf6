package dev.accountlinker;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.ui.Messages;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppServicesTest {
    @Test
    void switchingToTheDemoKeepsWhatTheAppSetUp() {
        List<String> opened = new ArrayList<>();
        Consumer<String> opener = opened::add;
        AppServices broken = new AppServices(AppConfig.demoDefaults(),
                Optional.of(new ConfigException("client-id", "config.error.missing")),
                Messages.forDefaultLocale(), Clock.systemUTC())
                .withLoginTimeout(Duration.ofSeconds(42))
                .withBrowserOpener(opener);

        AppServices demo = broken.demoInstead();

        assertTrue(demo.configProblem().isEmpty());
        assertTrue(demo.config().demo());
        assertEquals(Duration.ofSeconds(42), demo.loginTimeout());
        assertTrue(demo.hasBrowserOpener(), "the system-browser sign-in still opens the browser");
        demo.browserOpener().accept("http://127.0.0.1/authorize");
        assertEquals(List.of("http://127.0.0.1/authorize"), opened);
        assertSame(broken.messages(), demo.messages());
        broken.close();
        demo.close();
    }
}
