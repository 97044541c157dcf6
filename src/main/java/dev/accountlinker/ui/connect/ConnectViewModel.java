package dev.accountlinker.ui.connect;

import dev.accountlinker.auth.SignInService;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.ui.Messages;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * State and actions of the "Connect your Auth0 tenant" screen; the view only binds to it. The person fills in the
 * tenant's domain, the client id and the connections; each field is checked as it is typed. Check asks the tenant
 * itself (in the background, with a deadline and Cancel); "What to register in Auth0" lists the exact values for the
 * Auth0 dashboard; Save writes the settings file and hands over to the sign-in screen of that tenant.
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

    private static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email");

    private final ConnectContext context;
    private final Messages messages;
    private final Exits exits;
    private final Map<ConnectField, StringProperty> text = new EnumMap<>(ConnectField.class);
    private final Map<ConnectField, ReadOnlyStringWrapper> errors = new EnumMap<>(ConnectField.class);
    /** Fields whose "required" message shows: after Save was tried, or named by the problem that opened the screen. */
    private final Set<ConnectField> insisted = EnumSet.noneOf(ConnectField.class);
    private final ReadOnlyObjectWrapper<ConnectState> state = new ReadOnlyObjectWrapper<>(ConnectState.EDITING);
    private final ObservableList<CheckLine> results = FXCollections.observableArrayList();
    /** One read-only view, kept: the view's listeners hang on it (it follows the list through a weak listener). */
    private final ObservableList<CheckLine> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatusMessage> status = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private final ReadOnlyObjectWrapper<ConnectField> fieldToFix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StatusMessage> fileProblem = new ReadOnlyObjectWrapper<>(StatusMessage.NONE);
    private final ReadOnlyBooleanWrapper canCheck = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);
    private final Map<RegistrationItem, ReadOnlyStringWrapper> registration = new EnumMap<>(RegistrationItem.class);
    private TaskRunner.Running running;
    private TaskRunner.Running deadline;

    public ConnectViewModel(ConnectContext context, Exits exits) {
        this.context = context;
        this.messages = context.messages();
        this.exits = exits;
        for (ConnectField field : ConnectField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(""));
        }
        for (RegistrationItem item : RegistrationItem.values()) {
            registration.put(item, new ReadOnlyStringWrapper(""));
        }
        Map<String, String> initial = initialValues();
        for (ConnectField field : ConnectField.values()) {
            StringProperty property = new SimpleStringProperty(initial.getOrDefault(field.settingKey(), ""));
            text.put(field, property);
            property.addListener((observable, old, value) -> edited(field));
        }
        context.problem().filter(problem -> problem.source().equals(Optional.of(ConfigException.Source.SETTINGS_FILE)))
                .ifPresent(this::showSettingsFileProblem);
        refresh();
    }

    /** The settings file's values; for a tenant configured elsewhere (command line, environment), that tenant's. */
    private Map<String, String> initialValues() {
        Map<String, String> values = new LinkedHashMap<>(context.settingsFile().values());
        AppConfig current = context.current();
        if (!current.demo() && current.tenant().isPresent()) {
            TenantSettings tenant = current.tenant().get();
            values.putIfAbsent(ConfigLoader.DOMAIN, readable(tenant.address()));
            values.putIfAbsent(ConfigLoader.CLIENT_ID, tenant.clientId());
            if (!current.connections().isEmpty()) {
                values.putIfAbsent(ConfigLoader.CONNECTIONS, String.join(", ", current.connections()));
            }
        }
        return values;
    }

    /** {@code acme.eu.auth0.com} for the usual https address without a port, the full URL otherwise. */
    private static String readable(TenantAddress address) {
        URI uri = address.baseUri();
        return "https".equals(uri.getScheme()) && uri.getPort() == -1 ? uri.getHost() : address.baseUrl();
    }

    private void showSettingsFileProblem(ConfigException problem) {
        String file = context.settingsFile().path().toString();
        Optional<ConnectField> field = ConnectField.forKey(problem.settingKey());
        if (field.isPresent()) {
            insisted.add(field.get());
            fileProblem.set(StatusMessage.error(messages.get("connect.problem.field", file)));
            return;
        }
        String what = messages.format(context.errors().translate(problem));
        Set<String> edited = Arrays.stream(ConnectField.values()).map(ConnectField::settingKey).collect(Collectors.toSet());
        List<String> dropped = context.settingsFile().droppedOnSave(edited);
        fileProblem.set(StatusMessage.error(what + " " + (dropped.isEmpty()
                ? messages.get("connect.problem.rewrite")
                : messages.get("connect.problem.dropped", String.join(", ", dropped)))));
    }

    // ---- actions ----

    /** Asks the tenant at the domain whether the app can sign in with it; runs in the background. */
    public void check() {
        if (state.get().isBusy()) {
            return;
        }
        Optional<TenantAddress> address = address();
        if (address.isEmpty()) {
            insisted.add(ConnectField.DOMAIN);
            refresh();
            return;
        }
        results.clear();
        status.set(StatusMessage.NONE);
        progressText.set(messages.get("connect.checking", address.get().baseUrl()));
        state.set(ConnectState.CHECKING);
        refresh();
        TenantAddress checked = address.get();
        deadline = context.tasks().schedule(context.checkTimeout(), () -> timedOut(checked));
        running = context.tasks().run(() -> context.check().run(checked), this::checked, this::checkFailed);
    }

    private void checked(TenantCheck.Report report) {
        if (state.get() != ConnectState.CHECKING) {
            return;
        }
        stopDeadline();
        running = null;
        for (TenantCheck.Line line : report.lines()) {
            results.add(new CheckLine(line.item(), line.passed(), messages.format(line.message())));
        }
        finishCheck(report.passed());
    }

    private void checkFailed(Throwable failure) {
        if (state.get() != ConnectState.CHECKING) {
            return;
        }
        stopDeadline();
        running = null;
        results.setAll(new CheckLine(TenantCheck.Item.REACHABLE, false, messages.format(context.errors().translate(failure))));
        finishCheck(false);
    }

    private void timedOut(TenantAddress address) {
        if (state.get() != ConnectState.CHECKING) {
            return;
        }
        deadline = null;
        stopRunning();
        results.setAll(new CheckLine(TenantCheck.Item.REACHABLE, false, messages.format(UserMessage.of(
                "connect.check.timedOut", UserMessage.Remedy.RETRY, address.baseUrl(), context.checkTimeout().toSeconds()))));
        finishCheck(false);
    }

    private void finishCheck(boolean passed) {
        progressText.set("");
        state.set(passed ? ConnectState.CHECKED : ConnectState.CHECK_FAILED);
        status.set(passed ? StatusMessage.success(messages.get("connect.check.passed"))
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
        insisted.addAll(List.of(ConnectField.DOMAIN, ConnectField.CLIENT_ID));
        refresh();
        if (!canSave.get()) {
            status.set(StatusMessage.error(messages.get("connect.save.invalid")));
            fieldToFix.set(null); // the same field again is news too
            fieldToFix.set(initialFocus());
            return;
        }
        Map<String, String> edits = new LinkedHashMap<>();
        for (ConnectField field : ConnectField.values()) {
            edits.put(field.settingKey(), value(field));
        }
        ConnectState before = state.get();
        state.set(ConnectState.SAVING);
        progressText.set(messages.get("connect.saving"));
        refresh();
        running = context.tasks().run(() -> {
            context.settingsFile().save(edits);
            return Boolean.TRUE;
        }, saved -> {
            running = null;
            progressText.set("");
            exits.saved();
        }, failure -> {
            running = null;
            progressText.set("");
            state.set(before);
            status.set(StatusMessage.error(messages.get("connect.save.failed", context.settingsFile().path().toString())));
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

    /** Stops the check and its deadline (the screen is going away). */
    public void stopWork() {
        stopRunning();
        stopDeadline();
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

    // ---- validation ----

    private void edited(ConnectField field) {
        if (field == ConnectField.DOMAIN && state.get() == ConnectState.CHECKING) {
            stopWork(); // it was checking another address
            progressText.set("");
            state.set(ConnectState.EDITING);
        }
        if (field == ConnectField.DOMAIN && (state.get() == ConnectState.CHECKED || state.get() == ConnectState.CHECK_FAILED)) {
            // The answer was about another address.
            results.clear();
            status.set(StatusMessage.NONE);
            state.set(ConnectState.EDITING);
        }
        refresh();
    }

    private void refresh() {
        boolean allValid = true;
        for (ConnectField field : ConnectField.values()) {
            Optional<String> problem = problem(field);
            allValid &= problem.isEmpty();
            boolean show = problem.isPresent() && (!value(field).isEmpty() || insisted.contains(field));
            errors.get(field).set(show ? problem.get() : "");
        }
        canCheck.set(address().isPresent());
        canSave.set(allValid);
        updateRegistration();
    }

    private String value(ConnectField field) {
        String value = text.get(field).get();
        return value == null ? "" : value.strip();
    }

    private Optional<TenantAddress> address() {
        try {
            return Optional.of(TenantAddress.parse(ConfigLoader.DOMAIN, value(ConnectField.DOMAIN)));
        } catch (ConfigException invalid) {
            return Optional.empty();
        }
    }

    /** Why the field's value cannot be saved, in words for under the field; empty when it can. */
    private Optional<String> problem(ConnectField field) {
        String value = value(field);
        if (value.isEmpty()) {
            return switch (field) {
                case DOMAIN -> Optional.of(messages.get("connect.field.domain.required"));
                case CLIENT_ID -> Optional.of(messages.get("connect.field.clientId.required"));
                default -> Optional.empty();
            };
        }
        try {
            ConfigLoader.checkValue(field.settingKey(), value);
            return Optional.empty();
        } catch (ConfigException problem) {
            List<Object> arguments = problem.arguments();
            return Optional.of(switch (problem.messageKey()) {
                case "config.error.domain" -> messages.get("connect.field.domain.invalid", arguments.toArray());
                case "config.error.domainInsecure" -> messages.get("connect.field.domain.insecure", arguments.toArray());
                case "config.error.clientId" -> messages.get("connect.field.clientId.invalid", arguments.toArray());
                case "config.error.connection" -> messages.get("connect.field.connection.invalid", arguments.toArray());
                default -> messages.format(context.errors().translate(problem));
            });
        }
    }

    private void updateRegistration() {
        AppConfig current = context.current();
        List<String> callbacks = new ArrayList<>();
        callbacks.add(current.redirectUri().toString());
        current.ways().callbackUris().forEach(uri -> callbacks.add(uri.toString()));
        registration.get(RegistrationItem.APPLICATION_TYPE).set(messages.get("connect.registration.native"));
        registration.get(RegistrationItem.CALLBACK_URLS).set(String.join(", ", callbacks));
        registration.get(RegistrationItem.LOGOUT_URLS).set(current.ways().signedOutUris().stream()
                .map(URI::toString).collect(Collectors.joining(", ")));
        registration.get(RegistrationItem.API).set(address().map(TenantAddress::managementAudience)
                .orElse(messages.get("connect.registration.apiPlaceholder")));
        registration.get(RegistrationItem.SCOPES).set(Arrays.stream(SignInService.SCOPE.split(" "))
                .filter(scope -> !OIDC_SCOPES.contains(scope)).collect(Collectors.joining(" ")));
    }

    // ---- state for the view ----

    /** The text of a field (the view binds its text field to it both ways). */
    public StringProperty textProperty(ConnectField field) {
        return text.get(field);
    }

    /** What is wrong with the field's value, shown under it; "" when nothing is. */
    public ReadOnlyStringProperty errorProperty(ConnectField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The check's lines, in order (read-only). */
    public ObservableList<CheckLine> checkResults() {
        return readOnlyResults;
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
        return canCheck.getReadOnlyProperty();
    }

    /** Every field is valid, so the settings can be saved. */
    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty registrationProperty(RegistrationItem item) {
        return registration.get(item).getReadOnlyProperty();
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
        return Arrays.stream(ConnectField.values()).filter(field -> !errors.get(field).get().isEmpty()).findFirst()
                .orElse(ConnectField.DOMAIN);
    }
}
