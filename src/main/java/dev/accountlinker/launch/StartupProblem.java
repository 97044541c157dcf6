package dev.accountlinker.launch;

import java.util.Optional;

/**
 * What the desktop lacks when JavaFX cannot start, read from the exception JavaFX throws out of
 * {@code Application.launch} (its GTK glass, JavaFX 21 on Linux, measured): no display at all ("Unable to open
 * DISPLAY", also when GTK is missing too) or no GTK 3 ("Unable to load glass GTK library.").
 */
public enum StartupProblem {
    NO_DISPLAY("Unable to open DISPLAY", "launcher.error.noDisplay"),
    NO_GTK("Unable to load glass GTK library", "launcher.error.noGtk");

    private final String javafxMessage;
    private final String messageKey;

    StartupProblem(String javafxMessage, String messageKey) {
        this.javafxMessage = javafxMessage;
        this.messageKey = messageKey;
    }

    /** The message in {@code messages.properties} that says what is missing and what to do. */
    public String messageKey() {
        return messageKey;
    }

    /** The known problem anywhere in the failure's cause chain, if any. */
    public static Optional<StartupProblem> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnsupportedOperationException && cause.getMessage() != null) {
                for (StartupProblem problem : values()) {
                    if (cause.getMessage().startsWith(problem.javafxMessage)) {
                        return Optional.of(problem);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
