package dev.accountlinker.ui.signin;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.Controls;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Supplier;

/**
 * The small window shown while the person signs in in their browser. It first says the browser is being opened;
 * then either "finish signing in there" (with Open again, and "Nothing opened?") or, when no browser could be
 * opened, the two ways on: copy the sign-in link into a browser, or sign in inside the app. The link copied is
 * taken off the clipboard again by {@link #forgetCopiedLink()}, unless something else has been copied since.
 */
final class BrowserWaitView {
    /** What the buttons do; implemented by the attempt. */
    interface Actions {
        void openAgain();

        void useEmbedded();

        void cancel();
    }

    private final Messages messages;
    private final Supplier<String> signInLink;
    private final Actions actions;
    private final Label heading = new Label();
    private final Label explanation = new Label();
    private final Label copied = new Label();
    /** Auth0 asks "confirm this app" in the browser after signing in: the loopback callback is not verifiable. */
    private final Label confirmNote = new Label();

    private final HBox buttons = new HBox(8);
    private final Hyperlink nothingOpened;
    private final Button cancel;
    private final VBox root;
    /** What this window put on the clipboard, until it is taken off again. */
    private String copiedLink;

    /** @param signInLink the link to copy: asked for on each copy, as the listener's one-time links are */
    BrowserWaitView(Messages messages, Supplier<String> signInLink, Actions actions) {
        this.messages = messages;
        this.signInLink = signInLink;
        this.actions = actions;
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("browserProgress");
        progress.setPrefSize(28, 28);
        progress.accessibleTextProperty().bind(heading.textProperty());
        heading.setId("browserStatus");
        heading.getStyleClass().add("section-heading");
        heading.setWrapText(true);
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        confirmNote.setId("browserConfirmNote");
        confirmNote.setWrapText(true);
        confirmNote.setMinHeight(Region.USE_PREF_SIZE);
        confirmNote.setText(messages.get("browser.confirmApp"));
        confirmNote.managedProperty().bind(confirmNote.visibleProperty());
        copied.setId("browserCopied");
        copied.setWrapText(true);
        copied.managedProperty().bind(copied.visibleProperty());
        copied.setVisible(false);
        nothingOpened = new Hyperlink(messages.get("browser.nothingOpened"));
        nothingOpened.setId("browserNothingOpenedLink");
        nothingOpened.setAccessibleHelp(messages.get("browser.nothingOpened.help"));
        nothingOpened.setOnAction(event -> showCouldNotOpen());
        nothingOpened.managedProperty().bind(nothingOpened.visibleProperty());
        cancel = button("browserCancelButton", "login.cancel", "login.cancel.help");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> actions.cancel());
        buttons.setAlignment(Pos.CENTER_RIGHT);
        HBox top = new HBox(12, progress, heading);
        top.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(14, top, explanation, confirmNote, copied, nothingOpened, buttons);
        root.setPadding(new Insets(18));
        root.setPrefWidth(480);
        root.getStyleClass().add("browser-wait");
        showOpening();
    }

    Parent root() {
        return root;
    }

    /** Before the platform says anything. */
    private void showOpening() {
        heading.setText(messages.get("browser.opening"));
        explanation.setText(messages.get("browser.explanation"));
        confirmNote.setVisible(true);
        nothingOpened.setVisible(false);
        buttons.getChildren().setAll(cancel);
    }

    /** The browser was opened, or the platform cannot tell: finish there. */
    void showOpened() {
        heading.setText(messages.get("browser.waiting"));
        explanation.setText(messages.get("browser.explanation"));
        confirmNote.setVisible(true);
        nothingOpened.setVisible(true);
        Button openAgain = button("browserOpenAgainButton", "browser.openAgain", "browser.openAgain.help");
        openAgain.setOnAction(event -> actions.openAgain());
        buttons.getChildren().setAll(openAgain, cancel);
        resize();
    }

    /** No browser could be opened (said by the platform or by the person): offer the ways on. */
    void showCouldNotOpen() {
        heading.setText(messages.get("browser.failed"));
        explanation.setText(messages.get("browser.failed.explanation"));
        confirmNote.setVisible(true);
        nothingOpened.setVisible(false);
        Button copy = button("browserCopyLinkButton", "browser.copyLink", "browser.copyLink.help");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            copiedLink = signInLink.get();
            content.putString(copiedLink);
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(messages.get("browser.copied"));
            copied.setVisible(true);
            resize();
        });
        Button embedded = button("browserUseEmbeddedButton", "browser.useEmbedded", "browser.useEmbedded.help");
        embedded.setOnAction(event -> actions.useEmbedded());
        buttons.getChildren().setAll(copy, embedded, cancel);
        copy.requestFocus();
        resize();
    }

    /** The attempt has ended: the copied link goes, unless the person has copied something else since. */
    void forgetCopiedLink() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (copiedLink != null && clipboard.hasString() && copiedLink.equals(clipboard.getString())) {
            clipboard.clear();
        }
        copiedLink = null;
    }

    private void resize() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().sizeToScene();
        }
    }

    private Button button(String id, String textKey, String helpKey) {
        return Controls.button(id, messages.get(textKey), messages.get(helpKey));
    }
}
