package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.MetadataMerge;
import dev.accountlinker.ui.AppIcons;
import dev.accountlinker.ui.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
/** The link and unlink confirmations as modal dialogs; the confirm buttons carry the contract's node ids. */
public final class ConfirmationDialogs implements Confirmations {
    private static final double TEXT_WIDTH = 480;

    private final Messages messages;
    private final Supplier<Window> owner;
    private final Clock clock;

    public ConfirmationDialogs(Messages messages, Supplier<Window> owner, Clock clock) {
        this.messages = messages;
        this.owner = owner;
        this.clock = clock;
    }

    @Override
    public Optional<LinkDirection> confirmLink(LinkPreview preview) {
        String current = preview.mainDisplayName();
        String second = preview.secondDisplayName();
        ToggleGroup choice = new ToggleGroup();
        RadioButton keepCurrent = radio(choice, "keepCurrentMainRadio", messages.get("link.dialog.keepCurrent", current),
                messages.get("link.dialog.keepCurrent.help", current, second));
        RadioButton keepSecond = radio(choice, "keepSecondMainRadio", messages.get("link.dialog.keepSecond", second),
                messages.get("link.dialog.keepSecond.help", second, current));
        keepCurrent.setUserData(LinkDirection.KEEP_CURRENT);
        keepSecond.setUserData(LinkDirection.KEEP_SECOND);
        keepCurrent.setSelected(true);

        VBox body = new VBox(8);
        body.getChildren().addAll(wrapped(messages.get("link.dialog.choose")), keepCurrent, keepSecond);
        Optional<LinkPlan.Unavailable> unavailable = LinkPlan.unavailable(preview, LinkDirection.KEEP_SECOND, clock.instant());
        if (unavailable.isPresent()) {
            keepSecond.setDisable(true);
            Label why = wrapped(switch (unavailable.get()) {
                case CURRENT_HAS_LINKED_IDENTITIES -> messages.get("link.dialog.keepSecond.hasLinked", second, current);
                case SIGN_IN_TOO_OLD -> messages.get("link.dialog.keepSecond.signInTooOld", second, current);
            });
            why.setId("keepSecondUnavailable");
            why.getStyleClass().add("choice-unavailable");
            keepSecond.setAccessibleHelp(why.getText());
            body.getChildren().add(why);
        }
        VBox details = new VBox(8);
        details.setId("linkPlanDetails");
        body.getChildren().add(details);
        showPlan(details, preview.plan(LinkDirection.KEEP_CURRENT));
        choice.selectedToggleProperty().addListener((observable, old, selected) -> {
            if (selected != null) {
                showPlan(details, preview.plan((LinkDirection) selected.getUserData()));
            }
        });
        boolean confirmed = ask(messages.get("link.dialog.title"), messages.get("link.dialog.header", second, current),
                body, messages.get("link.dialog.confirm"), messages.get("link.dialog.confirm.help"), "confirmLinkButton");
        if (!confirmed || choice.getSelectedToggle() == null) {
            return Optional.empty();
        }
        return Optional.of((LinkDirection) choice.getSelectedToggle().getUserData());
    }

    /** What the chosen direction keeps and loses, and the metadata merge into the chosen main account. */
    private void showPlan(VBox details, LinkPlan plan) {
        String main = plan.targetDisplayName();
        String linked = plan.linkedDisplayName();
        details.getChildren().setAll(
                wrapped(messages.get("link.dialog.keeps", main, linked)),
                wrapped(messages.get("link.dialog.loses", main, linked)),
                wrapped(messages.get("link.dialog.merges", main, linked)));
        MetadataMerge.Result merge = plan.merge();
        if (merge.addedPaths().isEmpty() && merge.conflicts().isEmpty()) {
            details.getChildren().add(wrapped(messages.get("link.dialog.nothingToMerge")));
        } else {
            details.getChildren().add(wrapped(messages.get("link.dialog.mergeHeading", linked, main)));
            for (String path : merge.addedPaths()) {
                details.getChildren().add(wrapped(messages.get("link.dialog.added", path, valueAt(merge.merged(), path))));
            }
            for (MetadataMerge.Conflict conflict : merge.conflicts()) {
                Label line = wrapped(messages.get("link.dialog.conflict", conflict.path(), conflict.kept(),
                        conflict.dropped(), main));
                line.getStyleClass().add("merge-conflict");
                details.getChildren().add(line);
            }
        }
        details.getChildren().add(wrapped(messages.get("link.dialog.discarded", main, linked)));
        if (plan.switchesAccount()) {
            details.getChildren().add(wrapped(messages.get("link.dialog.switch", main)));
        }
        if (details.getScene() != null && details.getScene().getWindow() != null) {
            details.getScene().getWindow().sizeToScene();
        }
    }

    private static RadioButton radio(ToggleGroup group, String id, String text, String help) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setMnemonicParsing(false);
        radio.setWrapText(true);
        radio.setPrefWidth(TEXT_WIDTH);
        radio.setMinHeight(Region.USE_PREF_SIZE);
        radio.setAccessibleText(text);
        radio.setAccessibleHelp(help);
        return radio;
    }

    @Override
    public boolean confirmUnlink(Identity identity) {
        String label = identity.label();
        VBox body = new VBox(8, wrapped(messages.get("unlink.dialog.body", label)));
        return ask(messages.get("unlink.dialog.title"), messages.get("unlink.dialog.header", label), body,
                messages.get("unlink.dialog.confirm"), messages.get("unlink.dialog.confirm.help"), "confirmUnlinkButton");
    }

    @Override
    public Optional<SignOut> confirmSignOut() {
        CheckBox federated = new CheckBox(messages.get("signout.dialog.federated"));
        federated.setId("federatedSignOutCheckBox");
        federated.setWrapText(true);
        federated.setMnemonicParsing(false);
        federated.setAccessibleHelp(messages.get("signout.dialog.federated.help"));
        VBox body = new VBox(12, wrapped(messages.get("signout.dialog.body")), federated);
        boolean confirmed = ask(messages.get("signout.dialog.title"), messages.get("signout.dialog.header"), body,
                messages.get("signout.dialog.confirm"), messages.get("signout.dialog.confirm.help"), "confirmSignOutButton");
        return confirmed ? Optional.of(new SignOut(federated.isSelected())) : Optional.empty();
    }

    private boolean ask(String title, String header, VBox body, String confirmText, String confirmHelp, String confirmId) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("link.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", confirm, cancel);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        AppIcons.apply((Stage) alert.getDialogPane().getScene().getWindow());
        alert.setHeaderText(header);
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setPrefWidth(520);
        Button confirmButton = (Button) alert.getDialogPane().lookupButton(confirm);
        confirmButton.setId(confirmId);
        confirmButton.setAccessibleHelp(confirmHelp);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelDialogButton");
        cancelButton.setAccessibleHelp(messages.get("link.dialog.cancel"));
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        // A fixed wrapping width gives the label its full height: without it a dialog sizes it to one line.
        label.setPrefWidth(TEXT_WIDTH);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
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
