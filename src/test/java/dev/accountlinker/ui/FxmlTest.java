package dev.accountlinker.ui;

import javafx.fxml.FXML;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's FXML loader binds a file only to the controller it was given, and only when the file asks for that very
 * type. The files here have a plain list as their root, so no JavaFX toolkit is needed.
 */
class FxmlTest {
    private static final ResourceBundle WORDS = new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[0][];
        }
    };

    /** The controller screen.fxml names. */
    static final class Screen {
        int initialized;

        @FXML
        private void initialize() {
            initialized++;
        }
    }

    /** Another controller: named by other-controller.fxml. */
    static final class OtherScreen {}

    private static URL file(String name) {
        return FxmlTest.class.getResource("fxml/" + name);
    }

    @Test
    void aFileIsBoundToTheControllerItWasGivenWhenItNamesThatType() {
        Screen controller = new Screen();
        List<?> root = Fxml.load(file("screen.fxml"), WORDS, controller);
        assertTrue(root.isEmpty());
        assertEquals(1, controller.initialized, "the loader ran the given controller's initialize");
    }

    @Test
    void aFileThatNamesAnotherControllerTypeFailsAndSaysWhich() {
        Screen controller = new Screen();
        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> Fxml.load(file("other-controller.fxml"), WORDS, controller));
        assertTrue(
                failure.getMessage()
                        .contains("asks for a controller of type dev.accountlinker.ui.FxmlTest$OtherScreen"),
                failure.getMessage());
        assertTrue(
                failure.getMessage().contains("its controller is a dev.accountlinker.ui.FxmlTest$Screen"),
                failure.getMessage());
        assertEquals(0, controller.initialized);
    }

    @Test
    void anIncludeWithAControllerOfItsOwnFails() {
        Screen controller = new Screen();
        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> Fxml.load(file("include-with-controller.fxml"), WORDS, controller));
        assertTrue(failure.getMessage().contains("FxmlTest$OtherScreen"), failure.getMessage());
    }

    @Test
    void aFileWithoutAControllerFailsInsteadOfShowingAnUnboundScreen() {
        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> Fxml.load(file("no-controller.fxml"), WORDS, new Screen()));
        assertTrue(failure.getMessage().contains("names no fx:controller"), failure.getMessage());
    }

    @Test
    void theFactoryAnswersTheOneControllerForItsExactTypeOnly() {
        Screen controller = new Screen();
        var factory = Fxml.controllerFactory(file("screen.fxml"), controller);
        assertSame(controller, factory.call(Screen.class));
        assertThrows(IllegalStateException.class, () -> factory.call(Object.class));
    }

    @Test
    void aMissingFileIsNamedAsMissing() {
        NullPointerException failure =
                assertThrows(NullPointerException.class, () -> Fxml.load(null, WORDS, new Screen()));
        assertTrue(failure.getMessage().contains("missing"), failure.getMessage());
    }
}
