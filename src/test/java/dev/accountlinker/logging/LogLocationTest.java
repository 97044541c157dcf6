package dev.accountlinker.logging;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogLocationTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void linuxUsesTheXdgStateFolder() {
        assertEquals(Path.of("/home/alice/.local/state/account-linker"), LogLocation.folder("Linux", Map.of(), HOME));
        assertEquals(
                Path.of("/var/alice-state/account-linker"),
                LogLocation.folder("Linux", Map.of("XDG_STATE_HOME", "/var/alice-state"), HOME));
    }

    @Test
    void anEmptyOrRelativeXdgStateHomeIsIgnoredAsTheSpecSays() {
        Path fallback = Path.of("/home/alice/.local/state/account-linker");
        assertEquals(fallback, LogLocation.folder("Linux", Map.of("XDG_STATE_HOME", ""), HOME));
        assertEquals(fallback, LogLocation.folder("Linux", Map.of("XDG_STATE_HOME", "state"), HOME));
        assertEquals(fallback, LogLocation.folder("FreeBSD", Map.of(), HOME));
    }

    @Test
    void macOsUsesLibraryLogs() {
        assertEquals(
                Path.of("/home/alice/Library/Logs/Account Linker"),
                LogLocation.folder("Mac OS X", Map.of("XDG_STATE_HOME", "/elsewhere"), HOME));
    }

    @Test
    void windowsUsesTheLocalAppDataFolder() {
        String local = "C:\\Users\\alice\\AppData\\Local";
        assertEquals(
                Path.of(local).resolve("Account Linker").resolve("logs"),
                LogLocation.folder("Windows 11", Map.of("LOCALAPPDATA", local), HOME));
        assertEquals(
                HOME.resolve("AppData")
                        .resolve("Local")
                        .resolve("Account Linker")
                        .resolve("logs"),
                LogLocation.folder("Windows 10", Map.of(), HOME));
    }

    @Test
    void thePropertyChoosesTheFolderAndTheFileIsAccountLinkerLog() {
        // Surefire sets it for every test JVM, so that no test writes into the home folder.
        String chosen = System.getProperty(LogLocation.PROPERTY);
        assertEquals(Path.of(chosen).resolve("account-linker.log"), LogLocation.forThisProcess());
    }
}
