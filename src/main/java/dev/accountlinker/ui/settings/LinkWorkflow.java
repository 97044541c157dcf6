package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.RequestContext;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkFailure;
import dev.accountlinker.linking.LinkGuard;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.LinkStep;
import dev.accountlinker.linking.LinkingService;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.login.LoginPurpose;
import dev.accountlinker.ui.login.SignInFlow;
import dev.accountlinker.ui.login.SignInFlows;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
/**
 * One link attempt, step by step: a fresh sign-in of the second account → guards → preview (read with the
 * second account's own token) → the person's confirmation and choice of main account → merge + link in the
 * background. Reports each step as a {@link SettingsState} and ends with exactly one {@link LinkOutcome}.
 * A cancel closes the second sign-in, or stops before the next request is sent (never one in flight).
 * Runs on the UI thread; network work goes through the {@link TaskRunner}.
 */
final class LinkWorkflow {
    private final SignInFlows signIns;
    private final TaskRunner tasks;
    private final Confirmations confirmations;
    private final Supplier<LinkingService> linking;
    private final RequestContext requests;
    private final Consumer<SettingsState> onState;
    private final Consumer<LinkOutcome> onEnd;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    private SettingsState state = SettingsState.IDLE;
    private SignInFlow secondSignIn;
    private TaskRunner.Running reading;
    private boolean ended;

    /**
     * @param linking  built on first use inside a background task (creating HTTP clients is not free)
     * @param rateLimit hears of waits for Auth0's rate limit
     * @param onState  each step, on the UI thread
     * @param onEnd    called once, on the UI thread
     */
    LinkWorkflow(SignInFlows signIns, TaskRunner tasks, Confirmations confirmations, Supplier<LinkingService> linking,
                 RequestContext.Listener rateLimit, Consumer<SettingsState> onState, Consumer<LinkOutcome> onEnd) {
        this.signIns = signIns;
        this.tasks = tasks;
        this.confirmations = confirmations;
        this.linking = linking;
        this.requests = RequestContext.cancellable(cancelRequested::get, rateLimit);
        this.onState = onState;
        this.onEnd = onEnd;
    }

    /** Starts with the second sign-in; {@code connection} empty lets the person pick on the tenant's page. */
    void start(SignedInAccount current, Account main, Optional<String> connection) {
        enter(SettingsState.SIGNING_IN_SECOND);
        secondSignIn = signIns.create(AuthorizeOptions.secondAccount(connection), LoginPurpose.ACCOUNT_TO_LINK,
                step -> {
                    if (step == SignInFlow.Step.WAITING_FOR_BROWSER) {
                        enter(SettingsState.SIGNING_IN_SECOND_IN_BROWSER);
                    }
                },
                second -> {
                    secondSignIn = null;
                    secondSignedIn(current, main, second);
                },
                failure -> end(ErrorTranslator.isCancellation(failure) ? LinkOutcome.Cancelled.beforeAnyChange()
                        : LinkOutcome.Failed.beforeAnyChange(failure)));
        secondSignIn.start();
    }

    private void secondSignedIn(SignedInAccount current, Account main, SignedInAccount second) {
        Optional<UserMessage> refusal = LinkGuard.check(main, second.claims());
        if (refusal.isPresent()) {
            end(new LinkOutcome.Refused(refusal.get()));
            return;
        }
        enter(SettingsState.READING);
        reading = tasks.run(() -> linking.get().preview(current, main, second, requests), this::confirm,
                failure -> end(cancelRequested.get() ? LinkOutcome.Cancelled.beforeAnyChange()
                        : LinkOutcome.Failed.beforeAnyChange(failure)));
    }

    private void confirm(LinkPreview preview) {
        if (cancelRequested.get()) {
            end(LinkOutcome.Cancelled.beforeAnyChange());
            return;
        }
        Optional<UserMessage> refusal = LinkGuard.checkSecondAccount(preview.secondAccount(), preview.secondDisplayName());
        if (refusal.isPresent()) {
            end(new LinkOutcome.Refused(refusal.get()));
            return;
        }
        enter(SettingsState.CONFIRMING);
        Optional<LinkDirection> direction = confirmations.confirmLink(preview);
        if (direction.isEmpty() || ended) {
            end(LinkOutcome.Cancelled.beforeAnyChange());
            return;
        }
        LinkPlan plan = preview.plan(direction.get());
        enter(SettingsState.LINKING);
        tasks.run(() -> linking.get().link(plan, requests, step -> tasks.onUiThread(() -> linkStep(step))),
                result -> end(new LinkOutcome.Linked(result)),
                failure -> end(afterLinkFailure(plan, failure)));
    }

    private void linkStep(LinkStep step) {
        if (state != SettingsState.CANCELLING) {
            enter(step == LinkStep.MERGING_METADATA ? SettingsState.MERGING : SettingsState.LINKING);
        }
    }

    private LinkOutcome afterLinkFailure(LinkPlan plan, Throwable failure) {
        boolean merged = failure instanceof LinkFailure linkFailure && linkFailure.metadataMerged();
        Throwable cause = failure instanceof LinkFailure ? failure.getCause() : failure;
        if (ErrorTranslator.isCancellation(cause)) {
            return new LinkOutcome.Cancelled(Optional.of(plan), merged);
        }
        return new LinkOutcome.Failed(cause, Optional.of(plan), merged);
    }

    /** Cancels what is cancellable now: the second sign-in at once, or the reads and writes before the next request. */
    void cancel() {
        if (ended || !state.isCancellable()) {
            return;
        }
        if (secondSignIn != null) {
            secondSignIn.cancel();
            secondSignIn = null;
            end(LinkOutcome.Cancelled.beforeAnyChange());
            return;
        }
        cancelRequested.set(true);
        enter(SettingsState.CANCELLING);
    }

    /** Stops everything without an outcome: the screen is going away. */
    void stop() {
        ended = true;
        cancelRequested.set(true);
        if (secondSignIn != null) {
            secondSignIn.cancel();
        }
        if (reading != null) {
            reading.cancel();
        }
    }

    private void enter(SettingsState next) {
        if (!ended) {
            state = next;
            onState.accept(next);
        }
    }

    private void end(LinkOutcome outcome) {
        if (ended) {
            return;
        }
        ended = true;
        state = SettingsState.IDLE;
        onEnd.accept(outcome);
    }
}
