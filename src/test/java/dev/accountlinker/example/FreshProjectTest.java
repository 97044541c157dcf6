package dev.accountlinker.example;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The testing page's example (docs/testing.md) passes in a new Maven project that has only the kit, JUnit and TestFX
 * (testkit/check-fresh-project.sh).
 * Opt-in, because the script installs this project while this build runs:
 * {@code mvn -B test -Dtest=FreshProjectTest -Dtestkit.freshProject=true}.
 */
@EnabledIfSystemProperty(named = "testkit.freshProject", matches = "true")
class FreshProjectTest {

    @Test
    void readmesExampleRunsGreenInAProjectWithOnlyTheKitJUnitAndTestFX() throws Exception {
        Path log = Files.createTempFile("fresh-project", ".log");
        try {
            Process script = new ProcessBuilder("bash", "testkit/check-fresh-project.sh")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertTrue(script.waitFor(10, TimeUnit.MINUTES), "the script did not end within 10 minutes");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, script.exitValue(), output);
            assertTrue(
                    output.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0")
                            && output.contains("BUILD SUCCESS"),
                    output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
