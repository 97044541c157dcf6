package dev.accountlinker.ui;

import dev.accountlinker.i18n.Messages;
import dev.accountlinker.logging.AppLog;
import dev.accountlinker.ui.theme.ThemeManager;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * What happens to an exception nothing caught, on any thread: its stack trace goes to the log file, and the person
 * sees a plain message from the bundles that says where that file is, never the trace. Which failures get a dialog:
 * {@link UnexpectedErrorPolicy}.
 */
public final class UnexpectedErrorReporter implements Thread.UncaughtExceptionHandler {
    private static final System.Logger LOG = AppLog.logger(UnexpectedErrorReporter.class);
    private static final double TEXT_WIDTH = 460;

    private final Messages messages;
    private final Path logFile;
    private final UnexpectedErrorPolicy policy = new UnexpectedErrorPolicy();
    /** A failure while this thread is already reporting one (the log itself failing) is not reported again. */
    private final ThreadLocal<Boolean> reporting = ThreadLocal.withInitial(() -> false);

    UnexpectedErrorReporter(Messages messages, Path logFile) {
        this.messages = messages;
        this.logFile = logFile;
    }

    /**
     * Reports every uncaught exception from now on: the default handler of all threads, and the JavaFX thread's own
     * (which JavaFX asks first). Call on the JavaFX thread; costs nothing until an exception comes.
     */
    public static UnexpectedErrorReporter install(Messages messages) {
        UnexpectedErrorReporter reporter = new UnexpectedErrorReporter(messages, AppLog.file());
        Thread.setDefaultUncaughtExceptionHandler(reporter);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(reporter);
        }
        return reporter;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (reporting.get()) {
            return;
        }
        reporting.set(true);
        try {
            LOG.log(System.Logger.Level.ERROR, "Uncaught exception in thread \"" + thread.getName() + "\"", failure);
            String signature = UnexpectedErrorPolicy.signature(failure);
            // Later, not inside whatever was running: a dialog may not open during a layout pass or an animation.
            Platform.runLater(() -> show(signature));
        } catch (IllegalStateException toolkitGone) {
            // JavaFX has stopped (or never started): there is no window to say it in; the log has it.
        } finally {
            reporting.set(false);
        }
    }

    private void show(String signature) {
        if (!policy.mayShow(signature)) {
            return;
        }
        try {
            Alert dialog = dialog();
            dialog.setOnHidden(event -> policy.closed());
            dialog.show();
        } catch (RuntimeException | LinkageError broken) {
            policy.giveUp();
            LOG.log(System.Logger.Level.ERROR, "The dialog for an unexpected error could not be shown", broken);
        }
    }

    private Alert dialog() {
        ButtonType close = new ButtonType(messages.get("error.crash.close"), ButtonBar.ButtonData.OK_DONE);
        Alert dialog = new Alert(Alert.AlertType.ERROR, "", close);
        Window owner = ownerWindow();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("error.crash.title"));
        dialog.setHeaderText(messages.get("error.crash.header"));
        AppIcons.apply((Stage) dialog.getDialogPane().getScene().getWindow());

        Label text = new Label(messages.get("error.crash.text"));
        text.setId("unexpectedErrorText");
        text.setWrapText(true);
        // A fixed wrapping width gives the label its full height: without it a dialog sizes it to one line.
        text.setPrefWidth(TEXT_WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
        // Selectable, so the path can be copied into a message to whoever helps.
        TextField path = new TextField(logFile.toString());
        path.setId("unexpectedErrorLogFile");
        path.setEditable(false);
        path.setAccessibleText(messages.get("error.crash.logFile"));
        VBox body = new VBox(8, text, path);

        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setId("unexpectedErrorDialog");
        dialog.getDialogPane().getStylesheets().add(ThemeManager.appStylesheet());
        dialog.getDialogPane().getStyleClass().add("app-dialog");
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        closeButton.setId("unexpectedErrorCloseButton");
        closeButton.setAccessibleHelp(messages.get("error.crash.close"));
        return dialog;
    }

    /** The window the person was using: the focused one, else the first that is still showing (the main window). */
    private static Window ownerWindow() {
        return Window.getWindows().stream()
                .filter(Window::isShowing)
                .max(Comparator.comparing(Window::isFocused))
                .orElse(null);
    }
}
