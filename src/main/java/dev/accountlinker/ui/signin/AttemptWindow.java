package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.AppIcons;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.theme.ThemeManager;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The modal window of one sign-in attempt, shared by the embedded login page and the system-browser wait: owned
 * by the main window, titled by its purpose, ended by Cancel, Escape, closing it, or its deadline — always as a
 * completed result, never a hang. Once the result is complete (by whatever means), the window closes.
 */
final class AttemptWindow {
    private final Stage stage = new Stage();
    private final CompletableFuture<CallbackResponse> result = new CompletableFuture<>();
    private final Window owner;
    /** Why the attempt stopped working (a page that did not load): a cancel or the deadline then says so. */
    private AuthException problem;

    AttemptWindow(Messages messages, Window owner, LoginPurpose purpose) {
        this.owner = owner;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(messages.get(purpose.titleKey()));
        AppIcons.apply(stage);
    }

    CompletableFuture<CallbackResponse> result() {
        return result;
    }

    void succeed(CallbackResponse callback) {
        result.complete(callback);
    }

    void fail(AuthException failure) {
        result.completeExceptionally(failure);
    }

    void cancel() {
        fail(problem != null ? problem : AuthException.cancelled());
    }

    /**
     * Remembers why the attempt cannot go on (until {@link #problemSolved()}): ending it by Cancel, Escape, closing
     * or its deadline then reports this instead of "cancelled", so the main window can say what went wrong.
     */
    void problem(AuthException failure) {
        problem = failure;
    }

    void problemSolved() {
        problem = null;
    }

    /**
     * Shows {@code content}; {@code beforeClose} releases what the attempt holds (page, listener) once the result
     * is complete. The deadline goes through the task runner so tests can end it without waiting.
     */
    void show(Parent content, TaskRunner tasks, Duration timeout, Runnable beforeClose) {
        stage.setScene(new Scene(content));
        // The theme is every window's user-agent stylesheet; the app's own styles go on each scene.
        stage.getScene().getStylesheets().add(ThemeManager.appStylesheet());
        stage.getScene().setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                cancel();
            }
        });
        // Closing the window by its title bar is a cancel, never a hang.
        stage.setOnHidden(event -> cancel());
        TaskRunner.Running deadline =
                tasks.schedule(timeout, () -> fail(problem != null ? problem : AuthException.timedOut()));
        // Deferred: a listener that completes the result (the redirect catcher) must return before the page goes.
        result.whenComplete((value, failure) -> Platform.runLater(() -> {
            deadline.cancel();
            beforeClose.run();
            if (stage.isShowing()) {
                stage.hide();
            }
            // Back from the browser or the login page: bring the app forward again.
            if (failure == null && owner instanceof Stage ownerStage) {
                ownerStage.toFront();
            }
        }));
        stage.show();
    }

    Stage stage() {
        return stage;
    }
}
