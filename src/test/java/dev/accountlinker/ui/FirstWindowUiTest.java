package dev.accountlinker.ui;

import dev.accountlinker.AccountLinkerApp;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first window on Monocle's 1280 × 800 screen: the content gets the size its layout was made for, the window its
 * minimum, all of it on the screen; a place remembered from a bigger screen is cut down to this one.
 */
class FirstWindowUiTest extends AppUiTestSupport {

    @Test
    void theFirstWindowOpensWithTheContentSizeItsLayoutWasMadeFor() {
        Stage stage = mainStage();
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertTrue(screen.getWidth() > AppShell.WIDTH && screen.getHeight() > AppShell.HEIGHT, "" + screen);
        Scene scene = stage.getScene();
        assertEquals(AppShell.WIDTH, onFx(scene::getWidth), 0.5);
        assertEquals(AppShell.HEIGHT, onFx(scene::getHeight), 0.5);
        double frameWidth = onFx(() -> stage.getWidth() - scene.getWidth());
        double frameHeight = onFx(() -> stage.getHeight() - scene.getHeight());
        assertEquals(AppShell.MIN_WIDTH + frameWidth, onFx(stage::getMinWidth), 0.5, "the content's minimum");
        assertEquals(AppShell.MIN_HEIGHT + frameHeight, onFx(stage::getMinHeight), 0.5);
        assertTrue(screen.contains(bounds(stage)), bounds(stage) + " is not all on " + screen);
    }

    @Test
    void aPlaceRememberedFromABiggerScreenIsCutDownToThisOne(@TempDir Path folder) throws Exception {
        Path remembered = folder.resolve("window.properties");
        Files.writeString(remembered, "x=600\ny=400\nwidth=2560\nheight=1440\n");
        FxToolkit.cleanupApplication(application());
        FxToolkit.cleanupStages();
        replaceApplication(FxToolkit.setupApplication(
                () -> new AccountLinkerApp(services, Optional.of(new WindowPlacement(remembered)))));

        Stage stage = mainStage();
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assertEquals(
                screen, bounds(stage), "as big as the screen and all of it on the screen, not 2560 × 1440 at 600, 400");
    }

    private Stage mainStage() {
        return onFx(() -> (Stage) lookup("#signInButton").query().getScene().getWindow());
    }

    private Rectangle2D bounds(Stage stage) {
        return onFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
    }
}
