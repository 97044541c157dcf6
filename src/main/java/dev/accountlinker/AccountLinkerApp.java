package dev.accountlinker;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.ui.AppShell;
import dev.accountlinker.ui.FxTaskRunner;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.WindowPlacement;
import dev.accountlinker.ui.login.LoginSettings;
import dev.accountlinker.ui.login.SystemBrowser;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Wires configuration → services → the first screen. Started through {@link Launcher}. */
public class AccountLinkerApp extends Application {
    private final AppServices injectedServices;
    private final Optional<WindowPlacement> placement;
    private AppShell shell;

    public AccountLinkerApp() {
        this.injectedServices = null;
        this.placement = Optional.of(new WindowPlacement(
                ConfigLoader.defaultSettingsFile().resolveSibling("window.properties")));
    }

    /** For tests: run against services the test builds (e.g. for a tenant the test started); nothing remembered. */
    public AccountLinkerApp(AppServices services) {
        this(services, Optional.empty());
    }

    /** For tests: as above, remembering the window's place in the given store. */
    public AccountLinkerApp(AppServices services, Optional<WindowPlacement> placement) {
        this.injectedServices = services;
        this.placement = placement;
    }

    @Override
    public void start(Stage stage) {
        AppServices services = injectedServices != null ? injectedServices
                // HostServices, never java.awt.Desktop.browse: the AWT call can freeze a JavaFX application.
                : servicesFromParameters(LoginSettings.defaults(SystemBrowser.forThisSystem(getHostServices()::showDocument)));
        shell = new AppShell(stage, services, placement);
        shell.start();
    }

    private AppServices servicesFromParameters(LoginSettings login) {
        List<String> args = getParameters().getRaw();
        Path settingsFile = ConfigLoader.defaultSettingsFile();
        Messages messages = Messages.forLocale(ConfigLoader.language(args, System.getenv(), settingsFile, Locale.getDefault()));
        Clock clock = Clock.systemDefaultZone();
        try {
            AppConfig config = ConfigLoader.load(args, System.getenv(), settingsFile);
            return new AppServices(config, Optional.empty(), messages, clock, new FxTaskRunner(), login);
        } catch (ConfigException problem) {
            // The window still opens: it names the setting to fix and offers the demo tenant.
            return new AppServices(AppConfig.demoDefaults(), Optional.of(problem), messages, clock, new FxTaskRunner(), login);
        }
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
