package dev.accountlinker.ui.connect;

import dev.accountlinker.config.TenantAddress;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The connect screen's four fields: their texts and the message under each. A wrong value is told as soon as it is
 * typed; "required" waits until it is worth saying (after Save was tried, or for the field the settings file's
 * problem named), so an empty screen does not open covered in red.
 */
final class ConnectFields {
    private final ConnectFieldRules rules;
    private final Map<ConnectField, StringProperty> text = new EnumMap<>(ConnectField.class);
    private final Map<ConnectField, ReadOnlyStringWrapper> errors = new EnumMap<>(ConnectField.class);
    /** Fields whose "required" message shows. */
    private final Set<ConnectField> insisted = EnumSet.noneOf(ConnectField.class);

    private final ReadOnlyBooleanWrapper domainValid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper allValid = new ReadOnlyBooleanWrapper(false);

    /**
     * @param initial by settings key, what each field starts with
     * @param edited  told after the person changed a field's text
     */
    ConnectFields(ConnectFieldRules rules, Map<String, String> initial, Consumer<ConnectField> edited) {
        this.rules = rules;
        for (ConnectField field : ConnectField.values()) {
            errors.put(field, new ReadOnlyStringWrapper(""));
            StringProperty property = new SimpleStringProperty(initial.getOrDefault(field.settingKey(), ""));
            text.put(field, property);
            property.addListener((observable, old, value) -> edited.accept(field));
        }
    }

    /** From now on the fields' "required" messages show (call {@link #refresh()} to show them). */
    void insist(Collection<ConnectField> fields) {
        insisted.addAll(fields);
    }

    /** Updates the message under every field and whether the values can be checked and saved. */
    void refresh() {
        boolean valid = true;
        for (ConnectField field : ConnectField.values()) {
            Optional<String> problem = rules.problem(field, value(field));
            valid &= problem.isEmpty();
            boolean show = problem.isPresent() && (!value(field).isEmpty() || insisted.contains(field));
            errors.get(field).set(show ? problem.get() : "");
        }
        domainValid.set(address().isPresent());
        allValid.set(valid);
    }

    /** The field's text without surrounding blanks. */
    String value(ConnectField field) {
        String value = text.get(field).get();
        return value == null ? "" : value.strip();
    }

    /** The tenant's address in the domain field, when it is a usable one. */
    Optional<TenantAddress> address() {
        return ConnectFieldRules.address(value(ConnectField.DOMAIN));
    }

    /** What Save writes, by settings key. */
    Map<String, String> edits() {
        Map<String, String> edits = new LinkedHashMap<>();
        for (ConnectField field : ConnectField.values()) {
            edits.put(field.settingKey(), value(field));
        }
        return edits;
    }

    /** The first field with a message, else the domain. */
    ConnectField firstToFix() {
        return Arrays.stream(ConnectField.values())
                .filter(field -> !errors.get(field).get().isEmpty())
                .findFirst()
                .orElse(ConnectField.DOMAIN);
    }

    StringProperty text(ConnectField field) {
        return text.get(field);
    }

    ReadOnlyStringProperty error(ConnectField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The domain is a usable address, so it can be checked. */
    ReadOnlyBooleanProperty domainValidProperty() {
        return domainValid.getReadOnlyProperty();
    }

    /** Every value can be saved. */
    ReadOnlyBooleanProperty allValidProperty() {
        return allValid.getReadOnlyProperty();
    }
}
