package dev.accountlinker.ui;

import dev.accountlinker.config.SettingsFolder;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the main window was and how big, remembered between runs in a small file beside the settings file
 * (nothing else in it). A saved place that is no longer on any screen is ignored; a file that cannot be read or
 * written never stops the app.
 */
public final class WindowPlacement {
    private final Path file;

    public WindowPlacement(Path file) {
        this.file = file;
    }

    /**
     * Puts the window where it was last time, if that is still on a screen; otherwise leaves it as it is.
     *
     * @return whether it did
     */
    public boolean restore(Stage stage) {
        Optional<Rectangle2D> onScreen = read().filter(saved -> !Screen.getScreensForRectangle(
                        saved.getMinX(), saved.getMinY(), saved.getWidth(), saved.getHeight())
                .isEmpty());
        onScreen.ifPresent(saved -> {
            stage.setX(saved.getMinX());
            stage.setY(saved.getMinY());
            stage.setWidth(Math.max(saved.getWidth(), stage.getMinWidth()));
            stage.setHeight(Math.max(saved.getHeight(), stage.getMinHeight()));
        });
        return onScreen.isPresent();
    }

    /** Remembers the window's place (not while maximised or minimised: those are states, not places). */
    public void save(Stage stage) {
        if (stage.isMaximized() || stage.isIconified() || Double.isNaN(stage.getX())) {
            return;
        }
        Properties values = new Properties();
        values.setProperty("x", String.valueOf(stage.getX()));
        values.setProperty("y", String.valueOf(stage.getY()));
        values.setProperty("width", String.valueOf(stage.getWidth()));
        values.setProperty("height", String.valueOf(stage.getHeight()));
        try {
            SettingsFolder.ensure(file.getParent()); // often the first to make it: the user's only, as for settings
            Path temporary = Files.createTempFile(file.getParent(), "window", ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(out, "Account Linker's window: where it was and how big");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Remembering the window is a convenience: failing to is not worth a message.
        }
    }

    Optional<Rectangle2D> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
            double width = Double.parseDouble(values.getProperty("width"));
            double height = Double.parseDouble(values.getProperty("height"));
            if (width <= 0 || height <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Rectangle2D(
                    Double.parseDouble(values.getProperty("x")),
                    Double.parseDouble(values.getProperty("y")),
                    width,
                    height));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
