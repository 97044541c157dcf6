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
import dev.accountlinker.linking.LinkSafety;
import dev.accountlinker.linking.LinkStep;
import dev.accountlinker.linking.LinkingService;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.signin.LoginPurpose;
import dev.accountlinker.ui.signin.SignInFlow;
import dev.accountlinker.ui.signin.SignInFlows;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One link attempt, step by step: (a new sign-in of the signed-in account when its own is too old →) a fresh
 * sign-in of the second account → guards → preview (read with the
 * second account's own token) → the person's confirmation and choice of main account (→ a new sign-in of the
 * signed-in account when it chose to keep the second as main and its sign-in is too old by then) → merge + link in
 * the background. Reports each step as a {@link SettingsState} and ends with exactly one {@link LinkOutcome}.
 * A cancel closes the second sign-in, or stops before the next request is sent (never one in flight).
 * Runs on the UI thread; network work goes through the {@link TaskRunner}.
 */
final class LinkWorkflow {
    /**
     * What the settings screen hears of the workflow, on the UI thread.
     *
     * @param stateChanged a new step, with the arguments of its progress text
     * @param freshSession the signed-in account signed in again (its sign-in was too old to link): act with it now
     * @param ended        the end, called once
     */
    record Listener(
            BiConsumer<SettingsState, Object[]> stateChanged,
            Consumer<SignedInAccount> freshSession,
            Consumer<LinkOutcome> ended) {}

    private final SignInFlows signIns;
    private final TaskRunner tasks;
    private final Clock clock;
    private final Confirmations confirmations;
    private final Supplier<LinkingService> linking;
    private final RequestContext requests;
    private final Listener listener;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    private SettingsState state = SettingsState.IDLE;
    private SignInFlow signIn;
    private TaskRunner.Running reading;
    private boolean ended;

    /**
     * @param linking   built on first use inside a background task (creating HTTP clients is not free)
     * @param rateLimit hears of waits for Auth0's rate limit
     */
    LinkWorkflow(
            SignInFlows signIns,
            TaskRunner tasks,
            Clock clock,
            Confirmations confirmations,
            Supplier<LinkingService> linking,
            RequestContext.Listener rateLimit,
            Listener listener) {
        this.signIns = signIns;
        this.tasks = tasks;
        this.clock = clock;
        this.confirmations = confirmations;
        this.linking = linking;
        this.requests = RequestContext.cancellable(cancelRequested::get, rateLimit);
        this.listener = listener;
    }

    /**
     * Starts with the second sign-in, after the signed-in account signs in again if its sign-in is too old;
     * {@code connection} empty lets the person pick on the tenant's page.
     */
    void start(SignedInAccount current, Account main, Optional<String> connection) {
        if (LinkSafety.needsFreshSignIn(current.claims(), clock.instant())) {
            confirmIdentity(current, main, connection);
        } else {
            signInSecond(current, main, connection);
        }
    }

    /** The signed-in person proves it is still them, on the login page of their own main connection. */
    private void confirmIdentity(SignedInAccount current, Account main, Optional<String> connection) {
        enter(
                SettingsState.CONFIRMING_IDENTITY,
                IdentityCheck.who(current),
                LinkSafety.minutesSinceSignIn(current.claims(), clock.instant()));
        signIn = IdentityCheck.create(
                signIns,
                current,
                main,
                "link.refused.otherAccountConfirmed",
                fresh -> {
                    signIn = null;
                    listener.freshSession().accept(fresh);
                    signInSecond(fresh, main, connection);
                },
                refusal -> {
                    signIn = null;
                    end(new LinkOutcome.Refused(refusal));
                },
                this::signInFailed);
        signIn.start();
    }

    private void signInSecond(SignedInAccount current, Account main, Optional<String> connection) {
        enter(SettingsState.SIGNING_IN_SECOND);
        signIn = signIns.create(
                AuthorizeOptions.secondAccount(connection),
                LoginPurpose.ACCOUNT_TO_LINK,
                step -> {
                    // Either way may follow the other ("Continue in your browser", "Sign in inside the app").
                    if (step == SignInFlow.Step.WAITING_FOR_BROWSER) {
                        enter(SettingsState.SIGNING_IN_SECOND_IN_BROWSER);
                    } else if (step == SignInFlow.Step.WAITING_FOR_USER) {
                        enter(SettingsState.SIGNING_IN_SECOND);
                    }
                },
                second -> {
                    signIn = null;
                    secondSignedIn(current, main, second);
                },
                this::signInFailed);
        signIn.start();
    }

    private void signInFailed(Throwable failure) {
        end(
                ErrorTranslator.isCancellation(failure)
                        ? LinkOutcome.Cancelled.beforeAnyChange()
                        : LinkOutcome.Failed.beforeAnyChange(failure));
    }

    private void secondSignedIn(SignedInAccount current, Account main, SignedInAccount second) {
        Optional<UserMessage> refusal = LinkGuard.check(main, second.claims());
        if (refusal.isPresent()) {
            end(new LinkOutcome.Refused(refusal.get()));
            return;
        }
        enter(SettingsState.READING);
        reading = tasks.run(
                () -> linking.get().preview(current, main, second, requests),
                this::confirm,
                failure -> end(
                        cancelRequested.get()
                                ? LinkOutcome.Cancelled.beforeAnyChange()
                                : LinkOutcome.Failed.beforeAnyChange(failure)));
    }

    private void confirm(LinkPreview preview) {
        if (cancelRequested.get()) {
            end(LinkOutcome.Cancelled.beforeAnyChange());
            return;
        }
        Optional<UserMessage> refusal =
                LinkGuard.checkSecondAccount(preview.secondAccount(), preview.secondDisplayName());
        if (refusal.isPresent()) {
            end(new LinkOutcome.Refused(refusal.get()));
            return;
        }
        enter(SettingsState.CONFIRMING);
        Optional<LinkPlan> confirmed = confirmations.confirmLink(preview);
        if (confirmed.isEmpty() || ended) {
            end(LinkOutcome.Cancelled.beforeAnyChange());
            return;
        }
        LinkPlan plan = confirmed.get();
        if (plan.direction() == LinkDirection.KEEP_SECOND
                && LinkSafety.needsFreshSignIn(preview.current().claims(), clock.instant())) {
            // Checked now, not when the dialog opened: time passes while the person reads it.
            confirmIdentityToKeepSecond(preview, plan);
            return;
        }
        startLink(plan);
    }

    /** Keeping the second account as main folds the signed-in one into it: that needs a recent sign-in too. */
    private void confirmIdentityToKeepSecond(LinkPreview preview, LinkPlan plan) {
        enter(
                SettingsState.CONFIRMING_IDENTITY_TO_KEEP_SECOND,
                IdentityCheck.who(preview.current()),
                LinkSafety.minutesSinceSignIn(preview.current().claims(), clock.instant()));
        signIn = IdentityCheck.create(
                signIns,
                preview.current(),
                preview.main(),
                "link.refused.otherAccountConfirmed",
                fresh -> {
                    signIn = null;
                    listener.freshSession().accept(fresh);
                    // The plan the person confirmed (its merge choice included), linking the new sign-in's ID token.
                    startLink(new LinkPlan(
                            plan.direction(),
                            plan.target(),
                            plan.linked(),
                            plan.targetDisplayName(),
                            plan.linkedDisplayName(),
                            plan.targetSession(),
                            fresh,
                            plan.merge(),
                            plan.metadata(),
                            plan.signedInAfter()));
                },
                refusal -> {
                    signIn = null;
                    end(new LinkOutcome.Refused(refusal));
                },
                this::signInFailed);
        signIn.start();
    }

    private void startLink(LinkPlan plan) {
        enter(SettingsState.LINKING);
        tasks.run(
                () -> linking.get().link(plan, requests, step -> tasks.onUiThread(() -> linkStep(step))),
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
        if (signIn != null) {
            signIn.cancel();
            signIn = null;
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
        if (signIn != null) {
            signIn.cancel();
        }
        if (reading != null) {
            reading.cancel();
        }
    }

    private void enter(SettingsState next, Object... textArguments) {
        if (!ended) {
            state = next;
            listener.stateChanged().accept(next, textArguments);
        }
    }

    private void end(LinkOutcome outcome) {
        if (ended) {
            return;
        }
        ended = true;
        state = SettingsState.IDLE;
        listener.ended().accept(outcome);
    }
}
