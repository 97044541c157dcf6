package dev.accountlinker.bench;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.RateLimit;
import dev.accountlinker.ui.FxTaskRunner;
import dev.accountlinker.ui.StartupMarker;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginSettings;
import dev.accountlinker.ui.signin.WebKitWarmUp;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first click on Sign in, in a fresh JVM each time (WebKit starts once per process): the real app on Monocle
 * against a local tenant in the same process. {@code ClickBench 100} clicks 100 ms after the first frame (while
 * WebKit's library is still loading in the background); {@code ClickBench warm} clicks once that warm-up is done (a
 * person who reads the screen first). Measures click → the login form ready in the WebView (its username field
 * exists), and the longest pulse gap meanwhile; appends one line to bench.out/click.csv.
 */
public final class ClickBench {
    private ClickBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "warm";
        Path out = Path.of(System.getProperty("bench.out", "bench/out"));
        Files.createDirectories(out);
        Path marker = Files.createTempFile(out, "click-marker-", ".txt");
        System.setProperty(StartupMarker.PROPERTY, marker.toString());
        LocalTenant tenant = LocalTenant.builder()
                .seedDemoUsers(true)
                .rateLimit(RateLimit.off())
                .start();
        TenantSettings settings = new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(),
                List.of("google-oauth2", "github"),
                URI.create(tenant.ownCallbackUrl()));
        AppServices services = new AppServices(
                AppConfig.forTenant(settings).withWays(SignInWays.embeddedOnly()),
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                new FxTaskRunner(),
                LoginSettings.defaults(url -> BrowserOpener.Outcome.UNKNOWN));
        PulseWatchdog watchdog = new PulseWatchdog();
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        fx(() -> {
            watchdog.start();
            new AccountLinkerApp(services).start(new Stage());
            return null;
        });
        waitFor(() -> Files.readString(marker).contains("first-frame"));
        long firstFrame = System.nanoTime();
        if (mode.equals("warm")) {
            waitFor(WebKitWarmUp::isDone);
        } else {
            long delay = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(mode));
            while (System.nanoTime() - firstFrame < delay) {
                Thread.sleep(1);
            }
        }
        double clickAfterFrame = (System.nanoTime() - firstFrame) / 1e6;
        watchdog.phase("click → login form");
        Node button = fx(() -> find("signInButton"));
        CompletableFuture<Long> clicked = new CompletableFuture<>();
        Platform.runLater(() -> {
            clicked.complete(System.nanoTime());
            ((ButtonBase) button).fire();
        });
        long click = clicked.get(60, TimeUnit.SECONDS);
        waitFor(() -> fx(() -> {
            Node web = find("loginWebView");
            return web != null
                    && ((WebView) web).getEngine().getDocument() != null
                    && Boolean.TRUE.equals(
                            ((WebView) web).getEngine().executeScript("document.getElementById('username') !== null"));
        }));
        double clickToForm = (System.nanoTime() - click) / 1e6;
        watchdog.phase("idle");
        double maxGap = watchdog.maxByPhase().getOrDefault("click → login form", 0.0);
        String culprit = watchdog.longGaps().stream()
                .filter(g -> g.phase().startsWith("click"))
                .max((a, b) -> Double.compare(a.millis(), b.millis()))
                .map(PulseWatchdog.Gap::culprit)
                .orElse("");
        String line = String.format(
                java.util.Locale.ROOT,
                "%s,%.1f,%.1f,%.1f,%s%n",
                mode,
                clickAfterFrame,
                clickToForm,
                maxGap,
                culprit.replace(',', ';'));
        Path csv = out.resolve("click.csv");
        if (!Files.exists(csv)) {
            Files.writeString(
                    csv, "mode,click_after_first_frame_ms,click_to_form_ms,longest_pulse_gap_ms,gap_culprit\n");
        }
        Files.writeString(csv, line, StandardOpenOption.APPEND);
        System.out.print("click " + line);
        Files.deleteIfExists(marker);
        tenant.close();
        Platform.exit();
        System.exit(0);
    }

    private static Node find(String id) {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window.getScene() != null) {
                Node node = window.getScene().lookup("#" + id);
                if (node != null) {
                    return node;
                }
            }
        }
        return null;
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
    }
}
