package dev.accountlinker.ui.settings;

import dev.accountlinker.account.ProfilePictures;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.LinkSafety;
import dev.accountlinker.linking.ProfileLimit;
import dev.accountlinker.ui.Icons;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The link confirmation, to take in at a glance: the two accounts side by side as cards, the chosen one marked as
 * staying main (choosing is clicking a card or its radio button); when the emails differ, a warning and "Both
 * accounts are mine" (Link stays disabled until it is ticked, and it has the focus first); the metadata merge of the
 * chosen direction as a small table; one line on what Auth0 discards. Both directions' details are laid out from
 * the start (only the chosen one shows), so the dialog never changes size when the choice changes.
 * <p>
 * When a direction's merge would cross Auth0's profile cap, its details say so first (the size and the limit) and
 * Link becomes "Link without merging": that direction links keeping only the main account's information. Link is a
 * deliberate act ({@link DialogSupport#askDeliberately}): never the default button, never the first focus, so an
 * Enter held or repeated from the login form cannot confirm it; from the keyboard, Tab reaches it and Space or Enter
 * presses it.
 */
final class LinkConfirmationDialog {
    /** Wide enough for the two cards side by side. */
    static final double WIDTH = 660;

    private final Messages messages;
    private final DialogSupport dialogs;
    private final ProfilePictures pictures;

    LinkConfirmationDialog(Messages messages, DialogSupport dialogs, ProfilePictures pictures) {
        this.messages = messages;
        this.dialogs = dialogs;
        this.pictures = pictures;
    }

    /** The plan the person confirmed (the chosen direction, merging or keeping only the main account's information). */
    Optional<LinkPlan> ask(Window owner, LinkPreview preview, Instant now) {
        String current = preview.mainDisplayName();
        String second = preview.secondDisplayName();
        Optional<LinkPlan.Unavailable> unavailable = LinkPlan.unavailable(preview, LinkDirection.KEEP_SECOND, now);
        Map<LinkDirection, LinkPlan> offered = new EnumMap<>(LinkDirection.class);
        offered.put(LinkDirection.KEEP_CURRENT, preview.plan(LinkDirection.KEEP_CURRENT));
        if (unavailable.isEmpty()) {
            offered.put(LinkDirection.KEEP_SECOND, preview.plan(LinkDirection.KEEP_SECOND));
        }

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
                        connection(preview.main())),
                pictures);
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
                        connection(preview.secondAccount())),
                pictures);
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
        // The choice has the first focus (or the question below): never Link, so a held Enter cannot reach it.
        Node firstFocus = currentCard.radio();
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
            firstFocus = bothMine;
        }
        body.getChildren().add(plans(offered, choice));

        ObjectBinding<LinkPlan> chosen = Bindings.createObjectBinding(
                () -> offered.get(
                        choice.getSelectedToggle() == null
                                ? LinkDirection.KEEP_CURRENT
                                : (LinkDirection) choice.getSelectedToggle().getUserData()),
                choice.selectedToggleProperty());
        StringBinding confirmText = Bindings.createStringBinding(
                () -> messages.get(
                        chosen.get().mergesMetadata() ? "link.dialog.confirm" : "link.dialog.confirmWithoutMerge"),
                chosen);
        Observable[] helpDependsOn = confirmAllowed
                .map(allowed -> new Observable[] {chosen, allowed})
                .orElse(new Observable[] {chosen});
        Optional<ObservableBooleanValue> allowedNow = confirmAllowed;
        StringBinding confirmHelp = Bindings.createStringBinding(
                () -> {
                    LinkPlan plan = chosen.get();
                    if (allowedNow.isPresent() && !allowedNow.get().get()) {
                        return messages.get("link.dialog.confirm.waiting");
                    }
                    return plan.mergesMetadata()
                            ? messages.get("link.dialog.confirm.help")
                            : messages.get(
                                    "link.dialog.confirmWithoutMerge.help",
                                    plan.targetDisplayName(),
                                    plan.linkedDisplayName());
                },
                helpDependsOn);

        boolean confirmed = dialogs.askDeliberately(
                owner,
                messages.get("link.dialog.title"),
                messages.get("link.dialog.header", second, current),
                body,
                confirmText,
                confirmHelp,
                "confirmLinkButton",
                confirmAllowed,
                firstFocus,
                WIDTH);
        if (!confirmed || choice.getSelectedToggle() == null) {
            return Optional.empty();
        }
        return Optional.of(chosen.get());
    }

    /** Both directions' merge and consequences, stacked: only the chosen one shows; the stack is as tall as the taller. */
    private Node plans(Map<LinkDirection, LinkPlan> offered, ToggleGroup choice) {
        VBox keepCurrent = plan(offered.get(LinkDirection.KEEP_CURRENT));
        StackPane stack = new StackPane(keepCurrent);
        stack.setId("linkPlanDetails");
        stack.setAlignment(Pos.TOP_LEFT);
        if (offered.containsKey(LinkDirection.KEEP_SECOND)) {
            VBox keepSecond = plan(offered.get(LinkDirection.KEEP_SECOND));
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

    /**
     * One direction: why it cannot merge (when the merge would cross the profile cap), the merge table, what Auth0
     * discards, and whose session the app continues with.
     */
    private VBox plan(LinkPlan plan) {
        String main = plan.targetDisplayName();
        String linked = plan.linkedDisplayName();
        Label caption = DialogSupport.wrapped(messages.get("link.merge.caption"), WIDTH);
        caption.getStyleClass().add("section-heading");
        VBox details = new VBox(8, caption, MergePreview.create(plan, messages));
        if (plan.mergeExceedsProfileLimit()) {
            Label tooLarge = DialogSupport.wrapped(
                    messages.get(
                            "link.dialog.tooLarge",
                            MergePreview.kilobytes(plan.mergedSizeInBytes(), messages),
                            MergePreview.kilobytes(ProfileLimit.MAX_METADATA_BYTES, messages),
                            main,
                            linked),
                    WIDTH - 26);
            tooLarge.setGraphic(Icons.of(Icons.Glyph.WARNING, 18));
            VBox box = new VBox(tooLarge);
            box.setId(
                    plan.direction() == LinkDirection.KEEP_CURRENT
                            ? "metadataTooLargeKeepCurrent"
                            : "metadataTooLargeKeepSecond");
            box.getStyleClass().add("metadata-too-large");
            details.getChildren().add(0, box);
        }
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
