package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.Identity;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.linking.LinkingService;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.login.SignInFlows;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The settings screen's state and actions: the signed-in person's profile and identities, linking another
 * account (see {@link LinkWorkflow}) and unlinking. The only class of the screen that talks to services; one
 * {@link SettingsState} says what is going on, and every flag and text the screen shows is derived from it.
 */
public final class SettingsViewModel {
    private final TenantSettings tenant;
    private final Messages messages;
    private final ErrorTranslator errors;
    private final TaskRunner tasks;
    private final SignInFlows signIns;
    private final Confirmations confirmations;
    private final Consumer<Confirmations.SignOut> onSignOut;

    /** The session the screen acts with; replaced when a link keeps the second account as main. */
    private SignedInAccount session;
    private LinkingService linking;
    private Account account;
    private TaskRunner.Running loading;
    private LinkWorkflow linkWorkflow;

    // ---- properties ----
    private final ProfileModel profile = new ProfileModel();
    private final ReadOnlyObjectWrapper<SettingsState> state = new ReadOnlyObjectWrapper<>(SettingsState.IDLE);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);

    public SettingsViewModel(TenantSettings tenant, SignedInAccount primary, Messages messages, ErrorTranslator errors,
                             TaskRunner tasks, SignInFlows signIns, Confirmations confirmations,
                             Consumer<Confirmations.SignOut> onSignOut) {
        this.tenant = tenant;
        this.messages = messages;
        this.errors = errors;
        this.tasks = tasks;
        this.signIns = signIns;
        this.confirmations = confirmations;
        this.onSignOut = onSignOut;
        showSession(primary);
    }

    public List<String> connections() {
        return tenant.connections();
    }

    // ---- commands ----

    /** Loads the account (profile, identities) again. */
    public void refresh() {
        if (state.get().isOperation()) {
            return;
        }
        loadAccount(failure -> showFailure(errors.translateOwnAccountRead(failure)));
    }

    /** Links another account: {@code connection} empty lets the person pick on the tenant's login page. */
    public void link(Optional<String> connection) {
        if (state.get() != SettingsState.IDLE || account == null) {
            return;
        }
        clearStatus();
        linkWorkflow = new LinkWorkflow(signIns, tasks, confirmations, this::linking, this::enter, this::linkEnded);
        linkWorkflow.start(session(), account, connection);
    }

    /** Unlinks a secondary identity after the person confirms. */
    public void unlink(Identity identity) {
        if (state.get() != SettingsState.IDLE || account == null || identity.primary()
                || !confirmations.confirmUnlink(identity)) {
            return;
        }
        clearStatus();
        enter(SettingsState.UNLINKING, identity.label());
        String mainId = account.userId();
        tasks.run(() -> linking().mainClient().unlink(mainId, identity), remaining -> {
            show(account.withIdentities(remaining));
            enter(SettingsState.IDLE);
            status.set(StatusMessage.success(messages.get("unlink.success", identity.label())));
        }, failure -> {
            enter(SettingsState.IDLE);
            showFailure(errors.translate(failure));
            reloadAfterFailedChange();
        });
    }

    /** Cancels the running link: closes the second sign-in, or stops before the next request is sent. */
    public void cancelOperation() {
        if (linkWorkflow != null && state.get().isCancellable()) {
            linkWorkflow.cancel();
        }
    }

    /** Signs out after the person confirms (a stray Enter must never sign anyone out). */
    public void signOut() {
        if (state.get().isOperation()) {
            return;
        }
        confirmations.confirmSignOut().ifPresent(choice -> {
            stopWork();
            onSignOut.accept(choice);
        });
    }

    /** Stops everything this screen started: the second sign-in, loading, and any request not yet sent. */
    public void stopWork() {
        if (loading != null) {
            loading.cancel();
        }
        if (linkWorkflow != null) {
            linkWorkflow.stop();
        }
    }

    // ---- workings ----

    /** Built on first use inside a background task: creating the HTTP clients is not free. */
    private synchronized LinkingService linking() {
        if (linking == null) {
            linking = LinkingService.forTenant(tenant, new AccountClient(tenant, session.tokens().accessToken()));
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

    /** Reads the signed-in account in the background and shows it; {@code onFailure} decides what a failure says. */
    private void loadAccount(Consumer<Throwable> onFailure) {
        if (loading != null) {
            loading.cancel();
        }
        enter(SettingsState.LOADING);
        String userId = session().claims().subject();
        loading = tasks.run(() -> linking().mainClient().fetch(userId), loadedAccount -> {
            enter(SettingsState.IDLE);
            show(loadedAccount);
        }, failure -> {
            enter(SettingsState.IDLE);
            onFailure.accept(failure);
        });
    }

    /**
     * After a change failed, the account is read again so the list shows what really happened (a write that
     * timed out may still have been applied). The failure message stays, unless the read finds the account gone.
     */
    private void reloadAfterFailedChange() {
        loadAccount(failure -> {
            UserMessage message = errors.translateOwnAccountRead(failure);
            if (message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN) {
                showFailure(message);
            }
        });
    }

    private void linkEnded(LinkOutcome outcome) {
        linkWorkflow = null;
        enter(SettingsState.IDLE);
        if (outcome instanceof LinkOutcome.Linked linked) {
            linked.result().newSession().ifPresent(this::showSession);
            show(linked.result().account());
        }
        LinkFeedback feedback = LinkFeedback.of(outcome, messages, errors);
        sessionExpired.set(feedback.signInAgain());
        status.set(feedback.status());
        if (outcome.mayHaveChangedAccount()) {
            reloadAfterFailedChange();
        }
    }

    private void show(Account loadedAccount) {
        account = loadedAccount;
        profile.showAccount(loadedAccount);
    }

    private void showFailure(UserMessage message) {
        sessionExpired.set(message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN);
        status.set(StatusMessage.error(messages.format(message)));
    }

    private void clearStatus() {
        status.set(StatusMessage.NONE);
        sessionExpired.set(false);
    }

    private void enter(SettingsState next, Object... textArguments) {
        state.set(next);
        stateText.set(next.textKey().isEmpty() ? "" : messages.get(next.textKey(), textArguments));
    }

    // ---- read-only properties ----

    /** The signed-in account as the screen shows it. */
    public ProfileModel profile() {
        return profile;
    }

    /** What the screen is doing; "running", "cancellable" and the like are read off it (see {@link SettingsState}). */
    public ReadOnlyObjectProperty<SettingsState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The progress text of the current state ("Linking the accounts…"); empty when idle. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
