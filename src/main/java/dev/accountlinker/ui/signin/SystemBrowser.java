package dev.accountlinker.ui.signin;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens the default browser with the desktop's own opener ({@code xdg-open} on Linux, {@code open} on macOS) and
 * reads its exit code, so a machine without a browser is noticed. Its output is discarded: nothing it prints about
 * the URL may reach a console. On Windows only HostServices is used (the shell's own handler, no command line of
 * ours and no console): never a shell command, which would print or split the URL at {@code &}; if HostServices
 * fails, that is reported as FAILED, so the wait window offers to copy the link. The URL opened is the sign-in
 * listener's one-time start URL, never the authorize URL (see {@code LoopbackReceiver}).
 */
public final class SystemBrowser implements BrowserOpener {
    /** How a kind of system's browser is opened. */
    enum Way {
        XDG_OPEN,
        MAC_OPEN,
        /** JavaFX's HostServices, the platform's own handler (Windows, and systems the app does not know). */
        HOST_SERVICES
    }

    /** xdg-open returns once the browser is launched; one that takes longer is taken as started. */
    private static final long WAIT_SECONDS = 10;

    private final List<String> command;
    private final Consumer<String> hostServices;

    /**
     * @param command      the opener and its arguments before the URL; empty to use {@code hostServices}
     * @param hostServices the platform's way when there is no opener command (HostServices.showDocument)
     */
    public SystemBrowser(List<String> command, Consumer<String> hostServices) {
        this.command = List.copyOf(command);
        this.hostServices = hostServices;
    }

    /** The opener of this operating system. */
    public static SystemBrowser forThisSystem(Consumer<String> hostServices) {
        return forSystem(System.getProperty("os.name", ""), hostServices);
    }

    /** The opener for the system named {@code osName} (the {@code os.name} property). */
    static SystemBrowser forSystem(String osName, Consumer<String> hostServices) {
        return switch (wayFor(osName)) {
            case XDG_OPEN -> new SystemBrowser(List.of("xdg-open"), hostServices);
            case MAC_OPEN -> new SystemBrowser(List.of("/usr/bin/open"), hostServices);
            case HOST_SERVICES -> new SystemBrowser(List.of(), hostServices);
        };
    }

    static Way wayFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Way.HOST_SERVICES;
        }
        if (os.contains("linux") || os.contains("bsd")) {
            return Way.XDG_OPEN;
        }
        if (os.contains("mac")) {
            return Way.MAC_OPEN;
        }
        return Way.HOST_SERVICES;
    }

    /** The command run before the URL; empty when HostServices opens it. */
    List<String> command() {
        return command;
    }

    @Override
    public Outcome open(String url) {
        if (command.isEmpty()) {
            return openWithHostServices(url);
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

    private Outcome openWithHostServices(String url) {
        // HostServices prints a URL it cannot read as a URI to the console: only a plain http(s) URL is handed over.
        if (!isWebUrl(url)) {
            return Outcome.FAILED;
        }
        try {
            hostServices.accept(url);
            return Outcome.UNKNOWN; // it does not say whether a browser started
        } catch (RuntimeException failed) {
            return Outcome.FAILED; // its message is not repeated anywhere: it may hold the URL
        }
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException notAUri) {
            return false;
        }
    }
}
