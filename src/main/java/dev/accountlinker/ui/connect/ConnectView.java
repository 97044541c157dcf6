package dev.accountlinker.ui.connect;

import dev.accountlinker.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import static dev.accountlinker.ui.Controls.button;
import static dev.accountlinker.ui.Controls.wrapped;

/**
 * The connect screen, bound to its {@link ConnectViewModel}; no logic of its own. Reading order is tab order: the
 * four fields ({@link ConnectForm}), Check and its answer ({@link CheckResultsList}), the values to register with
 * their Copy buttons ({@link RegistrationGrid}), then Try the demo, Cancel and Save. Enter checks until a check has
 * passed, then saves; Escape cancels (a running check first).
 */
public final class ConnectView {
    private ConnectView() {}

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

        GridPane form = ConnectForm.create(viewModel, messages);

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
        Button cancelCheck = button(
                "tenantCheckCancelButton",
                messages.get("connect.check.cancel"),
                messages.get("connect.check.cancel.help"));
        cancelCheck.setOnAction(event -> viewModel.cancelCheck());
        var checking = Bindings.createBooleanBinding(
                () -> viewModel.stateProperty().get() == ConnectState.CHECKING, viewModel.stateProperty());
        var busy = Bindings.createBooleanBinding(
                () -> viewModel.stateProperty().get().isBusy(), viewModel.stateProperty());
        cancelCheck.visibleProperty().bind(checking);
        cancelCheck.managedProperty().bind(cancelCheck.visibleProperty());
        HBox progressBox = new HBox(8, progress, progressText);
        progressBox.setId("tenantCheckProgressBox");
        progressBox.setAlignment(Pos.CENTER_LEFT);
        progressBox.visibleProperty().bind(busy);
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        HBox checkRow = new HBox(12, check, progressBox, cancelCheck);
        checkRow.setAlignment(Pos.CENTER_LEFT);

        VBox results = CheckResultsList.create(viewModel, messages);

        Label registrationHeading = new Label(messages.get("connect.registration.heading"));
        registrationHeading.getStyleClass().add("section-heading");
        Label registrationExplanation =
                wrapped(messages.get("connect.registration.explanation"), "connect-explanation");
        GridPane registration = RegistrationGrid.create(viewModel, messages);

        VBox content = new VBox(
                14,
                heading,
                explanation,
                problem,
                form,
                checkRow,
                results,
                registrationHeading,
                registrationExplanation,
                registration);
        content.getStyleClass().add("connect-screen");
        content.setPadding(new Insets(24, 32, 24, 32));
        content.setMaxWidth(860);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("connect-scroll");
        // The scroll pane itself takes no focus: Tab goes from field to field, not to the pane.
        scroll.setFocusTraversable(false);
        ScrollFollowsFocus.install(scroll, content, results, viewModel.checkResults());

        Button demo = button("tenantDemoButton", messages.get("connect.demo"), messages.get("connect.demo.help"));
        demo.setOnAction(event -> viewModel.tryDemo());
        demo.setVisible(viewModel.demoOffered());
        demo.managedProperty().bind(demo.visibleProperty());
        demo.disableProperty().bind(busy);
        Button cancel =
                button("tenantCancelButton", messages.get("connect.cancel"), messages.get("connect.cancel.help"));
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> viewModel.cancel());
        Button save = button("tenantSaveButton", messages.get("connect.save"), messages.get("connect.save.help"));
        save.getStyleClass().add("primary-action");
        save.disableProperty().bind(busy);
        save.setOnAction(event -> viewModel.save());
        // Enter checks until a check has passed; then it saves.
        var checkedOk = Bindings.createBooleanBinding(
                () -> viewModel.stateProperty().get() == ConnectState.CHECKED, viewModel.stateProperty());
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
}
