package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.Identity;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.ui.Background;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.StatusMessage;
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

/**
 * The settings screen's state: the signed-in person's profile and identities, loaded through the
 * Management API in background tasks. The only class of the screen that talks to services.
 */
public final class SettingsViewModel {
    private final TenantSettings tenant;
    private final Messages messages;
    private final ErrorTranslator errors;
    private final Runnable onSignOut;

    private SignedInAccount primary;
    private AccountClient accountClient;
    private Task<?> loading;

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pictureUrl = new ReadOnlyStringWrapper("");
    private final ObservableList<Identity> identities = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sessionExpired = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);

    public SettingsViewModel(TenantSettings tenant, SignedInAccount primary, Messages messages, ErrorTranslator errors,
                             Runnable onSignOut) {
        this.tenant = tenant;
        this.primary = primary;
        this.messages = messages;
        this.errors = errors;
        this.onSignOut = onSignOut;
        showClaims();
    }

    private void showClaims() {
        name.set(primary.claims().displayName());
        email.set(primary.claims().email().orElse(""));
        pictureUrl.set(primary.claims().picture().orElse(""));
    }

    public List<String> connections() {
        return tenant.connections();
    }

    /** Loads the account (profile, identities) again. */
    public void refresh() {
        if (loading != null) {
            loading.cancel(true);
        }
        busy.set(true);
        busyText.set(messages.get("settings.loading"));
        String userId = primary.claims().subject();
        String accessToken = primary.tokens().accessToken();
        loading = Background.run(() -> client(accessToken).fetch(userId), account -> {
            busy.set(false);
            show(account);
        }, failure -> {
            busy.set(false);
            showFailure(failure);
        });
    }

    /** Built on first use inside a background task: creating the HTTP client is not free. */
    private synchronized AccountClient client(String accessToken) {
        if (accountClient == null) {
            accountClient = new AccountClient(tenant, accessToken);
        }
        return accountClient;
    }

    void show(Account account) {
        account.name().ifPresent(name::set);
        account.email().ifPresent(email::set);
        account.picture().ifPresent(pictureUrl::set);
        identities.setAll(account.identities());
    }

    void showFailure(Throwable failure) {
        UserMessage message = errors.translate(failure);
        sessionExpired.set(message.remedy() == UserMessage.Remedy.SIGN_IN_AGAIN);
        status.set(StatusMessage.error(messages.format(message)));
    }

    public void signOut() {
        if (loading != null) {
            loading.cancel(true);
        }
        onSignOut.run();
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

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionExpiredProperty() {
        return sessionExpired.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
