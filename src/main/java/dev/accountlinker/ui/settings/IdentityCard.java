package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.Icons;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * One sign-in of the account as a card: the provider's icon, the connection's readable name, the email or name it
 * signs in with, a "Main account" badge (icon and text) on the main one and an Unlink button on the others. Carries
 * the testing contract: style class {@code identity-card}, id {@code identity-<provider>-<user_id>}, the
 * {@link Identity} as user data; the button keeps {@code unlink-<provider>-<user_id>}.
 */
final class IdentityCard extends HBox {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Identity identity;
    private boolean selected;

    /**
     * @param mainEmail the profile's email, shown on the main sign-in (Auth0 gives the main identity no profile data)
     * @param busy      true while something runs: Unlink is then disabled
     */
    IdentityCard(
            Identity identity,
            Messages messages,
            ObservableValue<String> mainEmail,
            ObservableBooleanValue busy,
            Consumer<Identity> unlink) {
        this.identity = identity;
        String part = SettingsView.nodeIdPart(identity.provider()) + "-" + SettingsView.nodeIdPart(identity.userId());
        setId("identity-" + part);
        setUserData(identity);
        getStyleClass().add("identity-card");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);

        StackPane icon = new StackPane(Icons.of(Icons.forProvider(identity.connection()), 22));
        icon.getStyleClass().add("provider-badge");
        icon.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label title = new Label(connectionTitle(messages, identity.connection()));
        title.getStyleClass().add("identity-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("identity-subtitle");
        if (identity.primary()) {
            subtitle.textProperty()
                    .bind(mainEmail.map(
                            email -> identity.email().or(identity::name).orElse(email)));
        } else {
            subtitle.setText(identity.email().or(identity::name).orElse(identity.subject()));
        }
        VBox text = new VBox(2, title, subtitle);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(icon, text);

        if (identity.primary()) {
            Label badge = new Label(messages.get("settings.card.main"), Icons.of(Icons.Glyph.MAIN, 14));
            badge.setId("mainAccountBadge");
            badge.getStyleClass().add("main-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().add(badge);
        } else {
            Button button = new Button(messages.get("unlink.button"), Icons.of(Icons.Glyph.UNLINK, 16));
            button.setId("unlink-" + part);
            button.getStyleClass().add("unlink-button");
            button.setMnemonicParsing(false);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setAccessibleHelp(messages.get("unlink.button.help", identity.label()));
            button.disableProperty().bind(busy);
            button.setOnAction(event -> unlink.accept(identity));
            getChildren().add(button);
        }
        setAccessibleRole(AccessibleRole.LIST_ITEM);
        accessibleTextProperty()
                .bind(subtitle.textProperty()
                        .map(shown -> messages.get(
                                identity.primary()
                                        ? "settings.card.accessible.main"
                                        : "settings.card.accessible.linked",
                                title.getText(),
                                shown)));
    }

    /** "Email and password", "Google": the connection's readable name as a title. */
    static String connectionTitle(Messages messages, String connection) {
        String name = messages.connectionName(connection);
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(messages.locale()) + name.substring(1);
    }

    Identity identity() {
        return identity;
    }

    void setSelected(boolean selected) {
        this.selected = selected;
        pseudoClassStateChanged(SELECTED, selected);
        notifyAccessibleAttributeChanged(AccessibleAttribute.SELECTED);
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.SELECTED) {
            return selected;
        }
        if (attribute == AccessibleAttribute.INDEX) {
            return getParent() == null
                    ? 0
                    : getParent().getChildrenUnmodifiable().indexOf(this);
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }
}
