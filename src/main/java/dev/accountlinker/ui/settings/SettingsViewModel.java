package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.Identity;
import dev.accountlinker.account.ProfilePictures;
import dev.accountlinker.account.RequestContext;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.linking.LinkSafety;
import dev.accountlinker.linking.LinkingService;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.signin.SignInFlow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The settings screen's state and actions: the signed-in person's profile and identities, linking another
 * account (see {@link LinkWorkflow}) and unlinking. The only class of the screen that talks to services; one
 * {@link SettingsState} says what is going on, and every flag and text the screen shows is derived from it.
 */
public final class SettingsViewModel {
    private final SettingsContext context;
    private final Confirmations confirmations;
    private final Consumer<Confirmations.SignOut> onSignOut;
    private final ScreenState screen;
    private final RateLimitCountdown countdown;

    /** The session the screen acts with; replaced when a link keeps the second account as main. */
    private SignedInAccount session;

    private LinkingService linking;
    private Account account;
    private LinkWorkflow linkWorkflow;
    /** The new sign-in an unlink waits for (the signed-in account's own was too old); null otherwise. */
    private SignInFlow identityCheck;
    /** Cancels the read or unlink that is running; a link has its own. */
    private AtomicBoolean requestCancelled = new AtomicBoolean();

    private final ProfileModel profile = new ProfileModel();

    public SettingsViewModel(
            SettingsContext context,
            SignedInAccount primary,
            Confirmations confirmations,
            Consumer<Confirmations.SignOut> onSignOut) {
        this.context = context;
        this.confirmations = confirmations;
        this.onSignOut = onSignOut;
        this.screen = new ScreenState(context.messages());
        this.countdown = new RateLimitCountdown(context.tasks(), context.clock(), context.messages(), screen);
        showSession(primary);
    }

    /** Which profile pictures the screen and its dialogs may load (see {@link ProfilePictures}). */
    public ProfilePictures pictures() {
        return ProfilePictures.forTenant(context.tenant().address());
    }

    public List<String> connections() {
        return context.tenant().connections();
    }

    // ---- commands ----

    /** Loads the account (profile, identities) again. */
    public void refresh() {
        if (screen.state() == SettingsState.IDLE) {
            loadAccount(failure -> screen.fail(context.errors().translateOwnAccountRead(failure)));
        }
    }

    /** Links another account: {@code connection} empty lets the person pick on the tenant's login page. */
    public void link(Optional<String> connection) {
        if (screen.state() != SettingsState.IDLE || account == null) {
            return;
        }
        screen.clearStatus();
        linkWorkflow = new LinkWorkflow(
                context.signIns(),
                context.tasks(),
                context.clock(),
                confirmations,
                this::linking,
                countdown,
                new LinkWorkflow.Listener(screen::enter, this::showSession, this::linkEnded));
        linkWorkflow.start(session(), account, connection);
    }

    /**
     * Unlinks a secondary identity after the person confirms, and after the signed-in account signs in again when its
     * sign-in is older than {@link LinkSafety#RECENT_SIGN_IN} (as linking does).
     */
    public void unlink(Identity identity) {
        if (screen.state() != SettingsState.IDLE
                || account == null
                || identity.primary()
                || !confirmations.confirmUnlink(identity)) {
            return;
        }
        screen.clearStatus();
        if (LinkSafety.needsFreshSignIn(session().claims(), context.clock().instant())) {
            confirmIdentityToUnlink(identity);
        } else {
            sendUnlink(identity);
        }
    }

    /** The signed-in person proves it is still them; then the unlink goes ahead with their new session. */
    private void confirmIdentityToUnlink(Identity identity) {
        SignedInAccount current = session();
        screen.enter(
                SettingsState.CONFIRMING_IDENTITY_TO_UNLINK,
                IdentityCheck.who(current),
                LinkSafety.minutesSinceSignIn(current.claims(), context.clock().instant()));
        SignInFlow[] flow = new SignInFlow[1];
        flow[0] = IdentityCheck.create(
                context.signIns(),
                current,
                account,
                "unlink.refused.otherAccountConfirmed",
                fresh -> {
                    if (identityCheck == flow[0]) {
                        identityCheck = null;
                        showSession(fresh);
                        sendUnlink(identity);
                    }
                },
                refusal -> {
                    if (identityCheck == flow[0]) {
                        identityCheck = null;
                        finish(StatusMessage.NONE);
                        screen.fail(refusal);
                    }
                },
                failure -> {
                    if (identityCheck == flow[0]) {
                        identityCheck = null;
                        if (ErrorTranslator.isCancellation(failure)) {
                            finish(StatusMessage.info(context.messages().get("unlink.cancelled")));
                        } else {
                            finish(StatusMessage.NONE);
                            screen.fail(context.errors().translate(failure));
                        }
                    }
                });
        identityCheck = flow[0];
        flow[0].start();
    }

    private void sendUnlink(Identity identity) {
        screen.enter(SettingsState.UNLINKING, identity.label());
        String mainId = account.userId();
        RequestContext request = newRequest();
        context.tasks()
                .run(
                        () -> linking().mainClient().unlink(mainId, identity, request),
                        remaining -> {
                            show(account.withIdentities(remaining));
                            finish(StatusMessage.success(context.messages().get("unlink.success", identity.label())));
                        },
                        failure -> {
                            if (ErrorTranslator.isCancellation(failure)) {
                                finish(StatusMessage.info(context.messages().get("unlink.cancelled")));
                                return;
                            }
                            finish(StatusMessage.NONE);
                            screen.fail(context.errors().translate(failure));
                            reloadAfterFailedChange();
                        });
    }

    /**
     * Cancels what is running: a link (its second sign-in, or before its next request) or a wait for the rate
     * limit (the refused request was not applied).
     */
    public void cancelOperation() {
        if (!screen.state().isCancellable()) {
            return;
        }
        if (linkWorkflow != null) {
            linkWorkflow.cancel();
        } else if (identityCheck != null) {
            SignInFlow check = identityCheck;
            identityCheck = null;
            check.cancel();
            finish(StatusMessage.info(context.messages().get("unlink.cancelled")));
        } else {
            requestCancelled.set(true);
        }
    }

    /** Signs out after the person confirms (a stray Enter must never sign anyone out). */
    public void signOut() {
        if (screen.state().isOperation()) {
            return;
        }
        confirmations.confirmSignOut().ifPresent(choice -> {
            stopWork();
            onSignOut.accept(choice);
        });
    }

    /** Stops everything this screen started: the second sign-in, loading, and any request not yet sent. */
    public void stopWork() {
        requestCancelled.set(true);
        countdown.stop();
        if (linkWorkflow != null) {
            linkWorkflow.stop();
        }
        if (identityCheck != null) {
            SignInFlow check = identityCheck;
            identityCheck = null;
            check.cancel();
        }
    }

    // ---- workings ----

    /** Built on first use inside a background task: creating the HTTP clients is not free. */
    private synchronized LinkingService linking() {
        if (linking == null) {
            linking =
                    LinkingService.forTenant(context.tenant(), session.tokens().accessToken(), context.requests());
        }
        return linking;
    }

    private synchronized SignedInAccount session() {
        return session;
    }

    /**
     * After a link that kept the second account as main, the app acts as that account: its tokens, its
     * profile, its own Management API client. No new sign-in is needed: its tokens are already in memory.
     */
    private void showSession(SignedInAccount next) {
        synchronized (this) {
            session = next;
            linking = null; // built again, with the new session's access token, on first use
        }
        profile.showClaims(next.claims());
    }

    private RequestContext newRequest() {
        requestCancelled = new AtomicBoolean();
        return RequestContext.cancellable(requestCancelled::get, countdown);
    }

    /** Reads the signed-in account in the background and shows it; {@code onFailure} decides what a failure says. */
    private void loadAccount(Consumer<Throwable> onFailure) {
        screen.enter(SettingsState.LOADING);
        String userId = session().claims().subject();
        RequestContext request = newRequest();
        context.tasks()
                .run(
                        () -> linking().mainClient().fetch(userId, request),
                        loadedAccount -> {
                            finish(StatusMessage.NONE);
                            show(loadedAccount);
                        },
                        failure -> {
                            finish(StatusMessage.NONE);
                            if (ErrorTranslator.isCancellation(failure)) {
                                screen.tell(
                                        StatusMessage.info(context.messages().get("error.cancelled")));
                            } else {
                                onFailure.accept(failure);
                            }
                        });
    }

    /**
     * After a change failed, the account is read again so the list shows what really happened (a write that
     * timed out may still have been applied). The failure message stays, unless the read finds the account gone.
     */
    private void reloadAfterFailedChange() {
        loadAccount(failure -> {
            UserMessage message = context.errors().translateOwnAccountRead(failure);
            if (message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN) {
                screen.fail(message);
            }
        });
    }

    private void linkEnded(LinkOutcome outcome) {
        linkWorkflow = null;
        if (outcome instanceof LinkOutcome.Linked linked) {
            linked.result().newSession().ifPresent(this::showSession);
            show(linked.result().account());
        }
        LinkFeedback feedback = LinkFeedback.of(outcome, context.messages(), context.errors());
        finish(feedback.status());
        screen.offerSignInAgain(feedback.signInAgain());
        if (outcome.mayHaveChangedAccount()) {
            reloadAfterFailedChange();
        }
    }

    private void show(Account loadedAccount) {
        account = loadedAccount;
        profile.showAccount(loadedAccount);
    }

    /** Back to idle with a message (none: keep what is shown). */
    private void finish(StatusMessage message) {
        countdown.stop();
        screen.enter(SettingsState.IDLE);
        if (message != StatusMessage.NONE) {
            screen.tell(message);
        }
    }

    // ---- read-only properties ----

    /** The signed-in account as the screen shows it. */
    public ProfileModel profile() {
        return profile;
    }

    /** What the screen is doing; "running", "cancellable" and the like are read off it (see {@link SettingsState}). */
    public ReadOnlyObjectProperty<SettingsState> stateProperty() {
        return screen.stateProperty();
    }

    /** The progress text of the current state ("Linking the accounts…"); empty when idle. */
    public ReadOnlyStringProperty stateTextProperty() {
        return screen.textProperty();
    }

    /** True when only a new sign-in can help ("Sign in again" is offered). */
    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return screen.signInAgainProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return screen.statusProperty();
    }
}
