package dev.accountlinker.bench;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The baselines' copy of the app's start-up marker (dev.accountlinker.ui.StartupMarker), kept separate so the
 * baselines load no class of the app: after the next laid-out pulse, and once the JavaFX thread is free again,
 * append {@code first-frame <epochMillis>} to the file named by {@code -Daccountlinker.startupMarker}.
 */
final class FirstFrame {
    private FirstFrame() {}

    static void markAfterNextFrame(Scene scene) {
        String file = System.getProperty("accountlinker.startupMarker");
        if (file == null || file.isBlank()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> write(Path.of(file), "first-frame " + System.currentTimeMillis()));
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void write(Path file, String line) {
        try {
            Files.writeString(
                    file,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("Could not write the start-up marker " + file + ": " + e.getMessage());
        }
    }
}
