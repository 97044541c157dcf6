package dev.accountlinker.ui.login;

import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.ui.TaskRunner;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Starts {@link SignInFlow}s: the screens ask for a sign-in without knowing how a code is obtained. */
public record SignInFlows(CompletableFuture<SignInService> service, TaskRunner tasks, LoginLaunchers launchers) {
    /** A new flow, not yet started; see {@link SignInFlow#start()}. */
    public SignInFlow create(AuthorizeOptions options, LoginPurpose purpose, Consumer<SignInFlow.Step> onStep,
                             Consumer<SignedInAccount> onSuccess, Consumer<Throwable> onFailure) {
        return new SignInFlow(service, tasks, launchers, options, purpose, onStep, onSuccess, onFailure);
    }
}
