package dev.accountlinker.ui;

import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.testkit.HeadlessDefaults;
import dev.accountlinker.ui.theme.ThemeManager;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The component tier's JUnit 5 extension (usually through {@link ComponentTestSupport}): one view, dialog or FXML
 * screen of the app in a stage of its own, over a real view model, without a WebView. JavaFX starts once per JVM
 * (headless on Monocle unless the run says otherwise, {@link HeadlessDefaults}) and every component class of the
 * build shares it; so nothing of one test may outlive it: after each test the cleanups registered with
 * {@link #cleanUp} run (newest first), every window is closed and the stage forgets its scene. Each test starts in
 * the app's light theme with the app's stylesheet, as the app's own windows do.
 */
public final class ComponentExtension implements BeforeEachCallback, AfterEachCallback {
    static {
        HeadlessDefaults.apply(); // before the toolkit starts
    }

    private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();
    private Stage stage;
    private ThemeManager themes;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        stage = FxToolkit.registerPrimaryStage(); // starts JavaFX the first time only
        themes = FxToolkit.setupFixture(() -> new ThemeManager(
                ThemeSetting.LIGHT,
                CompletableFuture.completedFuture(Optional.empty()),
                () -> CompletableFuture.completedFuture(Optional.empty()),
                choice -> {}));
    }

    /** The themes of this test (light at the start): for a theme menu, or to show the component dark. */
    public ThemeManager themes() {
        return themes;
    }

    /** Shows {@code root} as the whole scene of the test's stage, at this size, and waits until it is laid out. */
    public Scene show(Parent root, double width, double height) {
        try {
            FxToolkit.setupStage(shown -> {
                Scene scene = new Scene(root, width, height);
                scene.getStylesheets().add(ThemeManager.appStylesheet());
                shown.setScene(scene);
                shown.show();
                shown.toFront();
                shown.requestFocus();
            });
        } catch (Exception e) {
            throw new AssertionError("the component could not be shown", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return root.getScene();
    }

    /** Runs {@code cleanup} after the test, before the windows close (a tenant to stop, work to end). */
    public <T extends AutoCloseable> T cleanUp(T cleanup) {
        cleanups.push(cleanup);
        return cleanup;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        while (!cleanups.isEmpty()) {
            try {
                cleanups.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        FxToolkit.cleanupStages(); // every window: the stage and any dialog a test left open
        FxToolkit.setupFixture(() -> stage.setScene(null));
        if (failure != null) {
            throw failure;
        }
    }
}
