package dev.accountlinker.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels and buttons made alike on every screen: text never cut, buttons never shortened to "…". */
public final class Controls {
    private Controls() {}

    /** A label that wraps and never cuts its last line (its height follows its text). */
    public static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    public static Button button(String id, String text, String help) {
        Button button = new Button(text);
        button.setMinWidth(Region.USE_PREF_SIZE); // never "…": the text next to it gives way instead
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setAccessibleHelp(help);
        return button;
    }
}
