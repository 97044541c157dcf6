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
 * property it only runs the app's own after-first-frame work.
 */
public final class StartupMarker {
    public static final String PROPERTY = "accountlinker.startupMarker";

    private StartupMarker() {
    }

    /**
     * Runs {@code action} once, on the JavaFX thread, after the pulse that laid out and rendered the scene's
     * first frame has finished; with the property set, the marker line is written first.
     */
    public static void afterFirstFrame(Scene scene, Runnable action) {
        String file = System.getProperty(PROPERTY);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                if (file != null && !file.isBlank()) {
                    write(Path.of(file), "first-frame " + System.currentTimeMillis());
                }
                action.run();
            });
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
