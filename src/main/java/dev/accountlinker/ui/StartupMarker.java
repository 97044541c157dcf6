package dev.accountlinker.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opt-in start-up marker for benchmarks (bench/): with {@code -Daccountlinker.startupMarker=<file>} the app
 * appends one line {@code first-frame <epochMillis>} to that file once the first frame of its first window
 * has been laid out and rendered and the JavaFX thread is free again (the window is interactive). Without the
 * property it does nothing.
 */
public final class StartupMarker {
    public static final String PROPERTY = "accountlinker.startupMarker";

    private StartupMarker() {
    }

    /** Call right after the first {@code stage.show()}. */
    public static void afterFirstFrame(Scene scene) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // Runs after the pulse that laid out and rendered the first frame has finished.
            Platform.runLater(() -> write(Path.of(file), "first-frame " + System.currentTimeMillis()));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void write(Path file, String line) {
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("Could not write the start-up marker " + file + ": " + e.getMessage());
        }
    }
}
