package dev.accountlinker.ui.login;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.LoopbackReceiver;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.TaskRunner;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sign-in in the user's own browser (RFC 8252): a loopback listener takes the redirect, while a small window
 * says where to look and offers Cancel and "Open the browser again"; an overall deadline ends a forgotten
 * attempt. One instance per attempt.
 */
public final class BrowserLogin implements LoginLauncher {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final LoginSettings settings;
    private final TaskRunner tasks;
    private final int loopbackPort;
    private LoopbackReceiver receiver;

    /** @param loopbackPort 0 for any free port */
    public BrowserLogin(Messages messages, Supplier<Window> owner, LoginSettings settings, TaskRunner tasks,
                        int loopbackPort) {
        this.messages = messages;
        this.owner = owner;
        this.settings = settings;
        this.tasks = tasks;
        this.loopbackPort = loopbackPort;
    }

    @Override
    public Optional<URI> prepare() throws AuthException {
        receiver = LoopbackReceiver.start(loopbackPort, new LoopbackReceiver.Pages(
                page(messages.get("browser.page.successTitle"), messages.get("browser.page.success")),
                page(messages.get("browser.page.errorTitle"), messages.get("browser.page.error"))));
        return Optional.of(receiver.redirectUri());
    }

    private String page(String title, String text) {
        return "<!DOCTYPE html><html lang=\"" + escape(messages.bundle().getLocale().getLanguage()) + "\"><head>"
                + "<meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;margin:4em auto;max-width:32em;text-align:center;color:#212529}</style>"
                + "</head><body><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public CompletableFuture<CallbackResponse> open(AuthorizationRequest request, LoginPurpose purpose) {
        AttemptWindow window = new AttemptWindow(messages, owner.get(), purpose);
        receiver.awaitCallback(request.state()).whenComplete((callback, failure) -> {
            if (failure != null) {
                window.result().completeExceptionally(failure);
            } else {
                window.succeed(callback);
            }
        });
        window.show(layout(request, window), 460, 220, tasks, settings.timeout(), receiver::close);
        settings.browserOpener().accept(request.url());
        return window.result();
    }

    private VBox layout(AuthorizationRequest request, AttemptWindow window) {
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
        openAgain.setOnAction(event -> settings.browserOpener().accept(request.url()));
        Button cancel = new Button(messages.get("login.cancel"));
        cancel.setId("browserCancelButton");
        cancel.setCancelButton(true);
        cancel.setMnemonicParsing(false);
        cancel.setAccessibleHelp(messages.get("login.cancel.help"));
        cancel.setOnAction(event -> window.cancel());

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
        if (receiver != null) {
            receiver.close();
        }
    }
}
