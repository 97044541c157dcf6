package dev.accountlinker.logging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's logger end to end: System.Logger → java.util.logging → the redacting file named by {@link AppLog#file}. */
class AppLogTest {
    private static final System.Logger LOG = AppLog.logger(AppLogTest.class);

    @Test
    void aRecordReachesTheLogFileRedactedAndDebugIsLeftOut() throws IOException {
        String marker = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.DEBUG, "debug " + marker);
        LOG.log(
                System.Logger.Level.WARNING,
                "sign-in failed for " + marker + ": refresh_token=r-123 id_token=" + LogRedactionTest.JWT,
                new IllegalStateException("code_verifier=abc"));

        String written = Files.readString(AppLog.file(), StandardCharsets.UTF_8);
        assertTrue(
                written.contains("WARNING " + AppLogTest.class.getName() + ": sign-in failed for " + marker), written);
        assertTrue(written.contains("refresh_token=[redacted] id_token=[redacted]"), written);
        assertTrue(written.contains("java.lang.IllegalStateException: code_verifier=[redacted]"), written);
        assertFalse(written.contains("debug " + marker), "INFO and above only");
        assertFalse(written.contains("r-123") || written.contains(LogRedactionTest.JWT), written);
    }
}
