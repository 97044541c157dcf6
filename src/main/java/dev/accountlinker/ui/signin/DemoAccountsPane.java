package dev.accountlinker.ui.signin;

import dev.accountlinker.ui.DemoAccount;
import dev.accountlinker.ui.Icons;
import dev.accountlinker.ui.Messages;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * "Demo accounts", collapsed under Sign in while the demo tenant is used: each account's email and password with
 * Copy buttons, and what it shows. Its rows (and the icon font) are made the first time it is opened.
 */
final class DemoAccountsPane {
    private DemoAccountsPane() {
    }

    static TitledPane create(SignInViewModel viewModel, Messages messages) {
        TitledPane pane = new TitledPane();
        pane.setId("demoAccountsPane");
        pane.setText(messages.get("signin.demo.title"));
        pane.setAccessibleHelp(messages.get("signin.demo.help"));
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.setMaxWidth(Double.MAX_VALUE);
        pane.getStyleClass().add("demo-accounts");
        pane.expandedProperty().addListener((observable, was, expanded) -> {
            if (expanded && pane.getContent() == null) {
                pane.setContent(rows(viewModel, messages));
            }
        });
        return pane;
    }

    private static VBox rows(SignInViewModel viewModel, Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("demo-accounts-grid");
        grid.setHgap(8);
        grid.setVgap(10);
        ColumnConstraints icon = new ColumnConstraints();
        icon.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints account = new ColumnConstraints();
        account.setHgrow(Priority.ALWAYS);
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        fixed.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().addAll(icon, account, fixed, fixed, fixed);
        List<DemoAccount> accounts = viewModel.demoAccounts();
        for (int row = 0; row < accounts.size(); row++) {
            DemoAccount demo = accounts.get(row);
            String part = demo.email().replaceAll("[^A-Za-z0-9_-]", "_");
            var glyph = Icons.of(Icons.forProvider(demo.connection()), 18);
            glyph.getStyleClass().add("provider-icon");
            Label email = new Label(demo.email());
            email.getStyleClass().add("demo-email");
            Label note = new Label(viewModel.demoNote(demo));
            note.getStyleClass().add("demo-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            VBox who = new VBox(2, email, note);
            who.setAccessibleRole(AccessibleRole.TEXT);
            Button copyEmail = copy("copy-demo-email-" + part, messages.get("signin.demo.copyEmail"),
                    messages.get("signin.demo.copyEmail.help", demo.email()), demo.email(),
                    () -> viewModel.copied(messages.get("signin.demo.copiedEmail", demo.email())));
            Label password = new Label(demo.password());
            password.getStyleClass().add("demo-password");
            password.setMinWidth(Region.USE_PREF_SIZE);
            Button copyPassword = copy("copy-demo-password-" + part, messages.get("signin.demo.copyPassword"),
                    messages.get("signin.demo.copyPassword.help", demo.email()), demo.password(),
                    () -> viewModel.copied(messages.get("signin.demo.copiedPassword", demo.email())));
            grid.addRow(row, glyph, who, copyEmail, password, copyPassword);
            GridPane.setValignment(glyph, javafx.geometry.VPos.TOP);
        }
        Label intro = new Label(messages.get("signin.demo.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("demo-note");
        VBox content = new VBox(10, intro, grid);
        content.setAlignment(Pos.TOP_LEFT);
        return content;
    }

    private static Button copy(String id, String text, String help, String value, Runnable copied) {
        Button button = SignInView.button(id, text, help);
        button.setAccessibleText(help);
        button.getStyleClass().addAll("small", "copy-button");
        button.setGraphic(Icons.of(Icons.Glyph.COPY, 14));
        button.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
            copied.run();
        });
        return button;
    }
}
