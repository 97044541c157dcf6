package dev.accountlinker.ui;

import dev.accountlinker.OwnJvm;
import dev.accountlinker.logging.AppLog;
import dev.accountlinker.logging.LogLocation;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exception nothing catches, on the JavaFX thread or another: the person reads a plain message from the bundle
 * with the log file's path and no stack trace; the trace is in the log file, redacted; a failure that repeats opens
 * no second dialog.
 */
@OwnJvm("points the log at its own folder and installs the app's uncaught-exception handler")
class UnexpectedErrorUiTest extends AppUiTestSupport {
    private static final String UNCAUGHT = "Uncaught exception in thread";

    @TempDir
    static Path logFolder;

    @BeforeAll
    static void logIntoAFolderOfThisTest() {
        // Read once, when something first asks where the log is: in this class's own JVM, before the app starts.
        System.setProperty(LogLocation.PROPERTY, logFolder.toString());
    }

    @Test
    void anUncaughtExceptionIsToldInPlainWordsOnceAndItsTraceIsInTheLogFile() {
        waitUntil(() -> node("#signInButton").isPresent());
        Path logFile = AppLog.file();
        if (logFile.startsWith(logFolder)) {
            assertFalse(Files.exists(logFile), "starting the app logs nothing and makes no file");
        } // else this JVM ran other tests first (a -Dtest run) and the log is theirs too: only what follows counts
        long before = size(logFile);

        Platform.runLater(() -> failOnTheJavaFxThread("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln code=c0de"));
        waitUntil(() -> errorDialogs().size() == 1);

        assertEquals(services.messages().get("error.crash.text"), text("#unexpectedErrorText"));
        assertEquals(
                logFile.toString(),
                onFx(() -> lookup("#unexpectedErrorLogFile")
                        .queryAs(TextField.class)
                        .getText()));
        DialogPane dialog = errorDialogs().get(0);
        assertEquals(services.messages().get("error.crash.header"), onFx(dialog::getHeaderText));
        assertEquals(
                services.messages().get("error.crash.title"),
                onFx(() -> ((javafx.stage.Stage) dialog.getScene().getWindow()).getTitle()));
        String everyText = onFx(() -> shownTexts(dialog));
        assertFalse(
                everyText.contains("Exception") || everyText.contains("at dev.") || everyText.contains("c0de"),
                "no stack trace and nothing of the exception on screen: " + everyText);

        String log = log(logFile, before);
        assertTrue(log.contains(UNCAUGHT + " \"JavaFX Application Thread\""), log);
        assertTrue(log.contains("java.lang.IllegalStateException: Bearer [redacted] code=[redacted]"), log);
        assertTrue(log.contains("\tat " + UnexpectedErrorUiTest.class.getName() + ".failOnTheJavaFxThread"), log);
        assertFalse(log.contains("eyJ") || log.contains("c0de"), "no token in the log:\n" + log);

        // The same failure again while the dialog is open, twice: logged, no second dialog.
        Platform.runLater(() -> failOnTheJavaFxThread("again"));
        Platform.runLater(() -> failOnTheJavaFxThread("and again"));
        waitUntil(() -> occurrences(log(logFile, before), UNCAUGHT) == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errorDialogs().size(), "one dialog at a time");

        clickOn("#unexpectedErrorCloseButton");
        waitUntil(() -> errorDialogs().isEmpty());

        // Once closed, the same failure (every pulse, every click) is only logged: no dialog after dialog.
        Platform.runLater(() -> failOnTheJavaFxThread("once more"));
        waitUntil(() -> occurrences(log(logFile, before), UNCAUGHT) == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(errorDialogs().isEmpty(), "a repeating failure is told once");

        // Another failure, on a thread of its own, is told again.
        Thread worker = new Thread(UnexpectedErrorUiTest::failElsewhere, "account-linker-test-worker");
        worker.start();
        waitUntil(() -> errorDialogs().size() == 1);
        assertTrue(log(logFile, before).contains(UNCAUGHT + " \"account-linker-test-worker\""));
        clickOn("#unexpectedErrorCloseButton");
        waitUntil(() -> errorDialogs().isEmpty());
    }

    private static void failOnTheJavaFxThread(String message) {
        throw new IllegalStateException(message);
    }

    private static void failElsewhere() {
        throw new UnsupportedOperationException("not here");
    }

    /** The unexpected-error dialogs on screen. */
    private List<DialogPane> errorDialogs() {
        return onFx(() -> {
            List<DialogPane> found = new ArrayList<>();
            for (Window window : Window.getWindows()) {
                if (window.isShowing()
                        && window.getScene() != null
                        && window.getScene().getRoot().lookup("#unexpectedErrorDialog") instanceof DialogPane pane) {
                    found.add(pane);
                }
            }
            return found;
        });
    }

    private static String shownTexts(Node root) {
        StringBuilder texts = new StringBuilder();
        for (Node node : root.lookupAll("*")) {
            if (node instanceof Labeled labeled) {
                texts.append(labeled.getText()).append('\n');
            } else if (node instanceof TextField field) {
                texts.append(field.getText()).append('\n');
            }
        }
        return texts.toString();
    }

    /** What was logged after the first {@code offset} bytes. */
    private static String log(Path file, long offset) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            byte[] bytes = Files.readAllBytes(file);
            return new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
