package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.ProfilePictures;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.ui.Icons;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import static dev.accountlinker.ui.Controls.wrapped;

/**
 * One of the two accounts in the link confirmation, as a selectable card: avatar, name, email and connection, the
 * radio button that makes it the main account ({@code keepCurrentMainRadio} / {@code keepSecondMainRadio}), and a
 * "Stays main" badge (icon and text) on the chosen one. A click anywhere on the card chooses it. The badge keeps its
 * place when hidden, so choosing never changes the dialog's size.
 */
final class AccountChoiceCard extends VBox {
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private static final double AVATAR = 44;

    private final RadioButton radio;

    /**
     * @param id      the card's id ({@code linkCurrentAccount} or {@code linkSecondAccount})
     * @param caption "Signed in" or "To link"
     * @param pictures which picture addresses may be loaded (others show the initials)
     */
    AccountChoiceCard(
            String id,
            String caption,
            String name,
            Account account,
            Messages messages,
            ToggleGroup group,
            String radioId,
            String choiceText,
            String choiceHelp,
            LinkDirection direction,
            String summary,
            ProfilePictures pictures) {
        setId(id);
        getStyleClass().add("account-card");
        setSpacing(10);
        setFillWidth(true);

        Label captionLabel = new Label(caption);
        captionLabel.getStyleClass().add("account-caption");
        captionLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label badge = new Label(messages.get("link.dialog.staysMain"), Icons.of(Icons.Glyph.MAIN, 13));
        badge.getStyleClass().add("main-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.managedProperty().bind(badge.visibleProperty());
        // In a longer language the badge moves below the caption rather than squeezing it ("Angeme-ldet").
        FlowPane top = new FlowPane(8, 4, captionLabel, badge);
        top.setAlignment(Pos.CENTER_LEFT);

        Label nameLabel = wrapped(name, "account-name");
        Label email = wrapped(account.email().orElse(messages.get("link.dialog.noEmail")), "account-email");
        String connectionName = account.identities().isEmpty()
                ? ""
                : IdentityCard.connectionTitle(
                        messages, account.identities().get(0).connection());
        Label connection = new Label(
                connectionName,
                account.identities().isEmpty()
                        ? null
                        : Icons.of(Icons.forProvider(account.identities().get(0).connection()), 14));
        connection.getStyleClass().add("account-connection");
        // In a longer language the connection wraps instead of being cut.
        connection.setWrapText(true);
        connection.setMinHeight(Region.USE_PREF_SIZE);
        VBox who = new VBox(2, nameLabel, email, connection);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox person = new HBox(12, avatar(name, account, pictures), who);
        person.setAlignment(Pos.TOP_LEFT);

        radio = new RadioButton(choiceText);
        radio.setId(radioId);
        radio.setToggleGroup(group);
        radio.setUserData(direction);
        radio.setMnemonicParsing(false);
        radio.setWrapText(true);
        radio.setMinHeight(Region.USE_PREF_SIZE);
        radio.setMaxWidth(Double.MAX_VALUE);
        radio.setAccessibleText(choiceText);
        radio.setAccessibleHelp(choiceHelp);

        getChildren().addAll(top, person, radio);
        setAccessibleText(summary);
        badge.visibleProperty().bind(radio.selectedProperty());
        radio.selectedProperty().addListener((observable, was, chosen) -> pseudoClassStateChanged(CHOSEN, chosen));
        pseudoClassStateChanged(CHOSEN, radio.isSelected());
        setOnMouseClicked(event -> {
            if (!radio.isDisabled()) {
                radio.setSelected(true);
                radio.requestFocus();
            }
        });
    }

    RadioButton radio() {
        return radio;
    }

    /** The account's picture over its initials (which show while it loads, or when there is none). */
    private static StackPane avatar(String name, Account account, ProfilePictures pictures) {
        Circle circle = new Circle(AVATAR / 2);
        circle.getStyleClass().add("avatar-circle");
        Label initials = new Label(SettingsView.initials(name));
        initials.getStyleClass().add("avatar-initials-small");
        StackPane avatar = new StackPane(circle, initials);
        account.picture()
                .flatMap(url -> ProfilePictureImage.of(pictures, url, AVATAR))
                .ifPresent(image -> {
                    ImageView picture = new ImageView(image);
                    picture.setClip(new Circle(AVATAR / 2, AVATAR / 2, AVATAR / 2));
                    avatar.getChildren().add(picture);
                });
        avatar.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return avatar;
    }
}
