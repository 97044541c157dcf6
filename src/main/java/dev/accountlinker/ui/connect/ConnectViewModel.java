package dev.accountlinker.ui.connect;

import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State and actions of the "Connect your Auth0 tenant" screen; the view only binds to it. The person fills in the
 * tenant's domain, the client id and the connections; each field is checked as it is typed ({@link ConnectFields}).
 * Check asks the tenant itself (in the background, with a deadline and Cancel: {@link TenantCheckRun}); "What to
 * register in Auth0" lists the exact values for the Auth0 dashboard ({@link RegistrationValues}); Save writes the
 * settings file and hands over to the sign-in screen of that tenant.
 */
public final class ConnectViewModel {
    /** Where the screen goes when it is done. */
    public interface Exits {
        /** The settings file was written: continue with the tenant it names. */
        void saved();

        void tryDemo();

        /** Back to where the person came from, nothing changed. */
        void cancelled();
    }

    private final ConnectContext context;
    private final Messages messages;
    private final Exits exits;
    private final ConnectFields fields;
    private final TenantCheckRun checkRun;
    private final RegistrationValues registration;
    private final ReadOnlyObjectWrapper<ConnectState> state = new ReadOnlyObjectWrapper<>(ConnectState.EDITING);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private final ReadOnlyObjectWrapper<ConnectField> fieldToFix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StatusMessage> fileProblem = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private TaskRunner.Running saving;

    public ConnectViewModel(ConnectContext context, Exits exits) {
        this.context = context;
        this.messages = context.messages();
        this.exits = exits;
        ConnectFieldRules rules = new ConnectFieldRules(messages, context.errors());
        this.registration = new RegistrationValues(context.current(), messages);
        this.checkRun = new TenantCheckRun(context);
        this.fields = new ConnectFields(
                rules,
                ConnectFieldRules.initialValues(context.settingsFile().values(), context.current()),
                this::edited);
        context.problem()
                .filter(problem -> problem.source().equals(Optional.of(ConfigException.Source.SETTINGS_FILE)))
                .map(problem -> rules.fileProblem(problem, context.settingsFile()))
                .ifPresent(problem -> {
                    problem.markedField().ifPresent(field -> fields.insist(List.of(field)));
                    fileProblem.set(StatusMessage.error(problem.message()));
                });
        refresh();
    }

    /** Asks the tenant at the domain whether the app can sign in with it; runs in the background. */
    public void check() {
        if (state.get().isBusy()) {
            return;
        }
        Optional<TenantAddress> address = fields.address();
        if (address.isEmpty()) {
            fields.insist(List.of(ConnectField.DOMAIN));
            refresh();
            return;
        }
        checkRun.clearLines();
        status.set(StatusMessage.NONE);
        progressText.set(messages.get("connect.checking", address.get().baseUrl()));
        state.set(ConnectState.CHECKING);
        refresh();
        checkRun.start(address.get(), this::checkFinished);
    }

    private void checkFinished(boolean passed) {
        progressText.set("");
        state.set(passed ? ConnectState.CHECKED : ConnectState.CHECK_FAILED);
        status.set(
                passed
                        ? StatusMessage.success(messages.get("connect.check.passed"))
                        : StatusMessage.error(messages.get("connect.check.failed")));
        refresh();
    }

    /** Stops a running check; nothing else changes. */
    public void cancelCheck() {
        if (state.get() != ConnectState.CHECKING) {
            return;
        }
        stopWork();
        progressText.set("");
        state.set(ConnectState.EDITING);
        status.set(StatusMessage.info(messages.get("connect.check.cancelled")));
        refresh();
    }

    /** Writes the settings file (in the background), then leaves for the sign-in screen of that tenant. */
    public void save() {
        if (state.get().isBusy()) {
            return;
        }
        fields.insist(List.of(ConnectField.DOMAIN, ConnectField.CLIENT_ID));
        refresh();
        if (!fields.allValidProperty().get()) {
            status.set(StatusMessage.error(messages.get("connect.save.invalid")));
            fieldToFix.set(null); // the same field again is news too
            fieldToFix.set(initialFocus());
            return;
        }
        Map<String, String> edits = fields.edits();
        ConnectState before = state.get();
        state.set(ConnectState.SAVING);
        progressText.set(messages.get("connect.saving"));
        refresh();
        saving = context.tasks()
                .run(
                        () -> {
                            context.settingsFile().save(edits);
                            return Boolean.TRUE;
                        },
                        saved -> {
                            saving = null;
                            progressText.set("");
                            exits.saved();
                        },
                        failure -> {
                            saving = null;
                            progressText.set("");
                            state.set(before);
                            status.set(StatusMessage.error(messages.get(
                                    "connect.save.failed",
                                    context.settingsFile().path().toString())));
                            refresh();
                        });
    }

    /** Cancel or Escape: stops a running check; otherwise leaves the screen without changing anything. */
    public void cancel() {
        if (state.get() == ConnectState.CHECKING) {
            cancelCheck();
        } else if (state.get() != ConnectState.SAVING) {
            stopWork();
            exits.cancelled();
        }
    }

    public void tryDemo() {
        if (state.get() == ConnectState.SAVING) {
            return;
        }
        stopWork();
        exits.tryDemo();
    }

    /** A value was copied to the clipboard (by the view): say so. */
    public void copied(RegistrationItem item) {
        status.set(StatusMessage.info(messages.get("connect.copied", messages.get(item.labelKey()))));
    }

    /** Stops the check (with its deadline) and a save (the screen is going away). */
    public void stopWork() {
        checkRun.stop();
        if (saving != null) {
            saving.cancel();
            saving = null;
        }
    }

    private void edited(ConnectField field) {
        if (field == ConnectField.DOMAIN && state.get() == ConnectState.CHECKING) {
            stopWork(); // it was checking another address
            progressText.set("");
            state.set(ConnectState.EDITING);
        }
        if (field == ConnectField.DOMAIN
                && (state.get() == ConnectState.CHECKED || state.get() == ConnectState.CHECK_FAILED)) {
            // The answer was about another address.
            checkRun.clearLines();
            status.set(StatusMessage.NONE);
            state.set(ConnectState.EDITING);
        }
        refresh();
    }

    private void refresh() {
        fields.refresh();
        registration.update(fields.address());
    }

    // ---- state for the view ----

    /** The text of a field (the view binds its text field to it both ways). */
    public StringProperty textProperty(ConnectField field) {
        return fields.text(field);
    }

    /** What is wrong with the field's value, shown under it; "" when nothing is. */
    public ReadOnlyStringProperty errorProperty(ConnectField field) {
        return fields.error(field);
    }

    public ReadOnlyObjectProperty<ConnectState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The check's lines, in order (read-only). */
    public ObservableList<CheckLine> checkResults() {
        return checkRun.lines();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Feedback on what the person just did: the check's outcome, a copy, a save that failed. */
    public ReadOnlyObjectProperty<StatusMessage> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the screen opened on its own: the settings file's problem, shown at the top until the file is saved. */
    public ReadOnlyObjectProperty<StatusMessage> problemProperty() {
        return fileProblem.getReadOnlyProperty();
    }

    /** The domain is valid, so it can be checked (Check does nothing while a check or save is running). */
    public ReadOnlyBooleanProperty canCheckProperty() {
        return fields.domainValidProperty();
    }

    /** Every field is valid, so the settings can be saved. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return fields.allValidProperty();
    }

    public ReadOnlyStringProperty registrationProperty(RegistrationItem item) {
        return registration.property(item);
    }

    /** Whether "Try the demo" is offered (an organisation's build may hide it). */
    public boolean demoOffered() {
        return context.current().installer().offerDemo();
    }

    /** The field the person is sent to after a save that could not be done (the first one with a message). */
    public ReadOnlyObjectProperty<ConnectField> fieldToFixProperty() {
        return fieldToFix.getReadOnlyProperty();
    }

    /** The field to focus first: the first one with a message, else the domain. */
    public ConnectField initialFocus() {
        return fields.firstToFix();
    }
}
