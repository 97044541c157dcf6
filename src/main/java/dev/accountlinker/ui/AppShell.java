package dev.accountlinker.ui;

import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.ui.connect.ConnectContext;
import dev.accountlinker.ui.connect.ConnectView;
import dev.accountlinker.ui.connect.ConnectViewModel;
import dev.accountlinker.ui.login.BrowserLogin;
import dev.accountlinker.ui.login.LoginLaunchers;
import dev.accountlinker.ui.login.LoginWindow;
import dev.accountlinker.ui.login.SignInFlows;
import dev.accountlinker.ui.login.SignInHistory;
import dev.accountlinker.ui.login.TenantSignOut;
import dev.accountlinker.ui.settings.ConfirmationDialogs;
import dev.accountlinker.ui.settings.Confirmations;
import dev.accountlinker.ui.settings.SettingsContext;
import dev.accountlinker.ui.settings.SettingsController;
import dev.accountlinker.ui.settings.SettingsViewModel;
import dev.accountlinker.ui.signin.SignInView;
import dev.accountlinker.ui.signin.SignInViewModel;
import dev.accountlinker.ui.theme.SystemColorScheme;
import dev.accountlinker.ui.theme.ThemeManager;
import dev.accountlinker.ui.theme.ThemeMenu;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The main window: shows the sign-in screen or the settings screen and moves between them. */
public final class AppShell {
    public static final double WIDTH = 900;
    public static final double HEIGHT = 620;
    public static final double MIN_WIDTH = 760;
    public static final double MIN_HEIGHT = 540;

    private final Stage stage;
    private final StackPane root = new StackPane();
    private AppContext context;
    private final SignInHistory signInHistory = new SignInHistory();
    private TenantSignOut tenantSignOut;
    /** Stops whatever the current screen has running; called when the screen changes or the app quits. */
    private Runnable stopCurrentScreen = () -> { };
    private final Optional<WindowPlacement> placement;
    private ThemeManager themes;

    /** @param placement where the window's place is remembered between runs (none in tests) */
    public AppShell(Stage stage, AppContext context, Optional<WindowPlacement> placement) {
        this.stage = stage;
        this.context = context;
        this.placement = placement;
    }

    /** Shows the first screen at once; slow services start only after it is on screen. */
    public void start() {
        // The theme before the first scene, so the first frame is drawn once, in its colours.
        // The system's scheme is read (in the background) only when the theme follows it.
        ThemeSetting theme = context.themeSetting();
        themes = new ThemeManager(theme, theme == ThemeSetting.SYSTEM ? SystemColorScheme.readEarly()
                        : CompletableFuture.completedFuture(Optional.empty()),
                () -> SystemColorScheme.ofThisSystem().readInBackground(), this::rememberTheme);
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(ThemeManager.appStylesheet());
        stage.setTitle(context.config().installer().productName().orElse(context.messages().get("app.title")));
        stage.setScene(scene);
        // Below this size the settings screen would cut its buttons and cells.
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // Some window managers open a window at its minimum size unless it asks for one explicitly.
        stage.setWidth(WIDTH);
        stage.setHeight(HEIGHT);
        placement.ifPresent(place -> place.restore(stage));
        showStart();
        stage.show();
        // The demo tenant's key generation and the HTTP clients would compete with the first frame for the
        // CPU: they start once it is on screen.
        StartupMarker.afterFirstFrame(scene, () -> {
            AppIcons.apply(stage); // decoding six PNGs need not delay the first frame
            context.startInBackground();
            StartupMarker.tenant(context.config());
            StartupMarker.servicesStarting(context.signInService());
        });
    }

    /**
     * The sign-in screen, or the connect screen when the user's settings file is what makes the configuration
     * unusable (and the build offers that screen): there the bad field is marked and saving repairs the file.
     */
    private void showStart() {
        boolean settingsFileProblem = context.configProblem()
                .flatMap(ConfigException::source).filter(source -> source == ConfigException.Source.SETTINGS_FILE)
                .isPresent();
        if (settingsFileProblem && context.config().installer().offerConnect()) {
            showConnect();
        } else {
            showSignIn(StatusMessage.NONE, AuthorizeOptions.primarySignIn());
        }
    }

    /** "Connect your Auth0 tenant": Save continues with the saved tenant, Cancel comes back here unchanged. */
    private void showConnect() {
        stopCurrentScreen.run();
        ConnectContext connect = new ConnectContext(context.messages(), context.errors(), context.tasks(),
                new TenantCheck(context.proxies()), context.userSettings(), context.config(), context.configProblem(),
                ConnectContext.DEFAULT_CHECK_TIMEOUT);
        ConnectViewModel viewModel = new ConnectViewModel(connect, new ConnectViewModel.Exits() {
            @Override
            public void saved() {
                continueWithSavedSettings();
            }

            @Override
            public void tryDemo() {
                switchToDemo();
            }

            @Override
            public void cancelled() {
                showSignIn(StatusMessage.NONE, AuthorizeOptions.primarySignIn());
            }
        });
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren().setAll(ConnectView.create(viewModel, context.messages())); // it focuses its first field
    }

    /** After the connect screen saved the settings file: the app continues as it would start now. */
    private void continueWithSavedSettings() {
        AppContext saved = context.reloaded();
        context.close();
        context = saved;
        showStart();
        context.startInBackground();
    }

    /**
     * Saves the theme chosen in the menu to the settings file, in the background; the other settings stay as they are.
     * A file with a setting that saving would drop (an unknown key, an unusable value) is left alone: repairing it is
     * the connect screen's job, with the person looking. The theme then holds for this run only.
     */
    private void rememberTheme(ThemeSetting choice) {
        UserSettingsFile file = context.userSettings();
        context.tasks().run(() -> {
            if (file.droppedOnSave(Set.of(ConfigLoader.THEME)).isEmpty()) {
                file.save(Map.of(ConfigLoader.THEME, choice.value()));
            }
            return null;
        }, saved -> { }, failure -> { });
    }

    /** Quitting mid-flow cancels the flow: windows close, requests not yet sent are not sent. */
    public void shutdown() {
        placement.ifPresent(place -> place.save(stage));
        stopCurrentScreen.run();
        if (tenantSignOut != null) {
            tenantSignOut.close();
        }
        context.close();
        context.tasks().close();
    }

    private void showSignIn(StatusMessage status, AuthorizeOptions mainSignIn) {
        stopCurrentScreen.run();
        SignInViewModel viewModel = new SignInViewModel(context, signInFlows(), mainSignIn, this::showSettings, status);
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren().setAll(SignInView.create(viewModel, context.messages(), this::switchToDemo, this::showConnect,
                Optional.of(ThemeMenu.create(themes, context.messages()))));
        focus("#signInButton");
    }

    private void showSettings(SignedInAccount account) {
        SettingsContext settings = new SettingsContext(context.signInService().join().settings(), context.messages(),
                context.errors(), context.tasks(), signInFlows(), RequestPolicy.sleeping(context.clock()));
        SettingsViewModel viewModel = new SettingsViewModel(settings, account,
                new ConfirmationDialogs(context.messages(), () -> stage, context.clock()), this::signOut);
        stopCurrentScreen.run();
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren().setAll(load("/dev/accountlinker/ui/settings/settings.fxml",
                new SettingsController(viewModel, context.messages(), this::signInAgain,
                        Optional.of(ThemeMenu.create(themes, context.messages())))));
        viewModel.refresh();
    }

    /**
     * Ends the tenant's session wherever a sign-in left one (see {@link TenantSignOut}); the next sign-in asks for
     * a login whatever session a browser may still hold.
     */
    private void signOut(Confirmations.SignOut choice) {
        if (tenantSignOut == null) {
            tenantSignOut = new TenantSignOut(context.messages(), context.loginSettings(), context.tasks(),
                    context.config().ways(), webSession(), signInHistory);
        }
        tenantSignOut.signOut(context.signInService().join(), choice.federated());
        showSignIn(StatusMessage.info(context.messages().get("signin.signedOut")),
                AuthorizeOptions.primarySignInAfterSignOut());
    }

    private TenantSignOut.WebSession webSession() {
        AppContext current = context;
        return new TenantSignOut.WebSession() {
            @Override
            public boolean isActive() {
                return current.hasWebSession();
            }

            @Override
            public void clear() {
                current.clearWebSession();
            }

            @Override
            public File dataFolder() {
                return current.webDataFolder();
            }
        };
    }

    private void signInAgain() {
        context.clearWebSession();
        showSignIn(StatusMessage.NONE, AuthorizeOptions.primarySignIn());
    }

    /** Leaves a broken configuration behind and starts over with the built-in demo tenant. */
    private void switchToDemo() {
        AppContext demo = context.demoInstead();
        context.close();
        context = demo;
        showSignIn(StatusMessage.NONE, AuthorizeOptions.primarySignIn());
        context.startInBackground();
    }

    private SignInFlows signInFlows() {
        AppContext current = context;
        LoginLaunchers launchers = new LoginLaunchers(
                () -> new LoginWindow(current.messages(), () -> stage, current.loginSettings(), current.tasks(),
                        current::webDataFolder, () -> whyUnreachable(current)),
                () -> new BrowserLogin(current.messages(), () -> stage, current.loginSettings(), current.tasks(),
                        current.config().ways().loopbackPorts()),
                current.config().ways());
        return new SignInFlows(current.signInService(), current.tasks(), launchers, signInHistory);
    }

    /** What the connect screen's check says about the tenant's reachability, when it is not reachable. */
    private static Optional<UserMessage> whyUnreachable(AppContext current) {
        try {
            return new TenantCheck(current.proxies()).run(current.signInService().join().settings().address())
                    .lines().stream()
                    .filter(line -> line.item() == TenantCheck.Item.REACHABLE && !line.passed())
                    .findFirst()
                    .map(TenantCheck.Line::message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void focus(String query) {
        // After the next layout pulse: on GTK the scene moves the focus off a removed control (the previous screen's)
        // to its first control during that pulse, which would win over an earlier request.
        Scene scene = root.getScene();
        if (scene == null) {
            Platform.runLater(() -> focusNow(query));
            return;
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(() -> focusNow(query));
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    private void focusNow(String query) {
        Node node = root.lookup(query);
        if (node == null) {
            return;
        }
        if (!node.isDisabled()) {
            node.requestFocus();
            return;
        }
        // Disabled while the screen gets ready (after a sign-out, while the tenant's session ends): it takes the
        // focus once it can, instead of leaving it on whatever control comes first (the theme menu).
        node.disabledProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean disabled) {
                if (!disabled) {
                    observable.removeListener(this);
                    if (node.getScene() != null) {
                        node.requestFocus();
                    }
                }
            }
        });
    }

    private Parent load(String resource, Object controller) {
        FXMLLoader loader = new FXMLLoader(AppShell.class.getResource(resource), context.messages().bundle());
        loader.setControllerFactory(type -> controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("A screen of the application itself failed to load: " + resource, e);
        }
    }
}
