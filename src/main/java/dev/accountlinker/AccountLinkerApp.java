package dev.accountlinker;

import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.AppShell;
import dev.accountlinker.ui.FxTaskRunner;
import dev.accountlinker.ui.UnexpectedErrorReporter;
import dev.accountlinker.ui.WindowPlacement;
import dev.accountlinker.ui.signin.LoginSettings;
import dev.accountlinker.ui.signin.SystemBrowser;
import javafx.application.Application;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Wires configuration → services → the first screen. Started through {@link Launcher}. */
public class AccountLinkerApp extends Application {
    private final AppServices injectedServices;
    private final Optional<WindowPlacement> placement;
    private AppShell shell;

    public AccountLinkerApp() {
        this.injectedServices = null;
        this.placement = Optional.of(
                new WindowPlacement(ConfigLoader.defaultSettingsFile().resolveSibling("window.properties")));
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
        AppServices services = injectedServices != null
                ? injectedServices
                // HostServices, never java.awt.Desktop.browse: the AWT call can freeze a JavaFX application.
                : servicesFromParameters(
                        LoginSettings.defaults(SystemBrowser.forThisSystem(getHostServices()::showDocument)));
        // From here on an exception nothing caught is logged and told in a plain message, not lost on a console.
        UnexpectedErrorReporter.install(services.messages());
        shell = new AppShell(stage, services, placement);
        shell.start();
    }

    private AppServices servicesFromParameters(LoginSettings login) {
        // Command line, environment, the user's settings file and, in an organisation's build, its installer
        // settings. A configuration that cannot be used still opens the window: it names the setting to fix.
        ConfigSources sources = ConfigSources.ofProcess(getParameters().getRaw());
        return AppServices.fromSources(
                sources,
                Messages.forLocale(sources.language(Locale.getDefault())),
                Clock.systemDefaultZone(),
                new FxTaskRunner(),
                login);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
