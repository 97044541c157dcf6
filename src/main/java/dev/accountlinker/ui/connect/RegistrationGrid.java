package dev.accountlinker.ui.connect;

import dev.accountlinker.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import static dev.accountlinker.ui.Controls.wrapped;

/** "What to register in Auth0": each value ({@code registration-<id>}) with its Copy button ({@code copy-<id>}). */
final class RegistrationGrid {
    private RegistrationGrid() {}

    static GridPane create(ConnectViewModel viewModel, Messages messages) {
        GridPane grid = new GridPane();
        grid.setId("tenantRegistrationText");
        grid.getStyleClass().add("registration");
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values, new ColumnConstraints());
        int row = 0;
        for (RegistrationItem item : RegistrationItem.values()) {
            String name = messages.get(item.labelKey());
            Label label = new Label(name);
            label.getStyleClass().add("field-label");
            // A wrapping label, not a text field: every URL stays readable; Copy takes the exact value.
            Label value = wrapped("", "registration-value");
            value.setId("registration-" + item.id());
            value.setMaxWidth(Double.MAX_VALUE);
            value.textProperty().bind(viewModel.registrationProperty(item));
            value.setAccessibleText(name);
            label.setLabelFor(value);
            Button copy = new Button(messages.get("connect.copy"));
            copy.setMinWidth(Region.USE_PREF_SIZE);
            copy.setId("copy-" + item.id());
            copy.setMnemonicParsing(false);
            copy.accessibleHelpProperty()
                    .bind(Bindings.createStringBinding(
                            () -> messages.get("connect.copy.help", name, value.getText()), value.textProperty()));
            copy.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(viewModel.registrationProperty(item).get());
                Clipboard.getSystemClipboard().setContent(content);
                viewModel.copied(item);
            });
            GridPane.setValignment(label, VPos.TOP);
            GridPane.setValignment(copy, VPos.TOP);
            GridPane.setMargin(label, new Insets(4, 0, 0, 0));
            grid.add(label, 0, row);
            grid.add(value, 1, row);
            grid.add(copy, 2, row);
            row++;
        }
        return grid;
    }
}
