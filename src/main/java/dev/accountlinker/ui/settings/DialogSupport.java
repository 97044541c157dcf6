package dev.accountlinker.ui.settings;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.AppIcons;
import dev.accountlinker.ui.theme.ThemeManager;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/** The modal confirmation all of the settings screen's questions share: a body, a confirm and a Cancel button. */
final class DialogSupport {
    static final double TEXT_WIDTH = 480;
    /** Room a dialog needs around its body: title bar, header, buttons and margins (measured: about 160). */
    private static final double HEADER_AND_BUTTONS = 200;

    private static final double MIN_BODY_HEIGHT = 200;

    private final Messages messages;

    DialogSupport(Messages messages) {
        this.messages = messages;
    }

    /**
     * Shows the dialog and waits; true when the person confirmed.
     *
     * @param confirmAllowed when present, the confirm button is enabled only while it is true
     * @param firstFocus     the control that has the keyboard focus when the dialog opens (else the confirm button)
     */
    boolean ask(
            Window owner,
            String title,
            String header,
            VBox body,
            String confirmText,
            String confirmHelp,
            String confirmId,
            Optional<ObservableBooleanValue> confirmAllowed,
            Optional<Node> firstFocus) {
        return ask(
                owner,
                title,
                header,
                body,
                confirmText,
                confirmHelp,
                confirmId,
                confirmAllowed,
                firstFocus,
                TEXT_WIDTH);
    }

    /** @param width the body's width (the link confirmation's two cards need more than a column of text) */
    boolean ask(
            Window owner,
            String title,
            String header,
            VBox body,
            String confirmText,
            String confirmHelp,
            String confirmId,
            Optional<ObservableBooleanValue> confirmAllowed,
            Optional<Node> firstFocus,
            double width) {
        Alert alert = alert(
                owner,
                title,
                header,
                body,
                new SimpleStringProperty(confirmText),
                new SimpleStringProperty(confirmHelp),
                confirmId,
                confirmAllowed,
                width);
        Button confirmButton = (Button)
                alert.getDialogPane().lookupButton(alert.getButtonTypes().get(0));
        // Enter confirms the dialog even on a check box or a radio button (JavaFX would toggle the box, or do
        // nothing): Space ticks the box, the arrow keys choose.
        alert.getDialogPane().addEventFilter(KeyEvent.ANY, event -> {
            Node focused = alert.getDialogPane().getScene().getFocusOwner();
            if (event.getCode() == KeyCode.ENTER && (focused instanceof CheckBox || focused instanceof RadioButton)) {
                event.consume();
                if (event.getEventType() == KeyEvent.KEY_PRESSED && !confirmButton.isDisabled()) {
                    confirmButton.fire();
                }
            }
        });
        firstFocus.ifPresent(node -> alert.setOnShown(event -> node.requestFocus()));
        return alert.showAndWait().filter(alert.getButtonTypes().get(0)::equals).isPresent();
    }

    /**
     * Like {@link #ask}, for a confirmation that must be a deliberate act (linking): the confirm button is not the
     * default button and never has the first focus, Enter on the dialog's other controls does nothing, and from the
     * keyboard only a Space or Enter pressed and released while the button has the focus fires it
     * ({@link DeliberateKeyPress}) — so a key held or repeated from the login form cannot confirm. A click still does.
     * The button's text and help may change while the dialog is open (its accessible text follows its text).
     */
    boolean askDeliberately(
            Window owner,
            String title,
            String header,
            VBox body,
            ObservableValue<String> confirmText,
            ObservableValue<String> confirmHelp,
            String confirmId,
            Optional<ObservableBooleanValue> confirmAllowed,
            Node firstFocus,
            double width) {
        Alert alert = alert(owner, title, header, body, confirmText, confirmHelp, confirmId, confirmAllowed, width);
        Button confirmButton = (Button)
                alert.getDialogPane().lookupButton(alert.getButtonTypes().get(0));
        confirmButton.setDefaultButton(false);
        // Its text may grow while the dialog is open ("Link without merging"), and two buttons as wide as the longer
        // do not fit in some languages: each takes its own width.
        ButtonBar.setButtonUniformSize(confirmButton, false);
        // The button bar's skin focuses the first button whose kind is a default one (OK) when it is made: made now,
        // before the dialog shows, so the first focus set once it has shown is the one that stays.
        alert.getDialogPane().applyCss();
        DeliberateKeyPress keys = new DeliberateKeyPress();
        confirmButton.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                keys.focusLeft();
                confirmButton.disarm();
            }
        });
        alert.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Node focused = alert.getDialogPane().getScene().getFocusOwner();
            boolean onConfirm = focused == confirmButton;
            boolean arms = keys.pressed(event.getCode(), onConfirm);
            if (onConfirm && DeliberateKeyPress.activates(event.getCode())) {
                event.consume(); // the decision is ours, not the button's own key handling
                if (arms && !confirmButton.isDisabled()) {
                    confirmButton.arm();
                }
            } else if (event.getCode() == KeyCode.ENTER
                    && (focused instanceof CheckBox || focused instanceof RadioButton)) {
                event.consume(); // neither confirms nor toggles: Space ticks, the arrow keys choose
            }
        });
        alert.getDialogPane().addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            Node focused = alert.getDialogPane().getScene().getFocusOwner();
            boolean onConfirm = focused == confirmButton;
            boolean fires = keys.released(event.getCode(), onConfirm);
            if (onConfirm && DeliberateKeyPress.activates(event.getCode())) {
                event.consume();
                confirmButton.disarm();
                if (fires && !confirmButton.isDisabled()) {
                    confirmButton.fire();
                }
            }
        });
        alert.setOnShown(event -> firstFocus.requestFocus());
        return alert.showAndWait().filter(alert.getButtonTypes().get(0)::equals).isPresent();
    }

    /** The dialog with its confirm button first in its button types, then Cancel. */
    private Alert alert(
            Window owner,
            String title,
            String header,
            VBox body,
            ObservableValue<String> confirmText,
            ObservableValue<String> confirmHelp,
            String confirmId,
            Optional<ObservableBooleanValue> confirmAllowed,
            double width) {
        ButtonType confirm = new ButtonType(confirmText.getValue(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("link.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", confirm, cancel);
        alert.initOwner(owner);
        alert.setTitle(title);
        AppIcons.apply((Stage) alert.getDialogPane().getScene().getWindow());
        alert.setHeaderText(header);
        alert.setGraphic(null); // the header says what is asked; a big question mark adds nothing
        alert.getDialogPane().setContent(scrollingWhenTooTall(body, owner));
        alert.getDialogPane().setPrefWidth(width + 40);
        // The theme is every window's user-agent stylesheet; the app's own styles are added to each scene.
        alert.getDialogPane().getStylesheets().add(ThemeManager.appStylesheet());
        alert.getDialogPane().getStyleClass().add("app-dialog");
        Button confirmButton = (Button) alert.getDialogPane().lookupButton(confirm);
        confirmButton.setId(confirmId);
        confirmButton.textProperty().bind(confirmText);
        confirmButton.accessibleHelpProperty().bind(confirmHelp);
        confirmAllowed.ifPresent(allowed -> confirmButton.disableProperty().bind(Bindings.not(allowed)));
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelDialogButton");
        cancelButton.setAccessibleHelp(messages.get("link.dialog.cancel"));
        return alert;
    }

    /**
     * The body as it is, in a scroll pane that takes its full height while the dialog fits on the owner's screen
     * and scrolls beyond that (a long language or a long merge preview): the buttons always stay on screen.
     */
    private static ScrollPane scrollingWhenTooTall(VBox body, Window owner) {
        Rectangle2D screen = (owner == null
                        ? List.of(Screen.getPrimary())
                        : Screen.getScreensForRectangle(
                                owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()))
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double tallest = Math.max(MIN_BODY_HEIGHT, screen.getHeight() - HEADER_AND_BUTTONS);
        ScrollPane scroller = new ScrollPane(body) {
            @Override
            protected double computePrefHeight(double width) {
                return Math.min(super.computePrefHeight(width), tallest);
            }

            // GTK sizes a dialog to its minimum height: a scroll pane's own minimum is one line.
            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }
        };
        // The skin puts the body into the scene graph: made now, the body is there when the dialog opens, so the
        // control asked to have the first focus can take it.
        scroller.setSkin(new ScrollPaneSkin(scroller));
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setFocusTraversable(false);
        // No frame of its own: the dialog looks as without it (the content's padding comes from the dialog pane).
        scroller.setStyle("-fx-background-color: transparent; -fx-background-insets: 0;");
        scroller.lookupAll(".viewport").forEach(viewport -> viewport.setStyle("-fx-background-color: transparent;"));
        return scroller;
    }

    static Label wrapped(String text) {
        return wrapped(text, TEXT_WIDTH);
    }

    static Label wrapped(String text, double width) {
        Label label = new Label(text);
        label.setWrapText(true);
        // A fixed wrapping width gives the label its full height: without it a dialog sizes it to one line.
        label.setPrefWidth(width);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
