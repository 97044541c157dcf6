package dev.accountlinker.ui.connect;

import dev.accountlinker.ui.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/**
 * The connect screen, bound to its {@link ConnectViewModel}; no logic of its own. Reading order is tab order: the
 * four fields, Check, the values to register with their Copy buttons, then Try the demo, Cancel and Save. Enter
 * checks until a check has passed, then saves; Escape cancels (a running check first).
 */
public final class ConnectView {
    private static final String PASSED = "\u2713";
    private static final String FAILED = "\u2717";

    private ConnectView() {
    }

    public static Parent create(ConnectViewModel viewModel, Messages messages) {
        Label heading = new Label(messages.get("connect.heading"));
        heading.getStyleClass().add("heading");
        Label explanation = wrapped(messages.get("connect.explanation"), "connect-explanation");

        Label problem = wrapped("", "status-message");
        problem.setId("tenantProblemMessage");
        problem.managedProperty().bind(problem.visibleProperty());
        viewModel.problemProperty().addListener((observable, old, message) -> message.applyTo(problem));
        viewModel.problemProperty().get().applyTo(problem);
        // Feedback on the last action lives in the button bar, always in view however far the page is scrolled.
        Label status = wrapped("", "status-message");
        status.setId("statusMessage");
        status.setMaxWidth(Double.MAX_VALUE);
        viewModel.statusProperty().addListener((observable, old, message) -> message.applyTo(status));
        viewModel.statusProperty().get().applyTo(status);

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
        inputs.put(ConnectField.DOMAIN, addField(form, 0, viewModel, messages, ConnectField.DOMAIN, "connect.field.domain"));
        inputs.put(ConnectField.CLIENT_ID, addField(form, 2, viewModel, messages, ConnectField.CLIENT_ID, "connect.field.clientId"));
        inputs.put(ConnectField.CONNECTIONS, addField(form, 4, viewModel, messages, ConnectField.CONNECTIONS, "connect.field.connections"));
        inputs.put(ConnectField.BROWSER_CONNECTIONS, addField(form, 6, viewModel, messages, ConnectField.BROWSER_CONNECTIONS,
                "connect.field.browserConnections"));
        focusWhenShown(inputs.get(viewModel.initialFocus()));
        viewModel.fieldToFixProperty().addListener((observable, old, field) -> {
            if (field != null) {
                inputs.get(field).requestFocus();
            }
        });

        Button check = button("tenantCheckButton", messages.get("connect.check"), messages.get("connect.check.help"));
        // Not disabled while a check runs (Check then does nothing): a disabled button would push the focus away.
        check.disableProperty().bind(viewModel.canCheckProperty().not());
        check.setOnAction(event -> viewModel.check());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("tenantCheckProgress");
        progress.setPrefSize(22, 22);
        progress.accessibleTextProperty().bind(viewModel.progressTextProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(viewModel.progressTextProperty());
        Button cancelCheck = button("tenantCheckCancelButton", messages.get("connect.check.cancel"),
                messages.get("connect.check.cancel.help"));
        cancelCheck.setOnAction(event -> viewModel.cancelCheck());
        var checking = Bindings.createBooleanBinding(() -> viewModel.stateProperty().get() == ConnectState.CHECKING,
                viewModel.stateProperty());
        var busy = Bindings.createBooleanBinding(() -> viewModel.stateProperty().get().isBusy(), viewModel.stateProperty());
        cancelCheck.visibleProperty().bind(checking);
        cancelCheck.managedProperty().bind(cancelCheck.visibleProperty());
        HBox progressBox = new HBox(8, progress, progressText);
        progressBox.setId("tenantCheckProgressBox");
        progressBox.setAlignment(Pos.CENTER_LEFT);
        progressBox.visibleProperty().bind(busy);
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        HBox checkRow = new HBox(12, check, progressBox, cancelCheck);
        checkRow.setAlignment(Pos.CENTER_LEFT);

        VBox results = new VBox(6);
        results.setId("tenantCheckResults");
        results.getStyleClass().add("check-results");
        results.setAccessibleRole(AccessibleRole.LIST_VIEW);
        results.setAccessibleText(messages.get("connect.check.results"));
        viewModel.checkResults().addListener((ListChangeListener<CheckLine>) change ->
                results.getChildren().setAll(viewModel.checkResults().stream().map(line -> resultLine(line, messages)).toList()));
        results.visibleProperty().bind(Bindings.isNotEmpty(viewModel.checkResults()));
        results.managedProperty().bind(results.visibleProperty());

        Label registrationHeading = new Label(messages.get("connect.registration.heading"));
        registrationHeading.getStyleClass().add("section-heading");
        Label registrationExplanation = wrapped(messages.get("connect.registration.explanation"), "connect-explanation");
        GridPane registration = registration(viewModel, messages);

        VBox content = new VBox(14, heading, explanation, problem, form, checkRow, results,
                registrationHeading, registrationExplanation, registration);
        content.getStyleClass().add("connect-screen");
        content.setPadding(new Insets(24, 32, 24, 32));
        content.setMaxWidth(860);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("connect-scroll");
        // The scroll pane itself takes no focus: Tab goes from field to field, not to the pane.
        scroll.setFocusTraversable(false);
        // The check's answer comes into view (it may be below the fold), once it has been laid out.
        boolean[] showResults = new boolean[1];
        viewModel.checkResults().addListener((ListChangeListener<CheckLine>) change ->
                showResults[0] = !viewModel.checkResults().isEmpty());
        results.boundsInParentProperty().addListener((observable, old, bounds) -> {
            if (showResults[0] && bounds.getHeight() > 0) {
                showResults[0] = false;
                Platform.runLater(() -> scrollIntoView(scroll, content, results));
            }
        });
        // A ScrollPane does not follow the keyboard by itself: bring whatever Tab focuses into view.
        scroll.sceneProperty().addListener((observable, oldScene, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, old, focused) -> scrollIntoView(scroll, content, focused));
            }
        });

        Button demo = button("tenantDemoButton", messages.get("connect.demo"), messages.get("connect.demo.help"));
        demo.setOnAction(event -> viewModel.tryDemo());
        demo.setVisible(viewModel.demoOffered());
        demo.managedProperty().bind(demo.visibleProperty());
        demo.disableProperty().bind(busy);
        Button cancel = button("tenantCancelButton", messages.get("connect.cancel"), messages.get("connect.cancel.help"));
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> viewModel.cancel());
        Button save = button("tenantSaveButton", messages.get("connect.save"), messages.get("connect.save.help"));
        save.getStyleClass().add("primary-action");
        save.disableProperty().bind(busy);
        save.setOnAction(event -> viewModel.save());
        // Enter checks until a check has passed; then it saves.
        var checkedOk = Bindings.createBooleanBinding(() -> viewModel.stateProperty().get() == ConnectState.CHECKED,
                viewModel.stateProperty());
        check.defaultButtonProperty().bind(checkedOk.not());
        save.defaultButtonProperty().bind(checkedOk);
        HBox.setHgrow(status, Priority.ALWAYS); // also keeps Cancel and Save on the right when empty
        HBox bar = new HBox(10, demo, status, cancel, save);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(10, 32, 14, 32));
        bar.getStyleClass().add("connect-bar");

        BorderPane root = new BorderPane(scroll);
        root.setBottom(bar);
        root.setId("connectScreen");
        return root;
    }

    private static void scrollIntoView(ScrollPane scroll, Region content, Node focused) {
        if (focused == null || !isInside(focused, content) || focused == content) {
            return;
        }
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewportHeight = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewportHeight) {
            return;
        }
        var bounds = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double top = (contentHeight - viewportHeight) * scroll.getVvalue();
        double newTop = top;
        if (bounds.getMinY() < top) {
            newTop = bounds.getMinY() - 8;
        } else if (bounds.getMaxY() > top + viewportHeight) {
            newTop = bounds.getMaxY() - viewportHeight + 8;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, newTop / (contentHeight - viewportHeight))));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node current = node; current != null; current = current.getParent()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first field gets the focus once it is really on screen: it is inside a scroll pane, whose content joins the
     * scene only when the pane's skin is made (in the next pulse), and that pulse also moves a focus that was left
     * on a removed node (the button that opened this screen).
     */
    private static void focusWhenShown(TextField field) {
        field.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> observable,
                                javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene != null) {
                    field.sceneProperty().removeListener(this);
                    Platform.runLater(field::requestFocus);
                }
            }
        });
    }

    /** Label, field and the line under it (the field's message, or its hint) in {@code row} and the next. */
    private static TextField addField(GridPane form, int row, ConnectViewModel viewModel, Messages messages, ConnectField field,
                                String key) {
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
        below.setId(field.nodeId().replace("ConnectField", "Error"));
        below.textProperty().bind(Bindings.createStringBinding(() -> {
            String error = viewModel.errorProperty(field).get();
            return error.isEmpty() ? hint : error;
        }, viewModel.errorProperty(field)));
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

    private static Node resultLine(CheckLine line, Messages messages) {
        Label glyph = new Label(line.passed() ? PASSED : FAILED);
        glyph.getStyleClass().add("check-glyph");
        Label text = wrapped(line.text(), "check-text");
        HBox box = new HBox(8, glyph, text);
        box.setId("check-" + line.item().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        box.getStyleClass().add(line.passed() ? "check-passed" : "check-failed");
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(messages.get(line.passed() ? "connect.check.passedLine" : "connect.check.failedLine", line.text()));
        HBox.setHgrow(text, Priority.ALWAYS);
        return box;
    }

    private static GridPane registration(ConnectViewModel viewModel, Messages messages) {
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
            copy.accessibleHelpProperty().bind(Bindings.createStringBinding(
                    () -> messages.get("connect.copy.help", name, value.getText()), value.textProperty()));
            copy.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(viewModel.registrationProperty(item).get());
                Clipboard.getSystemClipboard().setContent(content);
                viewModel.copied(item);
            });
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            GridPane.setValignment(copy, javafx.geometry.VPos.TOP);
            GridPane.setMargin(label, new Insets(4, 0, 0, 0));
            grid.add(label, 0, row);
            grid.add(value, 1, row);
            grid.add(copy, 2, row);
            row++;
        }
        return grid;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button button(String id, String text, String help) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE); // never "…": the status line next to it gives way instead
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setAccessibleHelp(help);
        return button;
    }
}
