package dev.accountlinker.ui.connect;

import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs the connect screen's check of a tenant in the background, one at a time, with a deadline; its answer (or why
 * there is none) becomes the lines shown under Check.
 */
final class TenantCheckRun {
    /** Told once when a check ends by itself: answered, failed or timed out (not when it is stopped). */
    interface Finished {
        void finished(boolean passed);
    }

    private final ConnectContext context;
    private final Messages messages;
    private final ObservableList<CheckLine> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: the view's listeners hang on it (it follows the list through a weak listener). */
    private final ObservableList<CheckLine> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    /** Identifies the check whose answer is awaited: an answer already on its way when it was stopped is dropped. */
    private Object current;

    private TaskRunner.Running running;
    private TaskRunner.Running deadline;

    TenantCheckRun(ConnectContext context) {
        this.context = context;
        this.messages = context.messages();
    }

    /** Asks the tenant at {@code address}; the lines fill in when it answers. */
    void start(TenantAddress address, Finished finished) {
        Object check = new Object();
        current = check;
        deadline = context.tasks().schedule(context.checkTimeout(), () -> timedOut(check, address, finished));
        running = context.tasks()
                .run(
                        () -> context.check().run(address),
                        report -> answered(check, report, finished),
                        failure -> failed(check, failure, finished));
    }

    private void answered(Object check, TenantCheck.Report report, Finished finished) {
        if (check != current) {
            return;
        }
        current = null;
        stopDeadline();
        running = null;
        for (TenantCheck.Line line : report.lines()) {
            lines.add(new CheckLine(line.item(), line.passed(), messages.format(line.message())));
        }
        finished.finished(report.passed());
    }

    private void failed(Object check, Throwable failure, Finished finished) {
        if (check != current) {
            return;
        }
        current = null;
        stopDeadline();
        running = null;
        lines.setAll(new CheckLine(
                TenantCheck.Item.REACHABLE,
                false,
                messages.format(context.errors().translate(failure))));
        finished.finished(false);
    }

    private void timedOut(Object check, TenantAddress address, Finished finished) {
        if (check != current) {
            return;
        }
        current = null;
        deadline = null;
        stopRunning();
        lines.setAll(new CheckLine(
                TenantCheck.Item.REACHABLE,
                false,
                messages.format(UserMessage.of(
                        "connect.check.timedOut",
                        UserMessage.Remedy.RETRY,
                        address.baseUrl(),
                        context.checkTimeout().toSeconds()))));
        finished.finished(false);
    }

    /** Stops a running check and its deadline; the lines stay as they are. */
    void stop() {
        current = null;
        stopRunning();
        stopDeadline();
    }

    void clearLines() {
        lines.clear();
    }

    /** The answer's lines, in order (read-only). */
    ObservableList<CheckLine> lines() {
        return readOnlyLines;
    }

    private void stopRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    private void stopDeadline() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }
}
