package dev.accountlinker.ui.connect;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The connect screen's labels and buttons, made alike in every part of it. */
final class ConnectControls {
    private ConnectControls() {
    }

    /** A label that wraps and never cuts its last line (its height follows its text). */
    static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static Button button(String id, String text, String help) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE); // never "…": the status line next to it gives way instead
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setAccessibleHelp(help);
        return button;
    }
}
