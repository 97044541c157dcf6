package dev.accountlinker.ui.login;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * WebKit's native library (about 120 MB) takes some 900 ms to load, and the first {@code new WebView()} loads it on
 * the JavaFX thread: without this, a click on Sign in froze the app for a second. {@link #start()} loads it once, on a
 * background thread: right after the first frame (while the person reads the sign-in screen) and, at the latest,
 * when a login window opens. The login window then makes its WebView once {@link #start()}'s future is done, so a
 * click made while the library is still loading shows the window with its spinner and never blocks the JavaFX thread.
 *
 * <p>Only the library is loaded here: WebKit itself still starts with the first WebView, on the JavaFX thread, as it
 * must (about 50 ms). JavaFX's own loader is used ({@code com.sun.glass.utils.NativeLibLoader}, the one the WebView
 * calls; it extracts the library from JavaFX's jar or runtime module on first use), so the library is found where
 * JavaFX looks for it and is loaded once. JavaFX linked into the packaged runtime as modules does not export that
 * package: the launcher's options do (packaging/jpackage.options). If it cannot be called (another JavaFX, a runtime
 * without the export), nothing is warmed and the first WebView loads the library itself, as before.
 */
public final class WebKitWarmUp {
    private static final String LIBRARY = "jfxwebkit";
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Void> DONE = new CompletableFuture<>();

    private WebKitWarmUp() {
    }

    /** Starts loading WebKit's library once per JVM; the future completes (never exceptionally) when that is over. */
    public static CompletableFuture<Void> start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(WebKitWarmUp::loadLibrary, "webkit-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
        return DONE;
    }

    /** Whether the library is in (or could not be warmed); for the benchmarks. */
    public static boolean isDone() {
        return DONE.isDone();
    }

    private static void loadLibrary() {
        try {
            Class.forName("com.sun.glass.utils.NativeLibLoader")
                    .getMethod("loadLibrary", String.class)
                    .invoke(null, LIBRARY);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not reachable from here: the first WebView loads the library on the JavaFX thread, as it always did.
        } finally {
            DONE.complete(null);
        }
    }
}
