package dev.accountlinker.ui.connect;

import dev.accountlinker.i18n.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.EnumMap;
import java.util.Map;

import static dev.accountlinker.ui.Controls.wrapped;

/**
 * The connect screen's four fields: label, field and the line under it (the field's message, or its hint). The
 * first field to fix has the focus when the screen opens, and again after a save that could not be done.
 */
final class ConnectForm {
    private ConnectForm() {}

    static GridPane create(ConnectViewModel viewModel, Messages messages) {
        GridPane form = new GridPane();
        form.getStyleClass().add("connect-form");
        form.setHgap(12);
        form.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        Map<ConnectField, TextField> inputs = new EnumMap<>(ConnectField.class);
        inputs.put(
                ConnectField.DOMAIN,
                addField(form, 0, viewModel, messages, ConnectField.DOMAIN, "connect.field.domain"));
        inputs.put(
                ConnectField.CLIENT_ID,
                addField(form, 2, viewModel, messages, ConnectField.CLIENT_ID, "connect.field.clientId"));
        inputs.put(
                ConnectField.CONNECTIONS,
                addField(form, 4, viewModel, messages, ConnectField.CONNECTIONS, "connect.field.connections"));
        inputs.put(
                ConnectField.BROWSER_CONNECTIONS,
                addField(
                        form,
                        6,
                        viewModel,
                        messages,
                        ConnectField.BROWSER_CONNECTIONS,
                        "connect.field.browserConnections"));
        focusWhenShown(inputs.get(viewModel.initialFocus()));
        viewModel.fieldToFixProperty().addListener((observable, old, field) -> {
            if (field != null) {
                inputs.get(field).requestFocus();
            }
        });
        return form;
    }

    /**
     * The first field gets the focus once it is really on screen: it is inside a scroll pane, whose content joins the
     * scene only when the pane's skin is made (in the next pulse), and that pulse also moves a focus that was left
     * on a removed node (the button that opened this screen).
     */
    private static void focusWhenShown(TextField field) {
        field.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene old, Scene scene) {
                if (scene != null) {
                    field.sceneProperty().removeListener(this);
                    Platform.runLater(field::requestFocus);
                }
            }
        });
    }

    /** Label, field and the line under it (the field's message, or its hint) in {@code row} and the next. */
    private static TextField addField(
            GridPane form, int row, ConnectViewModel viewModel, Messages messages, ConnectField field, String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        TextField input = new TextField();
        input.setId(field.nodeId());
        input.setPromptText(messages.get(key + ".prompt"));
        input.textProperty().bindBidirectional(viewModel.textProperty(field));
        input.setAccessibleText(messages.get(key));
        label.setLabelFor(input);
        String hint = messages.get(key + ".help");
        Label below = wrapped("", "field-hint");
        below.setId(field.nodeId().replace("Field", "Error"));
        below.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            String error = viewModel.errorProperty(field).get();
                            return error.isEmpty() ? hint : error;
                        },
                        viewModel.errorProperty(field)));
        viewModel.errorProperty(field).addListener((observable, old, error) -> markInvalid(input, below, error));
        markInvalid(input, below, viewModel.errorProperty(field).get());
        input.accessibleHelpProperty().bind(below.textProperty());
        GridPane.setHalignment(label, HPos.RIGHT);
        form.add(label, 0, row);
        form.add(input, 1, row);
        form.add(below, 1, row + 1);
        GridPane.setMargin(below, new Insets(0, 0, 8, 0));
        return input;
    }

    private static void markInvalid(TextField input, Label below, String error) {
        boolean invalid = !error.isEmpty();
        input.getStyleClass().remove("invalid");
        below.getStyleClass().remove("field-error");
        if (invalid) {
            input.getStyleClass().add("invalid");
            below.getStyleClass().add("field-error");
        }
    }
}
