package dev.accountlinker.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RotatingLogFileTest {
    @TempDir
    Path temp;

    @Test
    void nothingIsMadeBeforeTheFirstRecord() {
        Path file = temp.resolve("logs/account-linker.log");
        RotatingLogFile handler = new RotatingLogFile(file, 1000, 3);
        assertFalse(Files.exists(file.getParent()), "no folder before a record");

        handler.publish(new LogRecord(Level.INFO, "first"));
        handler.close();
        assertTrue(Files.exists(file));
    }

    @Test
    void aLoggedTokenNeverReachesTheFile() throws IOException {
        Path file = temp.resolve("account-linker.log");
        Logger logger = loggerWritingTo(new RotatingLogFile(file, 100_000, 3));
        String code = "Zq8-secret-code";
        logger.log(Level.WARNING, "token response {0}", "{\"id_token\":\"" + LogRedactionTest.JWT + "\"}");
        logger.log(Level.WARNING, "callback http://127.0.0.1/callback?code=" + code + "&state=xyz");
        logger.log(Level.WARNING, "linking", new IllegalStateException("POST /identities {\"link_with\":\"opaque\"}"));
        logger.log(Level.WARNING, "request: Authorization: Bearer opaque-access-token; password=Alice-Demo-1");

        String written = Files.readString(file, StandardCharsets.UTF_8);
        for (String secret :
                new String[] {LogRedactionTest.JWT, code, "opaque", "opaque-access-token", "Alice-Demo-1", "eyJ"}) {
            assertFalse(written.contains(secret), secret + " in\n" + written);
        }
        assertTrue(written.contains("state=xyz"), written);
        assertTrue(written.contains("java.lang.IllegalStateException"), "the stack trace is kept:\n" + written);
        assertTrue(written.contains("\tat dev.accountlinker.logging.RotatingLogFileTest"), written);
        assertTrue(written.matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[^ ]* WARNING .*"), written);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void onlyTheOwnerMayReadTheFolderAndTheFiles() throws IOException {
        Path file = temp.resolve("state/account-linker/account-linker.log");
        Logger logger = loggerWritingTo(new RotatingLogFile(file, 200, 3));
        for (int i = 0; i < 5; i++) {
            logger.info("a line long enough to fill the small file quickly, number " + i);
        }
        assertEquals("rwx------", permissions(file.getParent()));
        assertEquals("rw-------", permissions(file));
        assertEquals("rw-------", permissions(temp.resolve("state/account-linker/account-linker.1.log")));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void anOlderFileWithWiderPermissionsIsNarrowed() throws IOException {
        Path file = temp.resolve("account-linker.log");
        Files.writeString(file, "from before\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        loggerWritingTo(new RotatingLogFile(file, 1000, 3)).info("next");
        assertEquals("rw-------", permissions(file));
        assertEquals(List.of("from before"), Files.readAllLines(file).subList(0, 1));
    }

    @Test
    void pastTheLimitTheFileRotatesAndTheOldestGoes() throws IOException {
        Path file = temp.resolve("account-linker.log");
        RotatingLogFile handler = new RotatingLogFile(file, 150, 3);
        Logger logger = loggerWritingTo(handler);
        for (int i = 1; i <= 8; i++) {
            logger.info("record " + i + " with enough text to take about one hundred bytes of the file");
        }
        handler.close();
        assertTrue(Files.readString(file).contains("record 8"), Files.readString(file));
        assertTrue(Files.readString(handler.rotated(1)).contains("record 7"));
        assertTrue(Files.readString(handler.rotated(2)).contains("record 6"));
        assertFalse(Files.exists(handler.rotated(3)), "three files at most");
        try (var listing = Files.list(temp)) {
            assertEquals(3, listing.count());
        }
        for (Path each : new Path[] {file, handler.rotated(1), handler.rotated(2)}) {
            assertTrue(Files.size(each) <= 150, each + ": " + Files.size(each));
        }
    }

    private static Logger loggerWritingTo(RotatingLogFile handler) {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return logger;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
