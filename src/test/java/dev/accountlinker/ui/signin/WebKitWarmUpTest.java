package dev.accountlinker.ui.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebKit's native library is loaded on a background thread, once, before any WebView exists. */
class WebKitWarmUpTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void loadsWebKitsLibraryInTheBackgroundOnceWithoutAWebView() throws Exception {
        var warmUp = WebKitWarmUp.start();
        assertSame(warmUp, WebKitWarmUp.start(), "a second start is the same warm-up");
        warmUp.get(2, TimeUnit.MINUTES); // never completes exceptionally
        assertTrue(WebKitWarmUp.isDone());
        assertTrue(mapped(), "WebKit's library was not loaded");
    }

    private static boolean mapped() throws Exception {
        return Files.readString(Path.of("/proc/self/maps")).contains("libjfxwebkit");
    }
}
