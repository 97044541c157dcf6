package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkPreview;
import dev.accountlinker.linking.MetadataMerge;
import dev.accountlinker.ui.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The link and unlink confirmations as modal dialogs; the confirm buttons carry the contract's node ids. */
final class ConfirmationDialogs implements Confirmations {
    private final Messages messages;
    private final Supplier<Window> owner;
    private final Function<Identity, String> identityLabel;

    ConfirmationDialogs(Messages messages, Supplier<Window> owner, Function<Identity, String> identityLabel) {
        this.messages = messages;
        this.owner = owner;
        this.identityLabel = identityLabel;
    }

    @Override
    public boolean confirmLink(LinkPreview preview) {
        String second = preview.secondDisplayName();
        VBox body = new VBox(8);
        body.getChildren().add(wrapped(messages.get("link.dialog.main", preview.mainDisplayName())));
        MetadataMerge.Result merge = preview.merge();
        if (merge.addedPaths().isEmpty() && merge.conflicts().isEmpty()) {
            body.getChildren().add(wrapped(messages.get("link.dialog.nothingToMerge")));
        } else {
            body.getChildren().add(wrapped(messages.get("link.dialog.mergeHeading", second)));
            for (String path : merge.addedPaths()) {
                body.getChildren().add(wrapped(messages.get("link.dialog.added", path, valueAt(merge.merged(), path))));
            }
            for (MetadataMerge.Conflict conflict : merge.conflicts()) {
                Label line = wrapped(messages.get("link.dialog.conflict", conflict.path(), conflict.kept(), conflict.dropped()));
                line.getStyleClass().add("merge-conflict");
                body.getChildren().add(line);
            }
        }
        body.getChildren().add(wrapped(messages.get("link.dialog.discarded")));
        return ask(messages.get("link.dialog.title"), messages.get("link.dialog.header", second, preview.mainDisplayName()),
                body, messages.get("link.dialog.confirm"), messages.get("link.dialog.confirm.help"), "confirmLinkButton");
    }

    @Override
    public boolean confirmUnlink(Identity identity) {
        String label = identityLabel.apply(identity);
        VBox body = new VBox(8, wrapped(messages.get("unlink.dialog.body", label)));
        return ask(messages.get("unlink.dialog.title"), messages.get("unlink.dialog.header", label), body,
                messages.get("unlink.dialog.confirm"), messages.get("unlink.dialog.confirm.help"), "confirmUnlinkButton");
    }

    private boolean ask(String title, String header, VBox body, String confirmText, String confirmHelp, String confirmId) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("link.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", confirm, cancel);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        dev.accountlinker.ui.AppIcons.apply((javafx.stage.Stage) alert.getDialogPane().getScene().getWindow());
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
