package dev.accountlinker.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the desktop prefers a dark colour scheme, read the way the operating system publishes it: JavaFX 21 has
 * no API for this (JavaFX 22's {@code Platform.Preferences} needs Java 21). Each question is a small command run
 * with a short timeout, off the JavaFX thread:
 * <ul>
 * <li>Linux: the freedesktop settings portal's {@code org.freedesktop.appearance color-scheme} (GNOME, KDE and
 * others publish it) through {@code gdbus}; else GNOME's {@code color-scheme} through {@code gsettings}; else
 * whether the GTK theme's name ({@code GTK_THEME}, then GNOME's {@code gtk-theme}) says dark;</li>
 * <li>macOS: {@code defaults read -g AppleInterfaceStyle} ({@code Dark}, or no such key when light);</li>
 * <li>Windows: the registry's {@code AppsUseLightTheme} ({@code 0} for dark).</li>
 * </ul>
 * When nothing answers, the scheme is unknown and the app uses its light theme.
 */
public final class SystemColorScheme {
    /** A colour scheme the system asks for. */
    public enum Scheme {
        LIGHT,
        DARK
    }

    /** What a finished command printed; empty when it could not run or did not finish in time. */
    public record Output(int exitCode, String text) {}

    /** Runs a command with a timeout (the real one starts a process; tests answer from a table). */
    public interface Commands {
        Optional<Output> run(List<String> command, Duration timeout);
    }

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final List<String> PORTAL = List.of(
            "gdbus",
            "call",
            "--session",
            "--timeout",
            "1",
            "--dest",
            "org.freedesktop.portal.Desktop",
            "--object-path",
            "/org/freedesktop/portal/desktop",
            "--method",
            "org.freedesktop.portal.Settings.Read",
            "org.freedesktop.appearance",
            "color-scheme");
    static final List<String> GNOME_COLOR_SCHEME =
            List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    static final List<String> GNOME_GTK_THEME = List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme");
    static final List<String> MAC = List.of("defaults", "read", "-g", "AppleInterfaceStyle");
    static final List<String> WINDOWS = List.of(
            "reg",
            "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
            "/v",
            "AppsUseLightTheme");

    private static final Pattern PORTAL_VALUE = Pattern.compile("uint32 (\\d+)");
    private static final Pattern REGISTRY_VALUE = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private static volatile CompletableFuture<Optional<Scheme>> early;

    private final String osName;
    private final Map<String, String> environment;
    private final Commands commands;

    public SystemColorScheme(String osName, Map<String, String> environment, Commands commands) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = Map.copyOf(environment);
        this.commands = commands;
    }

    /** This computer's. */
    public static SystemColorScheme ofThisSystem() {
        return new SystemColorScheme(System.getProperty("os.name", ""), System.getenv(), SystemColorScheme::runProcess);
    }

    /**
     * Starts reading this computer's scheme on a background thread, once per process: called before JavaFX starts,
     * so the answer is nearly always there when the first window is made, and never waited for.
     */
    public static CompletableFuture<Optional<Scheme>> readEarly() {
        CompletableFuture<Optional<Scheme>> started = early;
        if (started == null) {
            synchronized (SystemColorScheme.class) {
                if (early == null) {
                    early = ofThisSystem().readInBackground();
                }
                started = early;
            }
        }
        return started;
    }

    /** Reads the scheme on a new daemon thread. */
    public CompletableFuture<Optional<Scheme>> readInBackground() {
        CompletableFuture<Optional<Scheme>> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        result.complete(read());
                    } catch (RuntimeException unexpected) {
                        result.complete(Optional.empty());
                    }
                },
                "account-linker-color-scheme");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    /** Reads the scheme now (blocking for at most a few short timeouts): never call it on the JavaFX thread. */
    public Optional<Scheme> read() {
        if (osName.contains("win")) {
            return commands.run(WINDOWS, TIMEOUT).flatMap(SystemColorScheme::fromRegistry);
        }
        if (osName.contains("mac")) {
            // The key exists only while the dark appearance is on: "does not exist" (exit 1) means light.
            return commands.run(MAC, TIMEOUT)
                    .map(out -> out.exitCode() == 0 && out.text().strip().equalsIgnoreCase("dark")
                            ? Scheme.DARK
                            : Scheme.LIGHT);
        }
        Optional<Scheme> portal = answer(PORTAL).flatMap(SystemColorScheme::fromPortal);
        if (portal.isPresent()) {
            return portal;
        }
        Optional<Scheme> gnome = answer(GNOME_COLOR_SCHEME).flatMap(SystemColorScheme::fromGnomeColorScheme);
        if (gnome.isPresent()) {
            return gnome;
        }
        String gtkTheme = environment.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return Optional.of(fromThemeName(gtkTheme));
        }
        return answer(GNOME_GTK_THEME).filter(text -> !text.isBlank()).map(SystemColorScheme::fromThemeName);
    }

    private Optional<String> answer(List<String> command) {
        return commands.run(command, TIMEOUT).filter(out -> out.exitCode() == 0).map(Output::text);
    }

    /** The portal's answer, {@code (<<uint32 1>>,)}: 1 prefers dark, 2 prefers light, 0 has no preference. */
    static Optional<Scheme> fromPortal(String text) {
        Matcher matcher = PORTAL_VALUE.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return switch (matcher.group(1)) {
            case "1" -> Optional.of(Scheme.DARK);
            case "2" -> Optional.of(Scheme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** GNOME's {@code 'prefer-dark'}, {@code 'prefer-light'} or {@code 'default'} (no preference). */
    static Optional<Scheme> fromGnomeColorScheme(String text) {
        String value = unquoted(text);
        if (value.equals("prefer-dark")) {
            return Optional.of(Scheme.DARK);
        }
        return value.equals("prefer-light") ? Optional.of(Scheme.LIGHT) : Optional.empty();
    }

    /** A GTK theme such as {@code Adwaita-dark} or {@code Adwaita:dark} is dark; any other is light. */
    static Scheme fromThemeName(String text) {
        return unquoted(text).toLowerCase(Locale.ROOT).contains("dark") ? Scheme.DARK : Scheme.LIGHT;
    }

    static Optional<Scheme> fromRegistry(Output output) {
        Matcher matcher = REGISTRY_VALUE.matcher(output.text());
        if (output.exitCode() != 0 || !matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(matcher.group(1), 16) == 0 ? Scheme.DARK : Scheme.LIGHT);
    }

    private static String unquoted(String text) {
        return text.strip().replace("'", "").replace("\"", "");
    }

    /**
     * Runs a command without a shell and waits at most {@code timeout}; a command that is missing, fails to start or
     * takes longer gives nothing (a slow one is killed). Its error output is discarded.
     */
    static Optional<Output> runProcess(List<String> command, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException | RuntimeException notThere) {
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            // The answers are a line or two: they fit in the pipe, so reading after the exit cannot block.
            try (InputStream out = process.getInputStream()) {
                return Optional.of(
                        new Output(process.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
