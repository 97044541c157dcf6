package dev.accountlinker.ui.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountlinker.account.Account;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.LinkSafety;
import dev.accountlinker.linking.MetadataMerge;
import dev.accountlinker.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The link confirmation: both accounts named with their email and connection, a plain warning when the emails
 * differ (Link stays disabled until "Both accounts are mine" is ticked), the choice of main account, and what
 * that choice keeps, loses and merges.
 */
final class LinkConfirmation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;
    private final DialogSupport dialogs;

    LinkConfirmation(Messages messages, DialogSupport dialogs) {
        this.messages = messages;
        this.dialogs = dialogs;
    }

    Optional<LinkDirection> ask(Window owner, LinkPreview preview, Instant now) {
        String current = preview.mainDisplayName();
        String second = preview.secondDisplayName();
        VBox body = new VBox(8);
        body.getChildren().addAll(
                account("linkCurrentAccount", messages.get("link.dialog.signedInAccount", current, email(preview.main()),
                        connection(preview.main()))),
                account("linkSecondAccount", messages.get("link.dialog.secondAccount", second,
                        email(preview.secondAccount()), connection(preview.secondAccount()))));
        Optional<ObservableBooleanValue> confirmAllowed = Optional.empty();
        Optional<Node> firstFocus = Optional.empty();
        if (LinkSafety.emailsDiffer(preview.main(), preview.secondAccount())) {
            Label warning = DialogSupport.wrapped(messages.get("link.dialog.emailsDiffer"));
            warning.setId("linkEmailsDiffer");
            warning.getStyleClass().add("warning");
            CheckBox bothMine = new CheckBox(messages.get("link.dialog.bothMine"));
            bothMine.setId("bothAccountsMineCheckBox");
            bothMine.setMnemonicParsing(false);
            bothMine.setAccessibleHelp(messages.get("link.dialog.bothMine.help"));
            body.getChildren().addAll(warning, bothMine);
            confirmAllowed = Optional.of(bothMine.selectedProperty());
            firstFocus = Optional.of(bothMine);
        }

        ToggleGroup choice = new ToggleGroup();
        RadioButton keepCurrent = radio(choice, "keepCurrentMainRadio", messages.get("link.dialog.keepCurrent", current),
                messages.get("link.dialog.keepCurrent.help", current, second), LinkDirection.KEEP_CURRENT);
        RadioButton keepSecond = radio(choice, "keepSecondMainRadio", messages.get("link.dialog.keepSecond", second),
                messages.get("link.dialog.keepSecond.help", second, current), LinkDirection.KEEP_SECOND);
        keepCurrent.setSelected(true);
        body.getChildren().addAll(DialogSupport.wrapped(messages.get("link.dialog.choose")), keepCurrent, keepSecond);
        Optional<LinkPlan.Unavailable> unavailable = LinkPlan.unavailable(preview, LinkDirection.KEEP_SECOND, now);
        if (unavailable.isPresent()) {
            keepSecond.setDisable(true);
            Label why = DialogSupport.wrapped(switch (unavailable.get()) {
                case CURRENT_HAS_LINKED_IDENTITIES -> messages.get("link.dialog.keepSecond.hasLinked", second, current);
                case SIGN_IN_TOO_OLD -> messages.get("link.dialog.keepSecond.signInTooOld", second, current);
            });
            why.setId("keepSecondUnavailable");
            why.getStyleClass().add("choice-unavailable");
            keepSecond.setAccessibleHelp(why.getText());
            body.getChildren().add(why);
        }
        body.getChildren().add(plans(preview, unavailable.isEmpty(), choice));

        boolean confirmed = dialogs.ask(owner, messages.get("link.dialog.title"),
                messages.get("link.dialog.header", second, current), body, messages.get("link.dialog.confirm"),
                messages.get("link.dialog.confirm.help"), "confirmLinkButton", confirmAllowed, firstFocus);
        if (!confirmed || choice.getSelectedToggle() == null) {
            return Optional.empty();
        }
        return Optional.of((LinkDirection) choice.getSelectedToggle().getUserData());
    }

    /**
     * Both directions' details, stacked: only the chosen one shows, and the dialog is as tall as the taller one
     * from the start, so it never jumps when the choice changes.
     */
    private Node plans(LinkPreview preview, boolean secondAvailable, ToggleGroup choice) {
        VBox keepCurrent = plan(preview.plan(LinkDirection.KEEP_CURRENT));
        StackPane stack = new StackPane(keepCurrent);
        stack.setId("linkPlanDetails");
        if (secondAvailable) {
            VBox keepSecond = plan(preview.plan(LinkDirection.KEEP_SECOND));
            keepSecond.visibleProperty().bind(Bindings.createBooleanBinding(() -> choice.getSelectedToggle() != null
                    && choice.getSelectedToggle().getUserData() == LinkDirection.KEEP_SECOND, choice.selectedToggleProperty()));
            keepCurrent.visibleProperty().bind(keepSecond.visibleProperty().not());
            stack.getChildren().add(keepSecond);
        }
        return stack;
    }

    /** What one direction keeps and loses, and the metadata merge into its main account. */
    private VBox plan(LinkPlan plan) {
        String main = plan.targetDisplayName();
        String linked = plan.linkedDisplayName();
        VBox details = new VBox(8,
                DialogSupport.wrapped(messages.get("link.dialog.keeps", main, linked)),
                DialogSupport.wrapped(messages.get("link.dialog.loses", main, linked)),
                DialogSupport.wrapped(messages.get("link.dialog.merges", main, linked)));
        MetadataMerge.Result merge = plan.merge();
        if (merge.addedPaths().isEmpty() && merge.conflicts().isEmpty()) {
            details.getChildren().add(DialogSupport.wrapped(messages.get("link.dialog.nothingToMerge")));
        } else {
            details.getChildren().add(DialogSupport.wrapped(messages.get("link.dialog.mergeHeading", linked, main)));
            for (String path : merge.addedPaths()) {
                details.getChildren().add(DialogSupport.wrapped(messages.get("link.dialog.added", path,
                        readable(valueAt(merge.merged(), path)))));
            }
            for (MetadataMerge.Conflict conflict : merge.conflicts()) {
                Label line = DialogSupport.wrapped(messages.get("link.dialog.conflict", conflict.path(),
                        readable(conflict.kept()), readable(conflict.dropped()), main));
                line.getStyleClass().add("merge-conflict");
                details.getChildren().add(line);
            }
        }
        details.getChildren().add(DialogSupport.wrapped(messages.get("link.dialog.discarded", main, linked)));
        if (plan.switchesAccount()) {
            details.getChildren().add(DialogSupport.wrapped(messages.get("link.dialog.switch", main)));
        }
        return details;
    }

    private Label account(String id, String text) {
        Label label = DialogSupport.wrapped(text);
        label.setId(id);
        label.getStyleClass().add("account-summary");
        return label;
    }

    private String email(Account account) {
        return account.email().orElse(messages.get("link.dialog.noEmail"));
    }

    private String connection(Account account) {
        return account.identities().isEmpty() ? "" : messages.connectionName(account.identities().get(0).connection());
    }

    private static RadioButton radio(ToggleGroup group, String id, String text, String help, LinkDirection direction) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setUserData(direction);
        radio.setMnemonicParsing(false);
        radio.setWrapText(true);
        radio.setPrefWidth(DialogSupport.TEXT_WIDTH);
        radio.setMinHeight(Region.USE_PREF_SIZE);
        radio.setAccessibleText(text);
        radio.setAccessibleHelp(help);
        return radio;
    }

    /** Metadata values as a person reads them: text as it is, objects and lists as JSON. */
    static String readable(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Object valueAt(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String part : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return "";
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }
}
