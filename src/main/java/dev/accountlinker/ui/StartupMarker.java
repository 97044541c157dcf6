package dev.accountlinker.ui;

import dev.accountlinker.logging.AppLog;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;

/**
 * Work that waits for the first frame, and the opt-in start-up marker used by the benchmarks (bench/) and the
 * packaged-app check. Run the app with {@code -Daccountlinker.startupMarker=<file>} and it appends:
 * <pre>
 * first-frame 1764070000000               once the first frame is rendered and the JavaFX thread is free (epoch ms)
 * services-ready                          once the tenant (the demo one, if used) and the sign-in client are up
 * services-failed IllegalStateException   instead, if they could not start (exception class only)
 * tenant https://acme.eu.auth0.com         which tenant the app starts on ("tenant demo" for the built-in one)
 * webkit-warm                             once WebKit's native library is loaded (in the background)
 * </pre>
 * Nothing else (no tokens, no client id, no account), and nothing at all without the property.
 */
public final class StartupMarker {
    private static final System.Logger LOG = AppLog.logger(StartupMarker.class);
    public static final String PROPERTY = "accountlinker.startupMarker";

    private StartupMarker() {}

    /**
     * Runs {@code action} once, on the JavaFX thread, after the pulse that laid out and rendered the scene's
     * first frame has finished; with the property set, the {@code first-frame} line is written first.
     */
    public static void afterFirstFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                write("first-frame " + System.currentTimeMillis());
                action.run();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Records which tenant the app starts on: its public base URL, or {@code demo}. */
    public static void tenant(dev.accountlinker.config.AppConfig config) {
        if (file() == null) {
            return;
        }
        write("tenant "
                + (config.demo()
                        ? "demo"
                        : config.tenant().map(t -> t.address().baseUrl()).orElse("demo")));
    }

    /** Records whether the background services came up. */
    public static void servicesStarting(CompletableFuture<?> services) {
        if (file() == null) {
            return;
        }
        services.whenComplete((ready, failure) -> write(
                failure == null
                        ? "services-ready"
                        : "services-failed " + rootCause(failure).getClass().getSimpleName()));
    }

    /** Records when WebKit's library has been loaded in the background (the packaging's training run waits for it). */
    public static void webKitWarm(CompletableFuture<?> warmUp) {
        if (file() == null) {
            return;
        }
        warmUp.whenComplete((done, failure) -> write("webkit-warm"));
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
        if (file == null) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(file),
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not write the start-up marker " + file, e);
        }
    }
}
