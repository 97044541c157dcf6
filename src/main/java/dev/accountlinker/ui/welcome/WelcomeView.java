package dev.accountlinker.ui.welcome;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.StatusBanner;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Optional;

import static dev.accountlinker.ui.Controls.button;
import static dev.accountlinker.ui.Controls.wrapped;

/**
 * The sign-in screen, bound to its {@link WelcomeViewModel}: one card in the middle of the window with the app's
 * name, what it does, Sign in, the progress and status, and in demo mode the demo accounts (collapsed); the theme
 * menu in the corner. Built in code rather than FXML because it is the first window: the FXML loader (XML parser,
 * reflection) alone cost about a tenth of a second of start-up. No logic of its own.
 */
public final class WelcomeView {
    private WelcomeView() {}

    public static Parent create(WelcomeViewModel viewModel, Messages messages, Runnable useDemo) {
        return create(viewModel, messages, useDemo, () -> {});
    }

    public static Parent create(
            WelcomeViewModel viewModel, Messages messages, Runnable useDemo, Runnable connectTenant) {
        return create(viewModel, messages, useDemo, connectTenant, Optional.empty());
    }

    /**
     * @param connectTenant opens the "Connect your Auth0 tenant" screen
     * @param themeMenu     the theme menu for the window's corner
     */
    public static Parent create(
            WelcomeViewModel viewModel,
            Messages messages,
            Runnable useDemo,
            Runnable connectTenant,
            Optional<Node> themeMenu) {
        Label appName = wrapped(viewModel.appName(), "app-name");
        Label heading = wrapped(messages.get("signin.heading"), "heading");
        Label explanation = wrapped(messages.get("signin.explanation"), "explanation");

        Button signIn = button("signInButton", messages.get("signin.button"), messages.get("signin.button.help"));
        signIn.setDefaultButton(true);
        signIn.getStyleClass().addAll("primary-action", "accent");
        signIn.disableProperty().bind(viewModel.busyProperty().or(viewModel.configBrokenProperty()));
        signIn.setOnAction(event -> viewModel.signIn());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("signInProgress");
        progress.setPrefSize(24, 24);
        progress.accessibleTextProperty().bind(viewModel.progressTextProperty());
        Label progressText = new Label();
        progressText.setId("progressLabel");
        progressText.setWrapText(true);
        progressText.textProperty().bind(viewModel.progressTextProperty());
        Button cancel = button("signInCancelButton", messages.get("login.cancel"), messages.get("login.cancel.help"));
        cancel.setOnAction(event -> viewModel.cancel());
        HBox progressBox = new HBox(10, progress, progressText, cancel);
        progressBox.setId("progressBox");
        progressBox.getStyleClass().add("progress-row");
        progressBox.setAlignment(Pos.CENTER);
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());

        StatusBanner status = new StatusBanner(messages);
        status.setMaxWidth(Double.MAX_VALUE);
        viewModel.statusProperty().addListener((observable, old, message) -> status.show(message));
        status.show(viewModel.statusProperty().get());

        Button demo = button("useDemoButton", messages.get("signin.useDemo"), messages.get("signin.useDemo.help"));
        demo.setOnAction(event -> useDemo.run());
        demo.visibleProperty().bind(viewModel.demoOfferedProperty());
        demo.managedProperty().bind(demo.visibleProperty());

        Label tenant = wrapped("", "tenant-label");
        tenant.setId("tenantLabel");
        tenant.textProperty().bind(viewModel.tenantTextProperty());

        Button connect = button(
                "connectTenantButton", messages.get("signin.connectTenant"), messages.get("signin.connectTenant.help"));
        connect.getStyleClass().add("flat");
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
        // A long tenant address wraps; the link keeps its whole text (it was cut to "Change ten…").
        changeTenant.setMinWidth(Region.USE_PREF_SIZE);
        HBox tenantLine = new HBox(6, tenant, changeTenant);
        tenantLine.setAlignment(Pos.CENTER);

        VBox card = new VBox(18, appName, heading, explanation, signIn, progressBox, status, demo);
        if (viewModel.demoAccountsShown()) {
            card.getChildren().add(DemoAccountsPane.create(viewModel, messages));
        }
        card.getChildren().addAll(connect, tenantLine);
        card.getStyleClass().add("sign-in-card");
        card.setAlignment(Pos.TOP_CENTER);
        card.setMaxWidth(580);
        card.setMinHeight(Region.USE_PREF_SIZE);

        VBox centred = new VBox(card);
        centred.setAlignment(Pos.CENTER);
        centred.getStyleClass().add("sign-in-screen");
        ScrollPane scroller = new ScrollPane(centred);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setFocusTraversable(false);
        scroller.getStyleClass().add("screen-scroll");

        BorderPane root = new BorderPane();
        root.getStyleClass().add("sign-in-root");
        // Added first, so Tab reaches it first too: reading order is top right, then the card.
        themeMenu.ifPresent(menu -> root.setTop(cornerBar(menu)));
        root.setCenter(scroller);
        return root;
    }

    /** The theme menu, top right, above the card. */
    private static HBox cornerBar(Node menu) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(spacer, menu);
        bar.getStyleClass().add("corner-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }
}
