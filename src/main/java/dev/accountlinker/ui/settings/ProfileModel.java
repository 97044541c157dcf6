package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.Identity;
import dev.accountlinker.auth.IdTokenClaims;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the settings screen shows of the signed-in account: name, email, picture and identities. Filled from the
 * ID token at once, then from the Management API's answer; read-only for the view.
 */
public final class ProfileModel {
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pictureUrl = new ReadOnlyStringWrapper("");
    private final ObservableList<Identity> identities = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    /** What the sign-in already tells, before the account is read. */
    void showClaims(IdTokenClaims claims) {
        name.set(claims.displayName());
        email.set(claims.email().orElse(""));
        pictureUrl.set(claims.picture().orElse(""));
    }

    void showAccount(Account account) {
        account.name().ifPresent(name::set);
        account.email().ifPresent(email::set);
        account.picture().ifPresent(pictureUrl::set);
        identities.setAll(account.identities());
        loaded.set(true);
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

    /** True once the account was read: linking needs its identities for the guards. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
