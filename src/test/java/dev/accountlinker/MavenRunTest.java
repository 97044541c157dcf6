package dev.accountlinker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, for real: {@code mvn -q compile exec:exec -Dapp.args="..."} with several options in the
 * one property, quoting included, reaches the real Launcher as separate arguments. Runs Maven in this project
 * (classes are up to date, so its compile step writes nothing) without a display; the options chosen end before
 * any window.
 */
@DisabledOnOs(OS.WINDOWS)
class MavenRunTest {
    private static final java.util.regex.Pattern ANSI_CODE = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*m");

    @Test
    void severalOptionsInAppArgsAreSeparateArgumentsAndQuotesKeepAValueTogether() throws Exception {
        // Read as one argument, this would be "Unknown option --demo '--no such' --connections"; split on every
        // space, "Unknown option --no". One Maven run: it takes several seconds.
        List<String> lines = mavenRun("--demo '--no such' --connections=github");
        assertEquals(List.of("Unknown option --no such. See --help."), lines);
    }

    private static List<String> mavenRun(String appArgs) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("mvn", "-B", "-q", "compile", "exec:exec", "-Dapp.args=" + appArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DISPLAY"); // had the options arrived as one, the app would try to open a window
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("AUTH0_LANGUAGE", "en"); // the English texts below, whatever this machine speaks
        Process maven = builder.start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(maven.waitFor(3, TimeUnit.MINUTES), "Maven did not finish: " + output);
        assertEquals(0, maven.exitValue(), output);
        assertFalse(output.contains("WARNING"), output);
        return output.lines()
                .map(line ->
                        ANSI_CODE.matcher(line).replaceAll("").strip()) // Maven 3.8 prints colour resets even with -B
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
