package dev.accountlinker.testkit;

/**
 * The status line as a person sees it ({@code #statusMessage}): its text and its kind, read from the style class
 * the testing contract names ({@code success}, {@code info}, {@code error}).
 */
public record Status(String text, Kind kind) {
    public enum Kind {
        SUCCESS,
        INFO,
        ERROR,
        /** No message is shown. */
        NONE
    }

    public static final Status NONE = new Status("", Kind.NONE);

    public boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(none)" : "\"" + text + "\" (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
