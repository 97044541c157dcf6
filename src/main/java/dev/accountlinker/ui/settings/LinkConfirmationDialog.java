package dev.accountlinker.ui.settings;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.LinkSafety;
import dev.accountlinker.ui.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Instant;
import java.util.Optional;

/**
 * The link confirmation, to take in at a glance: the two accounts side by side as cards, the chosen one marked as
 * staying main (choosing is clicking a card or its radio button); when the emails differ, a warning and "Both
 * accounts are mine" (Link stays disabled until it is ticked, and it has the focus first); the metadata merge of the
 * chosen direction as a small table; one line on what Auth0 discards. Both directions' details are laid out from
 * the start (only the chosen one shows), so the dialog never changes size when the choice changes.
 */
final class LinkConfirmationDialog {
    /** Wide enough for the two cards side by side. */
    static final double WIDTH = 660;

    private final Messages messages;
    private final DialogSupport dialogs;

    LinkConfirmationDialog(Messages messages, DialogSupport dialogs) {
        this.messages = messages;
        this.dialogs = dialogs;
    }

    Optional<LinkDirection> ask(Window owner, LinkPreview preview, Instant now) {
        String current = preview.mainDisplayName();
        String second = preview.secondDisplayName();
        Optional<LinkPlan.Unavailable> unavailable = LinkPlan.unavailable(preview, LinkDirection.KEEP_SECOND, now);

        ToggleGroup choice = new ToggleGroup();
        AccountChoiceCard currentCard = new AccountChoiceCard(
                "linkCurrentAccount",
                messages.get("link.dialog.signedInCaption"),
                current,
                preview.main(),
                messages,
                choice,
                "keepCurrentMainRadio",
                messages.get("link.dialog.keepCurrent", current),
                messages.get("link.dialog.keepCurrent.help", current, second),
                LinkDirection.KEEP_CURRENT,
                messages.get(
                        "link.dialog.signedInAccount",
                        current,
                        email(preview.main().email()),
                        connection(preview.main())));
        AccountChoiceCard secondCard = new AccountChoiceCard(
                "linkSecondAccount",
                messages.get("link.dialog.toLinkCaption"),
                second,
                preview.secondAccount(),
                messages,
                choice,
                "keepSecondMainRadio",
                messages.get("link.dialog.keepSecond", second),
                messages.get("link.dialog.keepSecond.help", second, current),
                LinkDirection.KEEP_SECOND,
                messages.get(
                        "link.dialog.secondAccount",
                        second,
                        email(preview.secondAccount().email()),
                        connection(preview.secondAccount())));
        currentCard.radio().setSelected(true);
        HBox.setHgrow(currentCard, Priority.ALWAYS);
        HBox.setHgrow(secondCard, Priority.ALWAYS);
        currentCard.setPrefWidth(WIDTH / 2);
        secondCard.setPrefWidth(WIDTH / 2);
        StackPane link = new StackPane(Icons.of(Icons.Glyph.LINK, 20));
        link.getStyleClass().add("link-sign");
        link.setMinWidth(Region.USE_PREF_SIZE);
        HBox cards = new HBox(10, currentCard, link, secondCard);
        cards.setAlignment(Pos.CENTER);
        cards.setFillHeight(true);

        VBox body = new VBox(12, DialogSupport.wrapped(messages.get("link.dialog.chooseShort"), WIDTH), cards);
        body.getStyleClass().add("link-confirmation");
        if (unavailable.isPresent()) {
            secondCard.radio().setDisable(true);
            Label why = DialogSupport.wrapped(
                    switch (unavailable.get()) {
                        case CURRENT_HAS_LINKED_IDENTITIES ->
                            messages.get("link.dialog.keepSecond.hasLinked", second, current);
                        case SIGN_IN_TOO_OLD -> messages.get("link.dialog.keepSecond.signInTooOld", second, current);
                    },
                    WIDTH);
            why.setId("keepSecondUnavailable");
            why.getStyleClass().add("choice-unavailable");
            why.setGraphic(Icons.of(Icons.Glyph.INFO, 16));
            secondCard.radio().setAccessibleHelp(why.getText());
            body.getChildren().add(why);
        }

        Optional<ObservableBooleanValue> confirmAllowed = Optional.empty();
        Optional<Node> firstFocus = Optional.empty();
        if (LinkSafety.emailsDiffer(preview.main(), preview.secondAccount())) {
            Label warning = DialogSupport.wrapped(messages.get("link.dialog.emailsDiffer"), WIDTH);
            warning.setId("linkEmailsDiffer");
            warning.getStyleClass().add("warning");
            warning.setGraphic(Icons.of(Icons.Glyph.WARNING, 18));
            CheckBox bothMine = new CheckBox(messages.get("link.dialog.bothMine"));
            bothMine.setId("bothAccountsMineCheckBox");
            bothMine.setMnemonicParsing(false);
            bothMine.setAccessibleHelp(messages.get("link.dialog.bothMine.help"));
            VBox emails = new VBox(8, warning, bothMine);
            emails.getStyleClass().add("emails-differ");
            body.getChildren().add(emails);
            confirmAllowed = Optional.of(bothMine.selectedProperty());
            firstFocus = Optional.of(bothMine);
        }
        body.getChildren().add(plans(preview, unavailable.isEmpty(), choice));

        boolean confirmed = dialogs.ask(
                owner,
                messages.get("link.dialog.title"),
                messages.get("link.dialog.header", second, current),
                body,
                messages.get("link.dialog.confirm"),
                messages.get("link.dialog.confirm.help"),
                "confirmLinkButton",
                confirmAllowed,
                firstFocus,
                WIDTH);
        if (!confirmed || choice.getSelectedToggle() == null) {
            return Optional.empty();
        }
        return Optional.of((LinkDirection) choice.getSelectedToggle().getUserData());
    }

    /** Both directions' merge and consequences, stacked: only the chosen one shows; the stack is as tall as the taller. */
    private Node plans(LinkPreview preview, boolean secondAvailable, ToggleGroup choice) {
        VBox keepCurrent = plan(preview.plan(LinkDirection.KEEP_CURRENT));
        StackPane stack = new StackPane(keepCurrent);
        stack.setId("linkPlanDetails");
        stack.setAlignment(Pos.TOP_LEFT);
        if (secondAvailable) {
            VBox keepSecond = plan(preview.plan(LinkDirection.KEEP_SECOND));
            keepSecond
                    .visibleProperty()
                    .bind(Bindings.createBooleanBinding(
                            () -> choice.getSelectedToggle() != null
                                    && choice.getSelectedToggle().getUserData() == LinkDirection.KEEP_SECOND,
                            choice.selectedToggleProperty()));
            keepCurrent.visibleProperty().bind(keepSecond.visibleProperty().not());
            stack.getChildren().add(keepSecond);
        }
        return stack;
    }

    /** One direction: the merge table, what Auth0 discards, and whose session the app continues with. */
    private VBox plan(LinkPlan plan) {
        String main = plan.targetDisplayName();
        String linked = plan.linkedDisplayName();
        Label caption = DialogSupport.wrapped(messages.get("link.merge.caption"), WIDTH);
        caption.getStyleClass().add("section-heading");
        VBox details = new VBox(8, caption, MergePreview.create(plan, messages));
        String consequence = messages.get("link.dialog.discardedShort", main, linked);
        if (plan.switchesAccount()) {
            consequence += " " + messages.get("link.dialog.switch", main);
        }
        Label discarded = DialogSupport.wrapped(consequence, WIDTH);
        discarded.getStyleClass().add("consequence");
        details.getChildren().add(discarded);
        return details;
    }

    private String email(Optional<String> email) {
        return email.orElse(messages.get("link.dialog.noEmail"));
    }

    private String connection(dev.accountlinker.account.Account account) {
        return account.identities().isEmpty()
                ? ""
                : messages.connectionName(account.identities().get(0).connection());
    }
}
