package dev.accountlinker.ui.welcome;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.Controls;
import dev.accountlinker.ui.DemoAccount;
import dev.accountlinker.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
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
    private DemoAccountsPane() {}

    static TitledPane create(WelcomeViewModel viewModel, Messages messages) {
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

    /** Per account: icon, email, Copy, password, Copy on one line; what it shows on the next. */
    private static VBox rows(WelcomeViewModel viewModel, Messages messages) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("demo-accounts-grid");
        grid.setHgap(8);
        grid.setVgap(2);
        ColumnConstraints fixed = new ColumnConstraints();
        fixed.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints gap = new ColumnConstraints();
        gap.setHgrow(Priority.ALWAYS);
        gap.setMinWidth(8);
        grid.getColumnConstraints().addAll(fixed, fixed, fixed, gap, fixed, fixed);
        List<DemoAccount> accounts = viewModel.demoAccounts();
        int row = 0;
        for (DemoAccount demo : accounts) {
            String part = demo.email().replaceAll("[^A-Za-z0-9_-]", "_");
            var glyph = Icons.of(Icons.forProvider(demo.connection()), 18);
            glyph.getStyleClass().add("provider-icon");
            Label email = new Label(demo.email());
            email.getStyleClass().add("demo-email");
            email.setMinWidth(Region.USE_PREF_SIZE);
            Button copyEmail = copy(
                    "copy-demo-email-" + part,
                    messages.get("signin.demo.copyEmail"),
                    messages.get("signin.demo.copyEmail.help", demo.email()),
                    demo.email(),
                    () -> viewModel.copied(messages.get("signin.demo.copiedEmail", demo.email())));
            Label password = new Label(demo.password());
            password.getStyleClass().add("demo-password");
            password.setMinWidth(Region.USE_PREF_SIZE);
            password.setAccessibleText(messages.get("signin.demo.password", demo.password()));
            Button copyPassword = copy(
                    "copy-demo-password-" + part,
                    messages.get("signin.demo.copyPassword"),
                    messages.get("signin.demo.copyPassword.help", demo.email()),
                    demo.password(),
                    () -> viewModel.copied(messages.get("signin.demo.copiedPassword", demo.email())));
            Region spacer = new Region();
            grid.addRow(row, glyph, email, copyEmail, spacer, password, copyPassword);
            Label note = new Label(viewModel.demoNote(demo));
            note.getStyleClass().add("demo-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(note, 1, row + 1, 5, 1);
            Region space = new Region();
            space.setMinHeight(8);
            grid.add(space, 0, row + 2);
            row += 3;
        }
        Label intro = new Label(messages.get("signin.demo.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("demo-note");
        VBox content = new VBox(12, intro, grid);
        content.setAlignment(Pos.TOP_LEFT);
        return content;
    }

    /** An icon button (its name is said to screen readers and shown as a tooltip). */
    private static Button copy(String id, String text, String help, String value, Runnable copied) {
        Button button = Controls.button(id, text, help);
        button.setAccessibleText(help);
        button.setTooltip(new Tooltip(help));
        button.getStyleClass().addAll("copy-button", "button-icon", "flat");
        button.setGraphic(Icons.of(Icons.Glyph.COPY, 16));
        button.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
            copied.run();
        });
        return button;
    }
}
