package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.SignInPages;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.Icons;
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
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The tenant's Universal Login page in an embedded {@link WebView}. The redirect to our redirect URI is
 * caught in {@code locationProperty} and the load is cancelled right there, so the callback is never
 * requested nor rendered. Closing the window, Escape or Cancel end the attempt cleanly; a page that fails
 * to load shows its error and a Retry button; an overall deadline stops a forgotten attempt.
 *
 * <p>An address line above the page names the host of every page it shows (a lock for https, "Not secure" for plain
 * http, the computer for the demo tenant), and a navigation to any other host than the tenant's and the identity
 * providers' ({@code sign-in-hosts}) is cancelled in the same listener, right after the redirect catch, and
 * explained in the window (RFC 8252 §8.12: an embedded browser must not become a browser onto anything).
 */
public final class LoginWindow implements LoginLauncher {
    private static final String BLANK = "about:blank";
    private final Messages messages;
    private final Supplier<Window> owner;
    private final LoginSettings settings;
    private final TaskRunner tasks;
    private final Supplier<File> webDataFolder;
    private final Supplier<Optional<UserMessage>> whyUnreachable;
    private final List<String> signInHosts;

    /**
     * @param webDataFolder  WebKit's private storage folder for this run, made on first use
     * @param whyUnreachable after a page failed to load: checks the tenant (blocking, run in the background) and says
     *                       what went wrong in plain words — name not found, refused, timed out, TLS — or nothing
     *                       when the tenant answers; WebKit's own reasons are vague ("Connection refused by server"
     *                       for a name that does not resolve)
     * @param signInHosts    the identity providers' hosts the window may show besides the tenant's
     */
    public LoginWindow(
            Messages messages,
            Supplier<Window> owner,
            LoginSettings settings,
            TaskRunner tasks,
            Supplier<File> webDataFolder,
            Supplier<Optional<UserMessage>> whyUnreachable,
            List<String> signInHosts) {
        this.messages = messages;
        this.owner = owner;
        this.settings = settings;
        this.tasks = tasks;
        this.webDataFolder = webDataFolder;
        this.whyUnreachable = whyUnreachable;
        this.signInHosts = List.copyOf(signInHosts);
    }

    @Override
    public CompletableFuture<CallbackResponse> open(AuthorizationRequest request, LoginPurpose purpose) {
        return new Attempt(request, new AttemptWindow(messages, owner.get(), purpose)).open();
    }

    private final class Attempt {
        private final AuthorizationRequest request;
        private final AttemptWindow window;
        private final SignInPages pages;
        private final StackPane content = new StackPane();
        private final Label host = new Label();
        private final Label notSecure = new Label();
        /** What the address line's icon means, in words, for the mouse as for screen readers. */
        private final Tooltip hostMeaning = new Tooltip();

        private final Label blockedMessage = new Label();
        private final Label blockedAdvice = new Label();
        private final Button back = new Button(messages.get("login.blocked.back"));
        private final VBox blocked = new VBox(14);
        private final ProgressBar progress = new ProgressBar();
        private final Label status = new Label();
        private final Button retry = new Button(messages.get("login.retry"));
        private WebView webView;
        /** Counts page loads, so a late explanation of a failure is not shown over a Retry. */
        private int loads;

        Attempt(AuthorizationRequest request, AttemptWindow window) {
            this.request = request;
            this.window = window;
            // The authorize URL is the tenant's own page: its host is the tenant's.
            this.pages = SignInPages.forTenant(URI.create(request.url()), signInHosts);
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
            root.setTop(new VBox(addressLine(), progress));
            blockedPane();
            root.setBottom(bottom);
            root.getStyleClass().add("login-window");
            return root;
        }

        /** The host of the page shown, as a browser's address line names it; the tenant's until a page loads. */
        private HBox addressLine() {
            host.setId("loginHostLabel");
            host.getStyleClass().add("login-host");
            host.setMinWidth(0);
            // A host too long for the line loses its start, as in a browser: the end names the site.
            host.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            host.setAccessibleRole(AccessibleRole.TEXT);
            host.setTooltip(hostMeaning);
            hostMeaning.textProperty().bind(host.accessibleTextProperty());
            notSecure.setId("loginNotSecureLabel");
            notSecure.setText(messages.get("login.notSecure"));
            notSecure.getStyleClass().add("login-not-secure");
            notSecure.setMinWidth(Region.USE_PREF_SIZE);
            notSecure.managedProperty().bind(notSecure.visibleProperty());
            pages.decide(request.url())
                    .filter(SignInPages.Allowed.class::isInstance)
                    .map(decision -> ((SignInPages.Allowed) decision).page())
                    .ifPresent(this::showPage);
            HBox line = new HBox(8, notSecure, host);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("login-address");
            return line;
        }

        private void showPage(SignInPages.Page page) {
            host.setText(page.host());
            switch (page.security()) {
                case SECURE -> {
                    host.setGraphic(Icons.of(Icons.Glyph.SECURE, 16));
                    host.setAccessibleText(messages.get("login.host.secure", page.host()));
                }
                case THIS_COMPUTER -> {
                    host.setGraphic(Icons.of(Icons.Glyph.THIS_COMPUTER, 16));
                    host.setAccessibleText(messages.get("login.host.thisComputer", page.host()));
                }
                case NOT_SECURE -> {
                    host.setGraphic(null); // the "Not secure" mark carries the open lock
                    host.setAccessibleText(messages.get("login.host.notSecure", page.host()));
                }
            }
            notSecure.setGraphic(Icons.of(Icons.Glyph.NOT_SECURE, 16));
            notSecure.setVisible(page.security() == SignInPages.Security.NOT_SECURE);
        }

        /** What the window shows instead of a page it stopped: never a blank page. */
        private void blockedPane() {
            Label title = new Label(messages.get("login.blocked.title"), Icons.of(Icons.Glyph.BLOCKED, 28));
            title.getStyleClass().add("login-blocked-title");
            title.setWrapText(true);
            blockedMessage.setId("loginBlockedMessage");
            blockedAdvice.setId("loginBlockedAdvice");
            for (Label text : List.of(blockedMessage, blockedAdvice)) {
                text.setWrapText(true);
                text.setMinHeight(Region.USE_PREF_SIZE);
                text.setAccessibleRole(AccessibleRole.TEXT);
            }
            blockedAdvice.getStyleClass().add("login-blocked-advice");
            back.setId("loginBlockedBackButton");
            back.setMinWidth(Region.USE_PREF_SIZE);
            back.setAccessibleHelp(messages.get("login.blocked.back.help"));
            back.setOnAction(event -> reload());
            blocked.getChildren().setAll(title, blockedMessage, blockedAdvice, back);
            blocked.getStyleClass().add("login-blocked");
            blocked.setPadding(new Insets(32));
            blocked.setAlignment(Pos.CENTER_LEFT);
            blocked.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            blocked.setVisible(false);
        }

        private void showBlocked(String shownAs) {
            blockedMessage.setText(messages.get("login.blocked.message", shownAs));
            blockedAdvice.setText(messages.get("login.blocked.admin", shownAs));
            blocked.setAccessibleText(messages.get("login.blocked.title") + ". " + blockedMessage.getText());
            webView.setVisible(false);
            blocked.setVisible(true);
            progress.setVisible(false);
            status.setText("");
            retry.setVisible(false);
            window.problem(new AuthException(AuthException.Reason.PAGE_BLOCKED, shownAs));
            back.requestFocus();
        }

        private void hideBlocked() {
            if (blocked.isVisible()) {
                blocked.setVisible(false);
                webView.setVisible(true);
                window.problemSolved();
            }
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
            content.getChildren().setAll(webView, blocked);
            engine.load(request.url());
        }

        private ChangeListener<String> redirectCatcher(WebEngine engine) {
            return (observable, old, location) -> {
                if (window.result().isDone()) {
                    return; // the page is being released
                }
                Optional<CallbackResponse> callback = CallbackResponse.match(location, request.redirectUri());
                if (callback.isPresent()) {
                    // Cancel inside the listener: deferring it would let the callback request out.
                    engine.getLoadWorker().cancel();
                    window.succeed(callback.get());
                    return;
                }
                pages.decide(location).ifPresent(decision -> {
                    if (decision instanceof SignInPages.Blocked stopped) {
                        // Here too: an HTTP redirect to that host is never requested. A navigation a script starts
                        // is seen as WebKit starts it, and its request may already be out (measured: sometimes it
                        // is): the page is dropped as well, so nothing of it shows or runs behind the message.
                        engine.getLoadWorker().cancel();
                        Platform.runLater(() -> engine.load(BLANK));
                        showBlocked(stopped.shownAs());
                    } else if (decision instanceof SignInPages.Allowed allowed) {
                        // Also when WebKit goes back to the page it showed after a cancel: the message stays until
                        // the person asks for the sign-in page again.
                        showPage(allowed.page());
                    }
                });
            };
        }

        private void onLoadState(WebEngine engine, Worker.State state) {
            if (window.result().isDone() || blocked.isVisible()) {
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
            hideBlocked();
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
