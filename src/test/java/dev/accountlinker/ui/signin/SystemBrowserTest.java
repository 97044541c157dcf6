package dev.accountlinker.ui.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desktop's opener, played by small scripts: its exit code is read, its output never reaches the console. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SystemBrowserTest {
    private static final String URL = "http://127.0.0.1:1/authorize?state=secret-state&nonce=secret-nonce";

    @TempDir
    Path folder;

    private Path opener(String body) throws IOException {
        Path script = folder.resolve("xdg-open");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        assertTrue(script.toFile().setExecutable(true));
        return script;
    }

    @Test
    void anOpenerThatSucceedsMeansTheBrowserOpened() throws Exception {
        Path seen = folder.resolve("seen");
        Path script = opener("echo \"$1\" > '" + seen + "'; echo \"opening $1\"; exit 0");
        assertEquals(BrowserOpener.Outcome.OPENED, new SystemBrowser(List.of(script.toString()), url -> {}).open(URL));
        assertEquals(URL, Files.readString(seen).strip(), "the opener got the URL as one argument");
    }

    @Test
    void anOpenerThatFailsIsNoticed() throws Exception {
        Path script = opener("echo 'Error opening URI: Operation not supported' >&2; exit 4");
        assertEquals(BrowserOpener.Outcome.FAILED, new SystemBrowser(List.of(script.toString()), url -> {}).open(URL));
    }

    @Test
    void noOpenerAtAllIsNoticed() {
        Path missing = folder.resolve("no-such-opener");
        assertEquals(BrowserOpener.Outcome.FAILED, new SystemBrowser(List.of(missing.toString()), url -> {}).open(URL));
    }

    @Test
    void whatTheOpenerPrintsGoesNowhere() throws Exception {
        // The URL holds state and nonce: the opener's output must not be the app's console.
        Path where = folder.resolve("where");
        Path script = opener("exec 3>&1 4>&2; readlink /proc/self/fd/3 > '" + where + "'; readlink /proc/self/fd/4 >> '"
                + where + "'");
        new SystemBrowser(List.of(script.toString()), url -> {}).open(URL);
        if (Files.isDirectory(Path.of("/proc/self/fd"))) {
            assertEquals(List.of("/dev/null", "/dev/null"), Files.readAllLines(where));
        }
    }

    @Test
    void withoutAnOpenerCommandThePlatformWayIsUsedAndTheOutcomeIsUnknown() {
        List<String> hostServices = new ArrayList<>();
        assertEquals(BrowserOpener.Outcome.UNKNOWN, new SystemBrowser(List.of(), hostServices::add).open(URL));
        assertEquals(List.of(URL), hostServices);
    }
}
