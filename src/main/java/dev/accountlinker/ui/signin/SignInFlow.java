package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.ui.TaskRunner;

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
 * UI thread; {@link #cancel()} stops whatever step is running and calls neither.
 */
public final class SignInFlow {
    /** The step the flow is in, for the progress text. */
    public enum Step {
        STARTING_TENANT,
        PREPARING,
        WAITING_FOR_USER,
        WAITING_FOR_BROWSER,
        FINISHING
    }

    private final CompletableFuture<SignInService> service;
    private final TaskRunner tasks;
    private final LoginLaunchers launchers;
    private final AuthorizeOptions options;
    private final LoginPurpose purpose;
    private final Consumer<Step> onStep;
    private final Consumer<SignedInAccount> onSuccess;
    private final Consumer<Throwable> onFailure;

    private boolean inBrowser;
    private boolean cancelled;
    private TaskRunner.Running runningTask;
    private LoginLauncher launcher;
    private CompletableFuture<CallbackResponse> openPage;

    public SignInFlow(
            CompletableFuture<SignInService> service,
            TaskRunner tasks,
            LoginLaunchers launchers,
            AuthorizeOptions options,
            LoginPurpose purpose,
            Consumer<Step> onStep,
            Consumer<SignedInAccount> onSuccess,
            Consumer<Throwable> onFailure) {
        this.service = service;
        this.tasks = tasks;
        this.launchers = launchers;
        this.options = options;
        this.purpose = purpose;
        this.onStep = onStep;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.inBrowser = launchers.startsInBrowser(options.connection());
    }

    /** Call on the UI thread. */
    public void start() {
        onStep.accept(service.isDone() ? Step.PREPARING : Step.STARTING_TENANT);
        service.whenComplete((ready, failure) -> tasks.onUiThread(() -> {
            if (cancelled) {
                return;
            }
            if (failure != null) {
                Throwable cause = unwrap(failure);
                // A configuration problem names its setting; anything else means the service could not start.
                fail(
                        cause instanceof ConfigException
                                ? cause
                                : new AuthException(AuthException.Reason.STARTUP_FAILED, "", cause));
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
        runningTask = tasks.run(
                () -> {
                    Optional<URI> redirectUri = way.prepare();
                    return ready.newAuthorization(options.withRedirectUri(redirectUri));
                },
                request -> openLoginPage(ready, way, request),
                failure -> {
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
        openPage = way.open(request, purpose);
        openPage.whenComplete((callback, failure) -> tasks.onUiThread(() -> {
            if (cancelled) {
                return;
            }
            Throwable cause = failure == null ? null : unwrap(failure);
            if (cause instanceof AuthException auth
                    && auth.reason() == AuthException.Reason.SWITCH_TO_BROWSER
                    && !inBrowser) {
                // Same flow, same service: a fresh request (new state, nonce, verifier) for the browser way.
                inBrowser = true;
                prepare(ready);
            } else if (cause instanceof AuthException auth
                    && auth.reason() == AuthException.Reason.SWITCH_TO_EMBEDDED
                    && inBrowser) {
                inBrowser = false;
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
        runningTask = tasks.run(
                () -> ready.complete(request, callback),
                account -> {
                    if (!cancelled) {
                        onSuccess.accept(account);
                    }
                },
                this::fail);
    }

    private void fail(Throwable failure) {
        if (!cancelled) {
            onFailure.accept(failure);
        }
    }

    /** True when the code came (or is coming) through the system browser rather than the embedded window. */
    public boolean usedBrowser() {
        return inBrowser;
    }

    /** Stops the flow: closes the login page or browser wait, and cancels a running exchange. Call on the UI thread. */
    public void cancel() {
        cancelled = true;
        if (runningTask != null) {
            runningTask.cancel();
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
            return AuthException.cancelled();
        }
        return cause;
    }
}
