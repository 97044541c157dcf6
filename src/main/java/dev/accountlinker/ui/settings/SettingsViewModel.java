package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.Identity;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkFailure;
import dev.accountlinker.linking.LinkGuard;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.LinkResult;
import dev.accountlinker.linking.LinkingService;
import dev.accountlinker.ui.Background;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.login.LoginLaunchers;
import dev.accountlinker.ui.login.SignInFlow;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The settings screen's state and actions: the signed-in person's profile and identities, linking another
 * account (fresh second sign-in → guards → preview → confirmation → merge + link) and unlinking. The only
 * class of the screen that talks to services; all network work runs in background tasks.
 */
public final class SettingsViewModel {
    private final TenantSettings tenant;
    /** The session the screen acts with; replaced when a link keeps the second account as main. */
    private SignedInAccount session;
    private final Messages messages;
    private final ErrorTranslator errors;
    private final CompletableFuture<SignInService> signInService;
    private final LoginLaunchers loginLaunchers;
    private final Runnable onSignOut;
    private Confirmations confirmations;

    private LinkingService linking;
    private Account account;
    private Task<?> loading;
    private SignInFlow secondSignIn;
    private AtomicBoolean cancelRequested = new AtomicBoolean();

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pictureUrl = new ReadOnlyStringWrapper("");
    private final ObservableList<Identity> identities = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper operationRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper operationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);

    public SettingsViewModel(TenantSettings tenant, SignedInAccount primary, Messages messages, ErrorTranslator errors,
                             CompletableFuture<SignInService> signInService, LoginLaunchers loginLaunchers,
                             Runnable onSignOut) {
        this.tenant = tenant;
        this.session = primary;
        this.messages = messages;
        this.errors = errors;
        this.signInService = signInService;
        this.loginLaunchers = loginLaunchers;
        this.onSignOut = onSignOut;
        name.set(primary.claims().displayName());
        email.set(primary.claims().email().orElse(""));
        pictureUrl.set(primary.claims().picture().orElse(""));
    }

    public void setConfirmations(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    public List<String> connections() {
        return tenant.connections();
    }

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
    private void switchSession(SignedInAccount next) {
        synchronized (this) {
            session = next;
            linking = null; // built again, with the new session's access token, on first use
        }
        name.set(next.claims().displayName());
        email.set(next.claims().email().orElse(""));
        pictureUrl.set(next.claims().picture().orElse(""));
    }

    /** Loads the account (profile, identities) again. */
    public void refresh() {
        if (loading != null) {
            loading.cancel(true);
        }
        busy.set(true);
        busyText.set(messages.get("settings.loading"));
        loadAccount(failure -> status.set(isAccountGone(failure) ? accountMoved() : errorFor(failure)));
    }

    /** Reads the signed-in account in the background and shows it; {@code onFailure} decides what a failure says. */
    private void loadAccount(java.util.function.Consumer<Throwable> onFailure) {
        String userId = session().claims().subject();
        loading = Background.run(() -> linking().mainClient().fetch(userId), loadedAccount -> {
            busy.set(false);
            show(loadedAccount);
        }, failure -> {
            busy.set(false);
            onFailure.accept(failure);
        });
    }

    private void show(Account loadedAccount) {
        account = loadedAccount;
        loadedAccount.name().ifPresent(name::set);
        loadedAccount.email().ifPresent(email::set);
        loadedAccount.picture().ifPresent(pictureUrl::set);
        identities.setAll(loadedAccount.identities());
        loaded.set(true);
    }

    /** The message for a failure; offers "Sign in again" when only a new session can help. */
    private StatusMessage errorFor(Throwable failure) {
        UserMessage message = errors.translate(failure);
        sessionExpired.set(message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN);
        return StatusMessage.error(messages.format(message));
    }

    /** Links another account: {@code connection} empty lets the user pick on the tenant's login page. */
    public void link(Optional<String> connection) {
        if (operationRunning.get() || account == null) {
            return;
        }
        beginOperation(messages.get("link.waitingForSignIn"));
        secondSignIn = new SignInFlow(signInService, loginLaunchers, AuthorizeOptions.secondAccount(connection),
                "login.title.link", step -> {
                    if (step == SignInFlow.Step.WAITING_FOR_BROWSER) {
                        operationText.set(messages.get("signin.waitingForBrowser"));
                    }
                }, this::onSecondAccountSignedIn, this::endWithFailure);
        secondSignIn.start();
    }

    private void onSecondAccountSignedIn(SignedInAccount second) {
        secondSignIn = null;
        Optional<UserMessage> refusal = LinkGuard.check(account, second.claims());
        if (refusal.isPresent()) {
            endOperation(StatusMessage.error(messages.format(refusal.get())));
            return;
        }
        operationText.set(messages.get("link.reading"));
        SignedInAccount current = session();
        Background.run(() -> linking().preview(current, account, second), this::confirmLink,
                this::endWithFailure);
    }

    private void confirmLink(LinkPreview preview) {
        if (cancelRequested.get()) {
            endOperation(StatusMessage.info(messages.get("link.cancelled")));
            return;
        }
        Optional<UserMessage> refusal = LinkGuard.checkSecondAccount(preview.secondAccount(), preview.secondDisplayName());
        if (refusal.isPresent()) {
            endOperation(StatusMessage.error(messages.format(refusal.get())));
            return;
        }
        Optional<LinkDirection> direction = confirmations == null ? Optional.empty() : confirmations.confirmLink(preview);
        if (direction.isEmpty()) {
            endOperation(StatusMessage.info(messages.get("link.cancelled")));
            return;
        }
        LinkPlan plan = preview.plan(direction.get());
        operationText.set(messages.get("link.linking"));
        AtomicBoolean cancelFlag = cancelRequested;
        Background.run(() -> linking().link(plan, cancelFlag::get), this::linked,
                failure -> linkFailed(plan, failure));
    }

    private void linked(LinkResult result) {
        result.newSession().ifPresent(this::switchSession);
        show(result.account());
        endOperation(StatusMessage.success(result.newSession().isPresent()
                ? messages.get("link.success.switched", result.mainDisplayName(), result.linkedDisplayName())
                : messages.get("link.success", result.linkedDisplayName())));
    }

    /**
     * After a change failed, the account is read again so the table shows what really happened (a write
     * that timed out may still have been applied). The failure message stays; a failing reload adds nothing.
     */
    private void reloadAfterFailedChange() {
        loadAccount(failure -> {
            if (isAccountGone(failure)) {
                status.set(accountMoved());
            }
        });
    }

    /**
     * The signed-in user no longer exists on its own: a link into another account went through after all
     * (its answer was lost to a timeout). Only a new sign-in can show the account as it is now.
     */
    private static boolean isAccountGone(Throwable failure) {
        return failure instanceof com.auth0.client.mgmt.core.ManagementApiException api && api.statusCode() == 404;
    }

    private StatusMessage accountMoved() {
        sessionExpired.set(true);
        return StatusMessage.error(messages.get("link.error.accountMoved"));
    }

    private void linkFailed(LinkPlan plan, Throwable failure) {
        reloadAfterFailedChange();
        boolean keptCurrent = !plan.switchesAccount();
        if (failure instanceof LinkFailure linkFailure) {
            Throwable cause = linkFailure.getCause();
            if (cause instanceof CancellationException) {
                endOperation(StatusMessage.info(!linkFailure.metadataMerged() ? messages.get("link.cancelled")
                        : keptCurrent ? messages.get("link.cancelledAfterMerge", plan.linkedDisplayName())
                        : messages.get("link.cancelledAfterMerge.keepSecond", plan.targetDisplayName(),
                                plan.linkedDisplayName())));
                return;
            }
            if (!linkFailure.metadataMerged()) {
                endOperation(errorFor(cause));
                return;
            }
            UserMessage message = errors.translate(cause);
            sessionExpired.set(message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN);
            endOperation(StatusMessage.error(keptCurrent
                    ? messages.get("link.error.afterMerge", plan.linkedDisplayName(), messages.format(message))
                    : messages.get("link.error.afterMerge.keepSecond", plan.targetDisplayName(),
                            plan.linkedDisplayName(), messages.format(message))));
            return;
        }
        endWithFailure(failure);
    }

    /** Unlinks a secondary identity after the user confirms. */
    public void unlink(Identity identity) {
        if (operationRunning.get() || account == null || identity.primary()) {
            return;
        }
        if (confirmations == null || !confirmations.confirmUnlink(identity)) {
            return;
        }
        String label = identityLabel(identity);
        beginOperation(messages.get("unlink.running", label));
        cancellable.set(false); // a single request: once sent it cannot be taken back
        String mainId = account.userId();
        Background.run(() -> linking().mainClient().unlink(mainId, identity), remaining -> {
            show(new Account(account.userId(), account.name(), account.email(), account.emailVerified(),
                    account.picture(), remaining, account.userMetadata()));
            endOperation(StatusMessage.success(messages.get("unlink.success", label)));
        }, failure -> {
            endWithFailure(failure);
            reloadAfterFailedChange();
        });
    }

    public String identityLabel(Identity identity) {
        return identity.email().or(identity::name).orElse(identity.subject());
    }

    /** Cancels the running link: closes the second sign-in, or stops before the next request is sent. */
    public void cancelOperation() {
        if (!operationRunning.get() || !cancellable.get()) {
            return;
        }
        if (secondSignIn != null) {
            secondSignIn.cancel();
            secondSignIn = null;
            endOperation(StatusMessage.info(messages.get("link.cancelled")));
            return;
        }
        cancelRequested.set(true);
        cancellable.set(false);
        operationText.set(messages.get("link.cancelling"));
    }

    private void beginOperation(String text) {
        cancelRequested = new AtomicBoolean();
        operationRunning.set(true);
        cancellable.set(true);
        operationText.set(text);
        status.set(StatusMessage.NONE);
        sessionExpired.set(false);
    }

    private void endWithFailure(Throwable failure) {
        boolean signInCancelled = failure instanceof dev.accountlinker.auth.AuthException auth
                && auth.reason() == dev.accountlinker.auth.AuthException.Reason.CANCELLED;
        if (signInCancelled || failure instanceof CancellationException || cancelRequested.get()) {
            endOperation(StatusMessage.info(messages.get("link.cancelled")));
            return;
        }
        endOperation(errorFor(failure));
    }

    private void endOperation(StatusMessage message) {
        secondSignIn = null;
        operationRunning.set(false);
        cancellable.set(false);
        operationText.set("");
        status.set(message);
    }

    public void signOut() {
        stopWork();
        onSignOut.run();
    }

    /** Stops everything this screen started: the second sign-in, loading, and any request not yet sent. */
    public void stopWork() {
        if (loading != null) {
            loading.cancel(true);
        }
        if (secondSignIn != null) {
            secondSignIn.cancel();
        }
        cancelRequested.set(true);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pictureUrlProperty() {
        return pictureUrl.getReadOnlyProperty();
    }

    public ObservableList<Identity> identities() {
        return FXCollections.unmodifiableObservableList(identities);
    }

    /** True once the account was loaded: linking needs its identities for the guards. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty operationRunningProperty() {
        return operationRunning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty operationTextProperty() {
        return operationText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
