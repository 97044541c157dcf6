package dev.accountlinker.ui.signin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * WebKit's native library (about 120 MB) is loaded by the first {@code new WebView()}, on the JavaFX thread: that froze
 * the app for about a second after a click on Sign in. {@link #start()} loads it once, on a background thread: right
 * after the first frame (while the person reads the sign-in screen) and, at the latest, when a login window opens. The
 * login window makes its WebView once {@link #start()}'s future is done, so a click made while the library is still
 * loading shows the window with its spinner and never blocks the JavaFX thread. Only the library is loaded here:
 * WebKit itself still starts with the first WebView, on the JavaFX thread, as it must (about 50 ms).
 *
 * <p>Where the library comes from:
 * <ul>
 * <li>the packaged app: the runtime's own library folder (packaging/build.sh puts JavaFX's libraries there), the very
 *     file JavaFX loads later; a library already loaded by the same class loader is not loaded again;</li>
 * <li>JavaFX jars on the class path (development, tests): JavaFX's own loader, {@code com.sun.glass.utils.NativeLibLoader},
 *     which unpacks and checksums the library (most of the second) while holding a lock that JavaFX's renderer also
 *     needs for its first image or effect: so the small libraries it may still ask for are loaded first.</li>
 * </ul>
 * If neither works, nothing is warmed and the first WebView loads the library itself, as before.
 */
public final class WebKitWarmUp {
    private static final String LIBRARY = "jfxwebkit";
    /** What JavaFX's renderer may load lazily, after the first frame: images (iio) and software effects (decora). */
    private static final List<String> RENDERER_LIBRARIES = List.of("javafx_iio", "decora_sse");

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Void> DONE = new CompletableFuture<>();

    private WebKitWarmUp() {}

    /** Starts loading WebKit's library once per JVM; the future completes (never exceptionally) when that is over. */
    public static CompletableFuture<Void> start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(WebKitWarmUp::load, "webkit-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
        return DONE;
    }

    /** Whether the library is in (or could not be warmed); for the benchmarks. */
    public static boolean isDone() {
        return DONE.isDone();
    }

    private static void load() {
        try {
            Path inRuntime = Path.of(
                    System.getProperty("java.home"),
                    System.getProperty("os.name", "").startsWith("Windows") ? "bin" : "lib",
                    System.mapLibraryName(LIBRARY));
            if (Files.isRegularFile(inRuntime)) {
                System.load(inRuntime.toString());
            } else {
                var loader =
                        Class.forName("com.sun.glass.utils.NativeLibLoader").getMethod("loadLibrary", String.class);
                for (String library : RENDERER_LIBRARIES) {
                    loader.invoke(null, library);
                }
                loader.invoke(null, LIBRARY);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not reachable from here: the first WebView loads the library on the JavaFX thread, as it always did.
        } finally {
            DONE.complete(null);
        }
    }
}
