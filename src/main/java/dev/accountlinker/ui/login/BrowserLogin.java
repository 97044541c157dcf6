package dev.accountlinker.ui.login;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.LoopbackPage;
import dev.accountlinker.auth.LoopbackReceiver;
import dev.accountlinker.ui.Messages;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sign-in in the user's own browser (RFC 8252): a loopback listener on a fixed, registrable port takes the
 * redirect, while a small window says where to look and offers Cancel and "Open the browser again"; the
 * listener's own timeout ends a forgotten attempt. One instance per attempt.
 */
public final class BrowserLogin implements LoginLauncher {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final java.time.Duration timeout;
    private final Consumer<String> openBrowser;
    private final List<Integer> loopbackPorts;
    private final Consumer<URI> afterListening;
    private LoopbackReceiver receiver;
    private boolean abandoned;

    /**
     * @param openBrowser   opens a URL in the default browser (HostServices.showDocument; never
     *                      java.awt.Desktop.browse, which can freeze JavaFX)
     * @param loopbackPorts the ports to try in order (SignInWays.loopbackPorts)
     */
    public BrowserLogin(Messages messages, Supplier<Window> owner, java.time.Duration timeout,
                        Consumer<String> openBrowser, List<Integer> loopbackPorts) {
        this(messages, owner, timeout, openBrowser, loopbackPorts, uri -> { });
    }

    /**
     * @param afterListening told, on the preparing thread, once the listener is bound and before
     *                       {@link #prepare()} returns: lets a test hold the attempt at that moment
     */
    public BrowserLogin(Messages messages, Supplier<Window> owner, java.time.Duration timeout,
                        Consumer<String> openBrowser, List<Integer> loopbackPorts, Consumer<URI> afterListening) {
        this.messages = messages;
        this.owner = owner;
        this.timeout = timeout;
        this.openBrowser = openBrowser;
        this.loopbackPorts = List.copyOf(loopbackPorts);
        this.afterListening = afterListening;
    }

    @Override
    public Optional<URI> prepare() throws AuthException {
        LoopbackReceiver started = LoopbackReceiver.start(loopbackPorts, new LoopbackReceiver.Pages(
                page("browser.page.successTitle", "browser.page.success"),
                page("browser.page.errorTitle", "browser.page.error"),
                page("browser.page.notForUsTitle", "browser.page.notForUs")));
        boolean kept;
        try {
            afterListening.accept(started.redirectUri());
        } finally {
            // abandon() (a cancel on the JavaFX thread) may come while this runs, before the listener is ours to
            // close: whichever of the two comes second closes it.
            synchronized (this) {
                kept = !abandoned;
                if (kept) {
                    receiver = started;
                }
            }
            if (!kept) {
                started.close();
            }
        }
        if (!kept) {
            throw new AuthException(AuthException.Reason.CANCELLED, "");
        }
        return Optional.of(started.redirectUri());
    }

    private String page(String titleKey, String textKey) {
        return LoopbackPage.html(messages.bundle().getLocale().getLanguage(), messages.get(titleKey), messages.get(textKey));
    }

    @Override
    public CompletableFuture<CallbackResponse> open(AuthorizationRequest request, String titleKey) {
        CompletableFuture<CallbackResponse> result = new CompletableFuture<>();
        // The listener's own timer ends a forgotten attempt (TIMED_OUT) and frees the port.
        receiver.awaitCallback(request.state(), timeout).whenComplete((callback, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(callback);
            }
        });
        Stage stage = new Stage();
        Window ownerWindow = owner.get();
        if (ownerWindow != null) {
            stage.initOwner(ownerWindow);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(messages.get(titleKey));
        stage.setScene(new Scene(layout(request, result), 460, 220));
        stage.getScene().setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                result.completeExceptionally(new AuthException(AuthException.Reason.CANCELLED, ""));
            }
        });
        stage.setOnHidden(event -> result.completeExceptionally(new AuthException(AuthException.Reason.CANCELLED, "")));
        result.whenComplete((value, failure) -> {
            receiver.close();
            Platform.runLater(() -> {
                if (stage.isShowing()) {
                    stage.hide();
                }
                // Back from the browser: bring the app forward again.
                if (ownerWindow instanceof Stage ownerStage && failure == null) {
                    ownerStage.toFront();
                }
            });
        });
        stage.show();
        openBrowser.accept(request.url());
        return result;
    }

    private VBox layout(AuthorizationRequest request, CompletableFuture<CallbackResponse> result) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("browserProgress");
        progress.setPrefSize(28, 28);
        progress.setAccessibleText(messages.get("browser.waiting"));
        Label heading = new Label(messages.get("browser.waiting"));
        heading.getStyleClass().add("section-heading");
        Label explanation = new Label(messages.get("browser.explanation"));
        explanation.setWrapText(true);

        Button openAgain = new Button(messages.get("browser.openAgain"));
        openAgain.setId("browserOpenAgainButton");
        openAgain.setMnemonicParsing(false);
        openAgain.setAccessibleHelp(messages.get("browser.openAgain.help"));
        openAgain.setOnAction(event -> openBrowser.accept(request.url()));
        Button cancel = new Button(messages.get("login.cancel"));
        cancel.setId("browserCancelButton");
        cancel.setCancelButton(true);
        cancel.setMnemonicParsing(false);
        cancel.setAccessibleHelp(messages.get("login.cancel.help"));
        cancel.setOnAction(event -> result.completeExceptionally(new AuthException(AuthException.Reason.CANCELLED, "")));

        HBox top = new HBox(12, progress, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, openAgain, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(14, top, explanation, buttons);
        root.setPadding(new Insets(18));
        root.getStyleClass().add("browser-wait");
        return root;
    }

    @Override
    public void abandon() {
        LoopbackReceiver taken;
        synchronized (this) {
            abandoned = true;
            taken = receiver;
        }
        if (taken != null) {
            taken.close();
        }
    }
}
