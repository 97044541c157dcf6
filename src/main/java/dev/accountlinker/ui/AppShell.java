package dev.accountlinker.ui;

import dev.accountlinker.account.ProfilePictures;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.ui.connect.ConnectContext;
import dev.accountlinker.ui.connect.ConnectView;
import dev.accountlinker.ui.connect.ConnectViewModel;
import dev.accountlinker.ui.settings.ConfirmationDialogs;
import dev.accountlinker.ui.settings.Confirmations;
import dev.accountlinker.ui.settings.SettingsContext;
import dev.accountlinker.ui.settings.SettingsView;
import dev.accountlinker.ui.settings.SettingsViewModel;
import dev.accountlinker.ui.signin.WebKitWarmUp;
import dev.accountlinker.ui.theme.ThemeManager;
import dev.accountlinker.ui.theme.ThemeMenu;
import dev.accountlinker.ui.welcome.WelcomeView;
import dev.accountlinker.ui.welcome.WelcomeViewModel;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.Optional;

/**
 * The main window: shows the sign-in, connect or settings screen and moves between them. Where the focus lands
 * ({@link ScreenFocus}), the theme ({@link RememberedTheme}) and the sessions sign-ins leave ({@link SignInSessions})
 * are kept apart.
 */
public final class AppShell {
    /** The content's size on a first start (the window adds its frame; never larger than the screen). */
    public static final double WIDTH = 900;

    public static final double HEIGHT = 620;
    /** The content's size below which the settings screen would cut its buttons and cells. */
    public static final double MIN_WIDTH = 760;

    public static final double MIN_HEIGHT = 540;

    private final Stage stage;
    private final StackPane root = new StackPane();
    private final ScreenFocus screenFocus = new ScreenFocus(root);
    private final SignInSessions sessions;
    private AppContext context;
    /** Stops whatever the current screen has running; called when the screen changes or the app quits. */
    private Runnable stopCurrentScreen = () -> {};

    private final Optional<WindowPlacement> placement;
    private ThemeManager themes;

    /** @param placement where the window's place is remembered between runs (none in tests) */
    public AppShell(Stage stage, AppContext context, Optional<WindowPlacement> placement) {
        this.stage = stage;
        this.context = context;
        this.placement = placement;
        this.sessions = new SignInSessions(stage);
    }

    /** Shows the first screen at once; slow services start only after it is on screen. */
    public void start() {
        themes = RememberedTheme.start(context.themeSetting(), () -> context);
        // The content's size and minimum, whatever frame the window manager adds (MainWindowSize).
        MainWindowSize size =
                new MainWindowSize(stage, new Dimension2D(WIDTH, HEIGHT), new Dimension2D(MIN_WIDTH, MIN_HEIGHT));
        Scene scene = size.scene(root);
        scene.getStylesheets().add(ThemeManager.appStylesheet());
        stage.setTitle(context.config()
                .installer()
                .productName()
                .orElse(context.messages().get("app.title")));
        stage.setScene(scene);
        size.beforeShow(placement.map(place -> place.restore(stage)).orElse(false));
        showStart();
        stage.show();
        size.afterShow();
        // The demo tenant's key generation and the HTTP clients would compete with the first frame for the
        // CPU: they start once it is on screen.
        StartupMarker.afterFirstFrame(scene, () -> {
            AppIcons.applyInBackground(stage); // decoding six PNGs need not hold the JavaFX thread
            Icons.warmUpInBackground(); // the settings screen's icon font and glyph tables, before sign-in ends
            // WebKit's native library takes ~1 s to load: in the background now, while the person reads, so the
            // login window opens at once (performance, issue 15). Not when every sign-in uses the system browser.
            if (!context.config().ways().useBrowserFor(Optional.empty())) {
                StartupMarker.webKitWarm(WebKitWarmUp.start());
            }
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
                .flatMap(ConfigException::source)
                .filter(source -> source == ConfigException.Source.SETTINGS_FILE)
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
        ConnectContext connect = new ConnectContext(
                context.messages(),
                context.errors(),
                context.tasks(),
                new TenantCheck(context.proxies()),
                context.userSettings(),
                context.config(),
                context.configProblem(),
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

    /** Quitting mid-flow cancels the flow: windows close, requests not yet sent are not sent. */
    public void shutdown() {
        placement.ifPresent(place -> place.save(stage));
        stopCurrentScreen.run();
        sessions.close();
        context.close();
        context.tasks().close();
    }

    private WelcomeViewModel showSignIn(StatusMessage status, AuthorizeOptions mainSignIn) {
        stopCurrentScreen.run();
        WelcomeViewModel viewModel =
                new WelcomeViewModel(context, sessions.flows(context), mainSignIn, this::showSettings, status);
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren()
                .setAll(WelcomeView.create(
                        viewModel,
                        context.messages(),
                        this::switchToDemo,
                        this::showConnect,
                        Optional.of(ThemeMenu.create(themes, context.messages()))));
        screenFocus.focus("#signInButton");
        return viewModel;
    }

    private void showSettings(SignedInAccount account) {
        SettingsContext settings = new SettingsContext(
                context.signInService().join().settings(),
                context.messages(),
                context.errors(),
                context.tasks(),
                sessions.flows(context),
                RequestPolicy.sleeping(context.clock()));
        SettingsViewModel viewModel = new SettingsViewModel(
                settings,
                account,
                new ConfirmationDialogs(
                        context.messages(),
                        () -> stage,
                        context.clock(),
                        ProfilePictures.forTenant(settings.tenant().address())),
                this::signOut);
        stopCurrentScreen.run();
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren()
                .setAll(new SettingsView(
                                viewModel,
                                context.messages(),
                                this::signInAgain,
                                Optional.of(ThemeMenu.create(themes, context.messages())))
                        .load());
        viewModel.refresh();
    }

    /** Ends the tenant's sessions the sign-ins left, then back to the sign-in screen, which asks for a login. */
    private void signOut(Confirmations.SignOut choice) {
        WelcomeViewModel signInScreen = showSignIn(
                StatusMessage.info(context.messages().get("signin.signedOut")),
                AuthorizeOptions.primarySignInAfterSignOut());
        sessions.signOut(
                context, choice.federated(), problem -> signInScreen.replaceStatus(StatusMessage.info(problem)));
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
}
