package dev.accountlinker.logging;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the log file lives: each system's place for an app's logs. Linux and other Unix: the XDG state folder
 * ({@code $XDG_STATE_HOME/account-linker}, else {@code ~/.local/state/account-linker}); macOS: {@code ~/Library/Logs/
 * Account Linker}; Windows: {@code %LOCALAPPDATA%\Account Linker\logs} (local, not roaming: a log is about this
 * machine). The JVM property {@value #PROPERTY} names another folder (the tests use it).
 */
public final class LogLocation {
    public static final String PROPERTY = "accountlinker.logFolder";
    public static final String FILE_NAME = "account-linker.log";

    private LogLocation() {}

    /** The log file for this process: the property's folder, else this system's. */
    public static Path forThisProcess() {
        String chosen = System.getProperty(PROPERTY);
        Path folder = chosen != null && !chosen.isBlank()
                ? Path.of(chosen.strip())
                : folder(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
        return folder.resolve(FILE_NAME);
    }

    /** The log folder on a system named {@code osName} (as the {@code os.name} property says it). */
    public static Path folder(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = isSet(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("Account Linker").resolve("logs");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("Account Linker");
        }
        // The XDG spec: a relative path in the variable is invalid and must be ignored.
        String state = environment.get("XDG_STATE_HOME");
        Path base = isSet(state) && Path.of(state).isAbsolute()
                ? Path.of(state)
                : home.resolve(".local").resolve("state");
        return base.resolve("account-linker");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
