package dev.accountlinker.ui.signin;

import dev.accountlinker.ui.Messages;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The sign-in screen, bound to its {@link SignInViewModel}. Built in code rather than FXML because it is the
 * first window: the FXML loader (XML parser, reflection) alone cost about a tenth of a second of start-up.
 * No logic of its own.
 */
public final class SignInView {
    private SignInView() {
    }

    public static Parent create(SignInViewModel viewModel, Messages messages, Runnable useDemo) {
        return create(viewModel, messages, useDemo, () -> { });
    }

    /** @param connectTenant opens the "Connect your Auth0 tenant" screen */
    public static Parent create(SignInViewModel viewModel, Messages messages, Runnable useDemo, Runnable connectTenant) {
        Label appName = label(viewModel.appName(), "app-name");
        Label heading = label(messages.get("signin.heading"), "heading");
        Label explanation = label(messages.get("signin.explanation"), "explanation");

        Button signIn = button("signInButton", messages.get("signin.button"), messages.get("signin.button.help"));
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("primary-action");
        signIn.disableProperty().bind(viewModel.busyProperty().or(viewModel.configBrokenProperty()));
        signIn.setOnAction(event -> viewModel.signIn());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("signInProgress");
        progress.setPrefSize(24, 24);
        progress.accessibleTextProperty().bind(viewModel.progressTextProperty());
        Label progressText = new Label();
        progressText.setId("progressLabel");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        Button cancel = button("signInCancelButton", messages.get("login.cancel"), messages.get("login.cancel.help"));
        cancel.setOnAction(event -> viewModel.cancel());
        HBox progressBox = new HBox(10, progress, progressText, cancel);
        progressBox.setId("progressBox");
        progressBox.setAlignment(Pos.CENTER);
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());

        Label status = label("", "status-message");
        status.setId("statusMessage");
        status.managedProperty().bind(status.visibleProperty());
        viewModel.statusProperty().addListener((observable, old, message) -> message.applyTo(status));
        viewModel.statusProperty().get().applyTo(status);

        Button demo = button("useDemoButton", messages.get("signin.useDemo"), messages.get("signin.useDemo.help"));
        demo.setOnAction(event -> useDemo.run());
        demo.visibleProperty().bind(viewModel.demoOfferedProperty());
        demo.managedProperty().bind(demo.visibleProperty());

        Label tenant = label("", "tenant-label");
        tenant.setId("tenantLabel");
        tenant.textProperty().bind(viewModel.tenantTextProperty());

        Button connect = button("connectTenantButton", messages.get("signin.connectTenant"),
                messages.get("signin.connectTenant.help"));
        connect.setOnAction(event -> connectTenant.run());
        connect.setVisible(viewModel.connectTenantOffered());
        connect.managedProperty().bind(connect.visibleProperty());
        Hyperlink changeTenant = new Hyperlink(messages.get("signin.changeTenant"));
        changeTenant.setId("changeTenantLink");
        changeTenant.setMnemonicParsing(false);
        changeTenant.setAccessibleHelp(messages.get("signin.changeTenant.help"));
        changeTenant.setOnAction(event -> connectTenant.run());
        changeTenant.setVisible(viewModel.changeTenantOffered());
        changeTenant.managedProperty().bind(changeTenant.visibleProperty());
        HBox tenantLine = new HBox(6, tenant, changeTenant);
        tenantLine.setAlignment(Pos.CENTER);

        VBox root = new VBox(18, appName, heading, explanation, signIn, progressBox, status, demo, connect, tenantLine);
        root.getStyleClass().add("sign-in-screen");
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(560);
        return root;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Button button(String id, String text, String help) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setAccessibleHelp(help);
        return button;
    }
}
