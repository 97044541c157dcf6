package dev.accountlinker.ui.signin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens the default browser with the desktop's own opener ({@code xdg-open} on Linux, {@code open} on macOS) and
 * reads its exit code, so a machine without a browser is noticed. Its output is discarded: the sign-in URL carries
 * {@code state} and {@code nonce} and must never reach a console (JavaFX's HostServices printed it on failure).
 * Elsewhere (Windows) HostServices is used and the outcome is unknown.
 */
public final class SystemBrowser implements BrowserOpener {
    /** xdg-open returns once the browser is launched; one that takes longer is taken as started. */
    private static final long WAIT_SECONDS = 10;

    private final List<String> command;
    private final Consumer<String> fallback;

    /**
     * @param command  the opener and its arguments before the URL; empty to use {@code fallback}
     * @param fallback the platform's way when there is no opener command (HostServices.showDocument)
     */
    public SystemBrowser(List<String> command, Consumer<String> fallback) {
        this.command = List.copyOf(command);
        this.fallback = fallback;
    }

    /** The opener of this operating system. */
    public static SystemBrowser forThisSystem(Consumer<String> hostServices) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            return new SystemBrowser(List.of("xdg-open"), hostServices);
        }
        if (os.contains("mac")) {
            return new SystemBrowser(List.of("/usr/bin/open"), hostServices);
        }
        return new SystemBrowser(List.of(), hostServices);
    }

    @Override
    public Outcome open(String url) {
        if (command.isEmpty()) {
            fallback.accept(url);
            return Outcome.UNKNOWN;
        }
        List<String> full = new ArrayList<>(command);
        full.add(url);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return Outcome.UNKNOWN;
            }
            return process.exitValue() == 0 ? Outcome.OPENED : Outcome.FAILED;
        } catch (IOException e) {
            return Outcome.FAILED; // no opener installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        }
    }
}
