package dev.accountlinker.ui.connect;

import dev.accountlinker.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

import static dev.accountlinker.ui.Controls.wrapped;

/**
 * The tenant check's answer under Check: one line per item ({@code check-<item>}), ✓ or ✗ and its words; a
 * screen reader hears "passed" or "failed" with each. Hidden while there is no answer.
 */
final class CheckResultsList {
    private static final String PASSED = "\u2713";
    private static final String FAILED = "\u2717";

    private CheckResultsList() {}

    static VBox create(ConnectViewModel viewModel, Messages messages) {
        VBox results = new VBox(6);
        results.setId("tenantCheckResults");
        results.getStyleClass().add("check-results");
        results.setAccessibleRole(AccessibleRole.LIST_VIEW);
        results.setAccessibleText(messages.get("connect.check.results"));
        viewModel.checkResults().addListener((ListChangeListener<CheckLine>) change -> results.getChildren()
                .setAll(viewModel.checkResults().stream()
                        .map(line -> resultLine(line, messages))
                        .toList()));
        results.visibleProperty().bind(Bindings.isNotEmpty(viewModel.checkResults()));
        results.managedProperty().bind(results.visibleProperty());
        return results;
    }

    private static Node resultLine(CheckLine line, Messages messages) {
        Label glyph = new Label(line.passed() ? PASSED : FAILED);
        glyph.getStyleClass().add("check-glyph");
        Label text = wrapped(line.text(), "check-text");
        HBox box = new HBox(8, glyph, text);
        box.setId("check-" + line.item().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        box.getStyleClass().add(line.passed() ? "check-passed" : "check-failed");
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(
                messages.get(line.passed() ? "connect.check.passedLine" : "connect.check.failedLine", line.text()));
        HBox.setHgrow(text, Priority.ALWAYS);
        return box;
    }
}
