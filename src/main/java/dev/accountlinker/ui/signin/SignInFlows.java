package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.ui.TaskRunner;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts {@link SignInFlow}s: the screens ask for a sign-in without knowing how a code is obtained.
 * {@code history} learns which ways were used, so signing out can end the tenant's session there.
 */
public record SignInFlows(
        CompletableFuture<SignInService> service, TaskRunner tasks, LoginLaunchers launchers, SignInHistory history) {
    /** A new flow, not yet started; see {@link SignInFlow#start()}. */
    public SignInFlow create(
            AuthorizeOptions options,
            LoginPurpose purpose,
            Consumer<SignInFlow.Step> onStep,
            Consumer<SignedInAccount> onSuccess,
            Consumer<Throwable> onFailure) {
        SignInFlow[] flow = new SignInFlow[1];
        flow[0] = new SignInFlow(
                service,
                tasks,
                launchers,
                options,
                purpose,
                onStep,
                account -> {
                    history.signedIn(flow[0].usedBrowser());
                    onSuccess.accept(account);
                },
                onFailure);
        return flow[0];
    }
}
