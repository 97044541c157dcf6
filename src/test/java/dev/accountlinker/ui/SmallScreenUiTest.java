package dev.accountlinker.ui;

import dev.accountlinker.OwnJvm;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The first window on a screen smaller than the window's content and minimum (Monocle's screen set to 800 × 500
 * before JavaFX starts; each UI test class has a JVM of its own): the window fits the screen, and the sign-in button
 * is on it.
 */
@OwnJvm("sets the headless screen to 800x500 (Monocle reads it once per JVM)")
class SmallScreenUiTest extends AppUiTestSupport {
    static {
        System.setProperty("headless.geometry", "800x500-32");
    }

    @Test
    void onASmallScreenTheWindowAndItsMinimumFitTheScreen() {
        Stage stage =
                onFx(() -> (Stage) lookup("#signInButton").query().getScene().getWindow());
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        assumeTrue(screen.getHeight() < AppShell.MIN_HEIGHT, "not Monocle's small screen here: " + screen);

        Rectangle2D window =
                onFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        assertTrue(screen.contains(window), window + " is not all on " + screen);
        assertTrue(onFx(stage::getMinWidth) <= screen.getWidth(), "minimum width " + onFx(stage::getMinWidth));
        assertTrue(onFx(stage::getMinHeight) <= screen.getHeight(), "minimum height " + onFx(stage::getMinHeight));
        Bounds button = onFx(() -> {
            Node signIn = lookup("#signInButton").query();
            return signIn.localToScreen(signIn.getBoundsInLocal());
        });
        assertTrue(
                screen.contains(button.getMinX(), button.getMinY(), button.getWidth(), button.getHeight()),
                "the sign-in button is on the screen: " + button);
    }
}
