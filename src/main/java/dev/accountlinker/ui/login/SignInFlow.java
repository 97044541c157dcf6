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

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One sign-in from start to finish, used for the main account and for the account to link: wait for the
 * tenant, prepare a fresh authorization (PKCE, state, nonce), get the code in the embedded window or the
 * system browser, then exchange it and validate the ID token in the background. One flow, two ways to get
 * the code; the user can move from the embedded window to the browser mid-attempt. Callbacks run on the
 * JavaFX thread; {@link #cancel()} stops whatever step is running and calls neither.
 */
public final class SignInFlow {
    /** The step the flow is in, for the progress text. */
    public enum Step { STARTING_TENANT, PREPARING, WAITING_FOR_USER, WAITING_FOR_BROWSER, FINISHING }

    private final CompletableFuture<SignInService> service;
    private final LoginLaunchers launchers;
    private final AuthorizeOptions options;
    private final String windowTitleKey;
    private final Consumer<Step> onStep;
    private final Consumer<SignedInAccount> onSuccess;
    private final Consumer<Throwable> onFailure;

    private boolean inBrowser;
    private boolean cancelled;
    private Task<?> runningTask;
    private LoginLauncher launcher;
    private CompletableFuture<CallbackResponse> openPage;

    public SignInFlow(CompletableFuture<SignInService> service, LoginLaunchers launchers, AuthorizeOptions options,
                      String windowTitleKey, Consumer<Step> onStep, Consumer<SignedInAccount> onSuccess,
                      Consumer<Throwable> onFailure) {
        this.service = service;
        this.launchers = launchers;
        this.options = options;
        this.windowTitleKey = windowTitleKey;
        this.onStep = onStep;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.inBrowser = launchers.startsInBrowser(options.connection());
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
        LoginLauncher way = (inBrowser ? launchers.browser() : launchers.embedded()).get();
        launcher = way;
        openPage = null;
        runningTask = Background.run(() -> {
            Optional<URI> redirectUri = way.prepare();
            return ready.newAuthorization(options.withRedirectUri(redirectUri));
        }, request -> openLoginPage(ready, way, request), failure -> {
            way.abandon();
            fail(failure);
        });
    }

    private void openLoginPage(SignInService ready, LoginLauncher way, AuthorizationRequest request) {
        if (cancelled) {
            way.abandon();
            return;
        }
        onStep.accept(inBrowser ? Step.WAITING_FOR_BROWSER : Step.WAITING_FOR_USER);
        openPage = way.open(request, windowTitleKey);
        openPage.whenComplete((callback, failure) -> runOnFxThread(() -> {
            if (cancelled) {
                return;
            }
            Throwable cause = failure == null ? null : unwrap(failure);
            if (cause instanceof AuthException auth && auth.reason() == AuthException.Reason.SWITCH_TO_BROWSER && !inBrowser) {
                // Same flow, same service: a fresh request (new state, nonce, verifier) for the browser way.
                inBrowser = true;
                prepare(ready);
            } else if (cause != null) {
                fail(cause);
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

    /** Stops the flow: closes the login page or browser wait, and cancels a running exchange. Call on the JavaFX thread. */
    public void cancel() {
        cancelled = true;
        if (runningTask != null) {
            runningTask.cancel(true);
        }
        if (openPage != null) {
            openPage.cancel(false);
        } else if (launcher != null) {
            launcher.abandon();
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
