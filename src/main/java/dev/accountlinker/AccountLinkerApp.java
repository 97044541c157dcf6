package dev.accountlinker;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.ui.AppShell;
import dev.accountlinker.ui.Messages;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Optional;

/** Wires configuration → services → the first screen. Started through {@link Launcher}. */
public class AccountLinkerApp extends Application {
    private final AppServices injectedServices;
    private AppShell shell;

    public AccountLinkerApp() {
        this(null);
    }

    /** For tests: run against given services (e.g. a tenant the test started). */
    public AccountLinkerApp(AppServices services) {
        this.injectedServices = services;
    }

    @Override
    public void start(Stage stage) {
        AppServices services = injectedServices != null ? injectedServices : servicesFromParameters();
        shell = new AppShell(stage, services);
        shell.start();
        StartupMarker.windowShown(shell.services().signInService());
    }

    private AppServices servicesFromParameters() {
        Messages messages = Messages.forDefaultLocale();
        try {
            AppConfig config = ConfigLoader.load(getParameters().getRaw(), System.getenv(), ConfigLoader.defaultSettingsFile());
            return new AppServices(config, Optional.empty(), messages, Clock.systemDefaultZone());
        } catch (ConfigException problem) {
            // The window still opens: it names the setting to fix and offers the demo tenant.
            return new AppServices(AppConfig.demoDefaults(), Optional.of(problem), messages, Clock.systemDefaultZone());
        }
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.services().close();
        }
    }
}
