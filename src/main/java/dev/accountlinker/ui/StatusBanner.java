package dev.accountlinker.ui;

import atlantafx.base.controls.Message;
import dev.accountlinker.i18n.Messages;
import javafx.beans.DefaultProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A status line as the theme's message box (AtlantaFX's {@link Message}: its colours, border and icon for success,
 * error and information), with a skin of our own so that the text is the {@code #statusMessage} label testers and
 * screen readers read (never parsed as markup), actions such as "Sign in again" sit beside it, and the close button is
 * a real button, reachable with Tab. Hidden while there is nothing to say (or as its user binds its visibility).
 *
 * <p>Declared in FXML as {@code <StatusBanner closeText="%status.close" closeHelp="%status.close.help">} with its
 * actions as children; in code, {@link #StatusBanner(Messages)}. Gaps and paddings come from the stylesheet.
 */
@DefaultProperty("actions")
public final class StatusBanner extends Message {
    private final Label text = new Label();
    private final StackPane icon = new StackPane();
    private final HBox actions = new HBox();
    private final Button close = new Button();
    private final ReadOnlyBooleanWrapper hasMessage = new ReadOnlyBooleanWrapper(false);
    private StatusMessage shown = StatusMessage.NONE;

    /** A banner whose close button says what it does in the bundles' words. */
    public StatusBanner(Messages messages) {
        this();
        setCloseText(messages.get("status.close"));
        setCloseHelp(messages.get("status.close.help"));
    }

    /** For FXML: the close button's accessible text and help come as {@code closeText} and {@code closeHelp}. */
    public StatusBanner() {
        getStyleClass().add("status-banner");
        setFocusTraversable(false); // only its buttons take the focus; the text is read as the label it is
        text.setId("statusMessage");
        text.getStyleClass().add("status-message");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setAccessibleRole(AccessibleRole.TEXT);
        icon.getStyleClass().add("graphic");
        icon.setMinWidth(Region.USE_PREF_SIZE);
        actions.getStyleClass().add("status-actions");
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        close.setId("statusCloseButton");
        close.getStyleClass().addAll("status-close", "button-icon", "flat");
        close.setMnemonicParsing(false);
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setOnAction(event -> show(StatusMessage.NONE));
        managedProperty().bind(visibleProperty());
        show(StatusMessage.NONE);
    }

    /** The label holding the text ({@code #statusMessage}, with the style class of its kind). */
    public Label label() {
        return text;
    }

    /** Buttons shown beside the text, such as "Sign in again"; each decides itself when it is visible. */
    public ObservableList<Node> getActions() {
        return actions.getChildren();
    }

    /** The close button's accessible text ("Close message"). */
    public String getCloseText() {
        return close.getAccessibleText();
    }

    public void setCloseText(String text) {
        close.setAccessibleText(text);
    }

    /** The close button's accessible help. */
    public String getCloseHelp() {
        return close.getAccessibleHelp();
    }

    public void setCloseHelp(String help) {
        close.setAccessibleHelp(help);
    }

    public StatusMessage shown() {
        return shown;
    }

    /** True while there is a message; the banner is visible then, unless its user binds visibility itself. */
    public ReadOnlyBooleanProperty hasMessageProperty() {
        return hasMessage.getReadOnlyProperty();
    }

    /** Shows the message (its kind's colour and icon), or hides the banner for {@link StatusMessage#NONE}. */
    public void show(StatusMessage message) {
        shown = message;
        message.applyTo(text);
        getStyleClass().removeAll("success", "danger", "accent");
        boolean empty = message.text().isEmpty();
        if (!empty) {
            getStyleClass()
                    .add(
                            switch (message.kind()) {
                                case SUCCESS -> "success";
                                case ERROR -> "danger";
                                case INFO -> "accent";
                            });
            // The icon font loads with the first message, never for the first frame.
            icon.getChildren()
                    .setAll(Icons.of(
                            switch (message.kind()) {
                                case SUCCESS -> Icons.Glyph.SUCCESS;
                                case ERROR -> Icons.Glyph.ERROR;
                                case INFO -> Icons.Glyph.INFO;
                            }));
            if (close.getGraphic() == null) {
                close.setGraphic(Icons.of(Icons.Glyph.CLOSE));
            }
        }
        hasMessage.set(!empty);
        if (!visibleProperty().isBound()) {
            setVisible(!empty);
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL; // the text wraps: its height depends on the width it gets
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new BannerSkin(this);
    }

    /** The theme's structure ({@code .container} with {@code .graphic}), filled with our label, actions and close button. */
    private static final class BannerSkin extends SkinBase<StatusBanner> {
        private final HBox container;

        BannerSkin(StatusBanner banner) {
            super(banner);
            HBox.setHgrow(banner.text, Priority.ALWAYS);
            container = new HBox(banner.icon, banner.text, banner.actions, banner.close);
            container.getStyleClass().add("container");
            container.setAlignment(Pos.CENTER_LEFT);
            getChildren().setAll(container);
        }

        @Override
        protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
            return computePrefHeight(width, top, right, bottom, left);
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return top + container.prefHeight(width < 0 ? -1 : width - left - right) + bottom;
        }

        @Override
        protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
            return left + container.minWidth(height) + right;
        }
    }
}
