package dev.accountlinker;

import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.ui.AppShell;
import dev.accountlinker.ui.FxTaskRunner;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.login.LoginSettings;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;

/** Wires configuration → services → the first screen. Started through {@link Launcher}. */
public class AccountLinkerApp extends Application {
    private final AppServices injectedServices;
    private AppShell shell;

    public AccountLinkerApp() {
        this(null);
    }

    /** For tests: run against services the test builds (e.g. for a tenant the test started). */
    public AccountLinkerApp(AppServices services) {
        this.injectedServices = services;
    }

    @Override
    public void start(Stage stage) {
        AppServices services = injectedServices != null ? injectedServices
                // HostServices, never java.awt.Desktop.browse: the AWT call can freeze a JavaFX application.
                : servicesFromParameters(LoginSettings.defaults(getHostServices()::showDocument));
        shell = new AppShell(stage, services);
        shell.start();
    }

    private AppServices servicesFromParameters(LoginSettings login) {
        // Command line, environment, the user's settings file and, in an organisation's build, its installer
        // settings. A configuration that cannot be used still opens the window: it names the setting to fix.
        return AppServices.fromSources(ConfigSources.ofProcess(getParameters().getRaw()), Messages.forDefaultLocale(),
                Clock.systemDefaultZone(), new FxTaskRunner(), login);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
