package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Window;

import java.io.File;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The tenant's Universal Login page in an embedded {@link WebView}. The redirect to our redirect URI is
 * caught in {@code locationProperty} and the load is cancelled right there, so the callback is never
 * requested nor rendered. Closing the window, Escape or Cancel end the attempt cleanly; a page that fails
 * to load shows its error and a Retry button; an overall deadline stops a forgotten attempt.
 */
public final class LoginWindow implements LoginLauncher {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final LoginSettings settings;
    private final TaskRunner tasks;
    private final Supplier<File> webDataFolder;
    private final Supplier<Optional<UserMessage>> whyUnreachable;

    /**
     * @param webDataFolder  WebKit's private storage folder for this run, made on first use
     * @param whyUnreachable after a page failed to load: checks the tenant (blocking, run in the background) and says
     *                       what went wrong in plain words — name not found, refused, timed out, TLS — or nothing
     *                       when the tenant answers; WebKit's own reasons are vague ("Connection refused by server"
     *                       for a name that does not resolve)
     */
    public LoginWindow(
            Messages messages,
            Supplier<Window> owner,
            LoginSettings settings,
            TaskRunner tasks,
            Supplier<File> webDataFolder,
            Supplier<Optional<UserMessage>> whyUnreachable) {
        this.messages = messages;
        this.owner = owner;
        this.settings = settings;
        this.tasks = tasks;
        this.webDataFolder = webDataFolder;
        this.whyUnreachable = whyUnreachable;
    }

    @Override
    public CompletableFuture<CallbackResponse> open(AuthorizationRequest request, LoginPurpose purpose) {
        return new Attempt(request, new AttemptWindow(messages, owner.get(), purpose)).open();
    }

    private final class Attempt {
        private final AuthorizationRequest request;
        private final AttemptWindow window;
        private final StackPane content = new StackPane();
        private final ProgressBar progress = new ProgressBar();
        private final Label status = new Label();
        private final Button retry = new Button(messages.get("login.retry"));
        private WebView webView;
        /** Counts page loads, so a late explanation of a failure is not shown over a Retry. */
        private int loads;

        Attempt(AuthorizationRequest request, AttemptWindow window) {
            this.request = request;
            this.window = window;
        }

        CompletableFuture<CallbackResponse> open() {
            BorderPane root = layout();
            root.setPrefSize(520, 680);
            window.show(root, tasks, settings.timeout(), this::releasePage);
            // Let the window (with its spinner) paint first, and make the WebView only once WebKit's native library
            // is in: it loads on a background thread (WebKitWarmUp), so the JavaFX thread never waits for it.
            WebKitWarmUp.start().thenRun(() -> Platform.runLater(this::createWebView));
            return window.result();
        }

        private BorderPane layout() {
            progress.setId("loginProgress");
            progress.setMaxWidth(Double.MAX_VALUE);
            progress.setAccessibleText(messages.get("login.progress"));
            progress.setProgress(ProgressIndicator.INDETERMINATE_PROGRESS);

            ProgressIndicator opening = new ProgressIndicator();
            opening.setAccessibleText(messages.get("login.opening"));
            Label openingLabel = new Label(messages.get("login.opening"));
            VBox placeholder = new VBox(12, opening, openingLabel);
            placeholder.setAlignment(Pos.CENTER);
            content.getChildren().add(placeholder);

            status.setId("loginStatus");
            status.setWrapText(true);
            status.setMaxWidth(Double.MAX_VALUE);
            status.managedProperty().bind(status.textProperty().isEmpty().not());
            status.getStyleClass().add("error");
            status.setAccessibleRole(AccessibleRole.TEXT);
            retry.setId("loginRetryButton");
            retry.setMinWidth(Region.USE_PREF_SIZE);
            retry.setAccessibleHelp(messages.get("login.retry.help"));
            retry.setVisible(false);
            retry.managedProperty().bind(retry.visibleProperty());
            retry.setOnAction(event -> reload());

            Button cancel = new Button(messages.get("login.cancel"));
            cancel.setId("loginCancelButton");
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            cancel.setCancelButton(true);
            cancel.setAccessibleHelp(messages.get("login.cancel.help"));
            cancel.setOnAction(event -> window.cancel());

            // For providers that refuse embedded browsers (Google's "disallowed_useragent") or break in them.
            Hyperlink inBrowser = new Hyperlink(messages.get("login.continueInBrowser"));
            inBrowser.setId("continueInBrowserLink");
            inBrowser.setAccessibleHelp(messages.get("login.continueInBrowser.help"));
            inBrowser.setOnAction(event -> window.fail(new AuthException(AuthException.Reason.SWITCH_TO_BROWSER, "")));

            // The message gets a row of its own and the link wraps: the buttons keep their whole text at any
            // window size and in any language.
            inBrowser.setWrapText(true);
            inBrowser.setMinHeight(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox buttons = new HBox(8, inBrowser, spacer, retry, cancel);
            buttons.setAlignment(Pos.CENTER_RIGHT);
            VBox bottom = new VBox(6, status, buttons);
            bottom.setPadding(new Insets(8));

            BorderPane root = new BorderPane(content);
            root.setTop(progress);
            root.setBottom(bottom);
            root.getStyleClass().add("login-window");
            return root;
        }

        private void createWebView() {
            if (window.result().isDone()) {
                return;
            }
            webView = new WebView();
            webView.setId("loginWebView");
            webView.setAccessibleText(messages.get("login.webview"));
            WebEngine engine = webView.getEngine();
            engine.setUserDataDirectory(webDataFolder.get());
            engine.locationProperty().addListener(redirectCatcher(engine));
            engine.getLoadWorker().stateProperty().addListener((observable, old, state) -> onLoadState(engine, state));
            progress.progressProperty().bind(engine.getLoadWorker().progressProperty());
            content.getChildren().setAll(webView);
            engine.load(request.url());
        }

        private ChangeListener<String> redirectCatcher(WebEngine engine) {
            return (observable, old, location) -> {
                Optional<CallbackResponse> callback = CallbackResponse.match(location, request.redirectUri());
                if (callback.isPresent()) {
                    // Cancel inside the listener: deferring it would let the callback request out.
                    engine.getLoadWorker().cancel();
                    window.succeed(callback.get());
                }
            };
        }

        private void onLoadState(WebEngine engine, Worker.State state) {
            if (window.result().isDone()) {
                return;
            }
            progress.setVisible(state == Worker.State.RUNNING || state == Worker.State.SCHEDULED);
            if (state == Worker.State.FAILED) {
                Throwable failure = engine.getLoadWorker().getException();
                String reason = failure != null && failure.getMessage() != null ? failure.getMessage() : "";
                showLoadFailure(reason);
                retry.setVisible(true);
                retry.requestFocus();
                int failedLoad = loads;
                tasks.run(
                        whyUnreachable::get,
                        diagnosis -> diagnosis.ifPresent(message -> {
                            if (failedLoad == loads) { // not after a Retry
                                showLoadFailure(messages.format(message));
                            }
                        }),
                        ignored -> {});
            } else if (state == Worker.State.RUNNING) {
                status.setText("");
                retry.setVisible(false);
            } else if (state == Worker.State.SUCCEEDED) {
                window.problemSolved();
            }
        }

        private void showLoadFailure(String reason) {
            if (window.result().isDone()) {
                return;
            }
            status.setText(messages.get("signin.error.pageLoad", reason));
            window.problem(new AuthException(AuthException.Reason.PAGE_LOAD_FAILED, reason));
        }

        private void reload() {
            status.setText("");
            retry.setVisible(false);
            loads++;
            webView.getEngine().load(request.url());
        }

        /** Stops any page activity and releases the page before the window goes. */
        private void releasePage() {
            if (webView != null) {
                webView.getEngine().load(null);
            }
        }
    }
}
