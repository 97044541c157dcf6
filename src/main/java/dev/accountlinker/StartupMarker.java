package dev.accountlinker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * Opt-in start-up marker for the packaged-app check and start-up measurements. Run the app with
 * {@code -Daccountlinker.startupMarker=<file>} and it appends to that file:
 * <pre>
 * window-shown                            once the first window is on screen
 * services-ready                          once the tenant (the demo tenant, if used) and the sign-in client are up
 * services-failed IllegalStateException   instead, if they could not start (exception class only)
 * </pre>
 * The reader times the lines itself (the JVM's own start time needs java.management, not in the runtime).
 * Nothing else (no tokens, no addresses), and nothing at all without the property.
 */
public final class StartupMarker {
    public static final String PROPERTY = "accountlinker.startupMarker";

    private StartupMarker() {
    }

    /** Call once the first window is showing, with the services that are starting in the background. */
    public static void windowShown(CompletableFuture<?> services) {
        if (file() == null) {
            return;
        }
        write("window-shown");
        services.whenComplete((ready, failure) -> write(failure == null
                ? "services-ready"
                : "services-failed " + rootCause(failure).getClass().getSimpleName()));
    }

    private static String file() {
        String file = System.getProperty(PROPERTY);
        return file == null || file.isBlank() ? null : file;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A marker that cannot be written never stops the app. */
    private static synchronized void write(String line) {
        String file = file();
        try {
            Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not write the start-up marker " + file + ": " + e.getMessage());
        }
    }
}
