package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.ui.login.BrowserLogin;
import dev.accountlinker.ui.login.LoginLaunchers;
import dev.accountlinker.ui.login.LoginWindow;
import dev.accountlinker.ui.settings.SettingsController;
import dev.accountlinker.ui.settings.SettingsViewModel;
import dev.accountlinker.ui.signin.SignInView;
import dev.accountlinker.ui.signin.SignInViewModel;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** The main window: shows the sign-in screen or the settings screen and moves between them. */
public final class AppShell {
    public static final double WIDTH = 900;
    public static final double HEIGHT = 620;

    private final Stage stage;
    private final StackPane root = new StackPane();
    private AppServices services;
    /** Stops whatever the current screen has running; called when the screen changes or the app quits. */
    private Runnable stopCurrentScreen = () -> { };

    public AppShell(Stage stage, AppServices services) {
        this.stage = stage;
        this.services = services;
    }

    /** Shows the first screen at once; slow services start only after it is on screen. */
    public void start() {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(AppShell.class.getResource("/dev/accountlinker/ui/app.css").toExternalForm());
        stage.setTitle(services.messages().get("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        showSignIn(StatusMessage.NONE);
        stage.show();
        // The demo tenant's key generation and the HTTP clients would compete with the first frame for the
        // CPU: they start once it is on screen.
        StartupMarker.afterFirstFrame(scene, () -> {
            AppIcons.apply(stage); // decoding six PNGs need not delay the first frame
            services.startInBackground();
            StartupMarker.servicesStarting(services.signInService());
        });
    }

    public AppServices services() {
        return services;
    }

    /** Quitting mid-flow cancels the flow: windows close, requests not yet sent are not sent. */
    public void shutdown() {
        stopCurrentScreen.run();
        services.close();
    }

    public void showSignIn(StatusMessage status) {
        stopCurrentScreen.run();
        SignInViewModel viewModel = new SignInViewModel(services, loginLaunchers(), this::showSettings, status);
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren().setAll(SignInView.create(viewModel, services.messages(), this::switchToDemo));
        focusDefault();
    }

    public void showSettings(SignedInAccount account) {
        SignInService signIn = services.signInService().join();
        SettingsViewModel viewModel = new SettingsViewModel(signIn.settings(), account, services.messages(),
                services.errors(), services.signInService(), loginLaunchers(), this::signOut);
        stopCurrentScreen.run();
        stopCurrentScreen = viewModel::stopWork;
        root.getChildren().setAll(load("/dev/accountlinker/ui/settings/settings.fxml",
                type -> new SettingsController(viewModel, services.messages(), this::signInAgain)));
        viewModel.refresh();
    }

    private void signOut() {
        services.clearWebSession();
        showSignIn(StatusMessage.info(services.messages().get("signin.signedOut")));
    }

    private void signInAgain() {
        services.clearWebSession();
        showSignIn(StatusMessage.NONE);
    }

    /** Leaves a broken configuration behind and starts over with the built-in demo tenant. */
    private void switchToDemo() {
        AppServices demo = services.demoInstead();
        services.close();
        services = demo;
        showSignIn(StatusMessage.NONE);
        services.startInBackground();
    }

    private LoginLaunchers loginLaunchers() {
        AppServices current = services;
        return new LoginLaunchers(
                () -> new LoginWindow(current.messages(), () -> stage, current.loginTimeout(), current::webDataDirectory).launcher(),
                () -> new BrowserLogin(current.messages(), () -> stage, current.loginTimeout(), current.browserOpener(),
                        current.config().ways().loopbackPorts()),
                current.config().ways());
    }

    private void focusDefault() {
        javafx.application.Platform.runLater(() -> {
            var button = root.lookup("#signInButton");
            if (button != null) {
                button.requestFocus();
            }
        });
    }

    private Parent load(String resource, Function<Class<?>, Object> controllerFactory) {
        FXMLLoader loader = new FXMLLoader(AppShell.class.getResource(resource), services.messages().bundle());
        loader.setControllerFactory(controllerFactory::apply);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("A screen of the application itself failed to load: " + resource, e);
        }
    }
}
