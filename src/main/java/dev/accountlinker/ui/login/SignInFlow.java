package dev.accountlinker.ui.login;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.ui.Background;
import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One sign-in from start to finish, used for the main account and for the account to link: wait for the
 * tenant, prepare a fresh authorization (PKCE, state, nonce), show the login page, then exchange the code
 * and validate the ID token in the background. Callbacks run on the JavaFX thread; {@link #cancel()} stops
 * whatever step is running and calls neither.
 */
public final class SignInFlow {
    /** The step the flow is in, for the progress text. */
    public enum Step { STARTING_TENANT, PREPARING, WAITING_FOR_USER, FINISHING }

    private final CompletableFuture<SignInService> service;
    private final LoginLauncher launcher;
    private final AuthorizeOptions options;
    private final String windowTitleKey;
    private final Consumer<Step> onStep;
    private final Consumer<SignedInAccount> onSuccess;
    private final Consumer<Throwable> onFailure;

    private boolean cancelled;
    private Task<?> runningTask;
    private CompletableFuture<CallbackResponse> openPage;

    public SignInFlow(CompletableFuture<SignInService> service, LoginLauncher launcher, AuthorizeOptions options,
                      String windowTitleKey, Consumer<Step> onStep, Consumer<SignedInAccount> onSuccess,
                      Consumer<Throwable> onFailure) {
        this.service = service;
        this.launcher = launcher;
        this.options = options;
        this.windowTitleKey = windowTitleKey;
        this.onStep = onStep;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    /** Call on the JavaFX thread. */
    public void start() {
        onStep.accept(service.isDone() ? Step.PREPARING : Step.STARTING_TENANT);
        service.whenComplete((ready, failure) -> Platform.runLater(() -> {
            if (cancelled) {
                return;
            }
            if (failure != null) {
                fail(unwrap(failure));
            } else {
                prepare(ready);
            }
        }));
    }

    private void prepare(SignInService ready) {
        onStep.accept(Step.PREPARING);
        runningTask = Background.run(() -> ready.newAuthorization(options), request -> openLoginPage(ready, request), this::fail);
    }

    private void openLoginPage(SignInService ready, AuthorizationRequest request) {
        if (cancelled) {
            return;
        }
        onStep.accept(Step.WAITING_FOR_USER);
        openPage = launcher.open(request, windowTitleKey);
        openPage.whenComplete((callback, failure) -> runOnFxThread(() -> {
            if (cancelled) {
                return;
            }
            if (failure != null) {
                fail(unwrap(failure));
            } else {
                finish(ready, request, callback);
            }
        }));
    }

    private void finish(SignInService ready, AuthorizationRequest request, CallbackResponse callback) {
        onStep.accept(Step.FINISHING);
        runningTask = Background.run(() -> ready.complete(request, callback), account -> {
            if (!cancelled) {
                onSuccess.accept(account);
            }
        }, this::fail);
    }

    private void fail(Throwable failure) {
        if (!cancelled) {
            onFailure.accept(failure);
        }
    }

    /** Stops the flow: closes the login page and cancels a running exchange. Call on the JavaFX thread. */
    public void cancel() {
        cancelled = true;
        if (runningTask != null) {
            runningTask.cancel(true);
        }
        if (openPage != null) {
            openPage.cancel(false);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return new AuthException(AuthException.Reason.CANCELLED, "");
        }
        return cause;
    }

    private static void runOnFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
