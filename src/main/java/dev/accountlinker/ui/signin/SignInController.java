package dev.accountlinker.ui.signin;

import dev.accountlinker.ui.StatusMessage;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** Binds sign-in.fxml to its {@link SignInViewModel}; no logic of its own. */
public final class SignInController {
    private final SignInViewModel viewModel;
    private final Runnable useDemo;

    @FXML private Label tenantLabel;
    @FXML private Button signInButton;
    @FXML private Button signInCancelButton;
    @FXML private HBox progressBox;
    @FXML private ProgressIndicator signInProgress;
    @FXML private Label progressLabel;
    @FXML private Label statusMessage;
    @FXML private Button useDemoButton;

    public SignInController(SignInViewModel viewModel, Runnable useDemo) {
        this.viewModel = viewModel;
        this.useDemo = useDemo;
    }

    @FXML
    private void initialize() {
        tenantLabel.textProperty().bind(viewModel.tenantTextProperty());
        signInButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.configBrokenProperty()));
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        signInProgress.accessibleTextProperty().bind(viewModel.progressTextProperty());
        useDemoButton.visibleProperty().bind(viewModel.configBrokenProperty());
        useDemoButton.managedProperty().bind(useDemoButton.visibleProperty());
        statusMessage.managedProperty().bind(statusMessage.visibleProperty());
        viewModel.statusProperty().addListener((observable, old, message) -> message.applyTo(statusMessage));
        viewModel.statusProperty().get().applyTo(statusMessage);
    }

    @FXML
    private void signIn() {
        viewModel.signIn();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void useDemo() {
        useDemo.run();
    }
}
