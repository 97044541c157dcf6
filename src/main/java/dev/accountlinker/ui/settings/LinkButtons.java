package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * One "Link Google account" button per configured connection. A connection the account already has a sign-in
 * of is shown as linked and cannot be clicked: linking it again could only be refused after a sign-in.
 */
final class LinkButtons {
    private final Messages messages;
    private final ObservableList<Identity> identities;
    private final ObservableBooleanValue blocked;
    private final Consumer<Optional<String>> link;

    /**
     * @param blocked true while linking is impossible (account not read yet, something running)
     * @param link    starts a link for a connection
     */
    LinkButtons(
            Messages messages,
            ObservableList<Identity> identities,
            ObservableBooleanValue blocked,
            Consumer<Optional<String>> link) {
        this.messages = messages;
        this.identities = identities;
        this.blocked = blocked;
        this.link = link;
    }

    /** The button, wrapped so its tooltip shows even while it is disabled (JavaFX shows none on a disabled node). */
    StackPane forConnection(String connection) {
        String name = messages.connectionName(connection);
        BooleanBinding linked = Bindings.createBooleanBinding(
                () -> identities.stream()
                        .anyMatch(identity -> identity.connection().equals(connection)),
                identities);
        Button button = new Button();
        button.setId("link-" + SettingsView.nodeIdPart(connection));
        button.setMnemonicParsing(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.textProperty()
                .bind(Bindings.when(linked)
                        .then(messages.get("settings.link.connection.linked", name))
                        .otherwise(messages.get("settings.link.connection", name)));
        button.accessibleHelpProperty()
                .bind(Bindings.when(linked)
                        .then(messages.get("settings.link.connection.linked.help", name))
                        .otherwise(messages.get("settings.link.connection.help", name)));
        button.disableProperty().bind(Bindings.or(blocked, linked));
        button.setOnAction(event -> link.accept(Optional.of(connection)));
        StackPane holder = new StackPane(button);
        Tooltip reason = new Tooltip(messages.get("settings.link.connection.linked.help", name));
        linked.addListener((observable, was, isLinked) -> install(holder, reason, isLinked));
        install(holder, reason, linked.get());
        return holder;
    }

    private static void install(StackPane holder, Tooltip reason, boolean linked) {
        if (linked) {
            Tooltip.install(holder, reason);
        } else {
            Tooltip.uninstall(holder, reason);
        }
    }
}
