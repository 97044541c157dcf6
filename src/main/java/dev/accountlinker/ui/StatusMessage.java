package dev.accountlinker.ui;

import javafx.scene.control.Label;

/** A line of feedback under an action: success (green) or error (red). Style classes as the UI contract says. */
public record StatusMessage(String text, Kind kind) {
    public enum Kind {
        SUCCESS("success"),
        ERROR("error"),
        INFO("info");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public static final StatusMessage NONE = new StatusMessage("", Kind.INFO);

    public static StatusMessage error(String text) {
        return new StatusMessage(text, Kind.ERROR);
    }

    public static StatusMessage success(String text) {
        return new StatusMessage(text, Kind.SUCCESS);
    }

    public static StatusMessage info(String text) {
        return new StatusMessage(text, Kind.INFO);
    }

    /** Shows the message on a label, replacing any earlier kind's style class. */
    public void applyTo(Label label) {
        label.setText(text);
        for (Kind each : Kind.values()) {
            label.getStyleClass().remove(each.styleClass());
        }
        if (!text.isEmpty()) {
            label.getStyleClass().add(kind.styleClass());
        }
        label.setVisible(!text.isEmpty());
    }
}
