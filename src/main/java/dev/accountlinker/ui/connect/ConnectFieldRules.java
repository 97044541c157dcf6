package dev.accountlinker.ui.connect;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The connect screen's rules in words, without any window: what each field starts with, what is wrong with a typed
 * value, and how a settings-file problem that opened the screen is shown. The checks themselves are the
 * configuration's ({@link ConfigLoader#checkValue}), so the screen never accepts what the app would refuse at start.
 */
final class ConnectFieldRules {
    /**
     * How the screen shows a problem of the settings file.
     *
     * @param markedField the field whose message shows at once (its value is what broke the file), if any
     * @param message     the words at the top of the screen
     */
    record FileProblem(Optional<ConnectField> markedField, String message) {}

    private final Messages messages;
    private final ErrorTranslator errors;

    ConnectFieldRules(Messages messages, ErrorTranslator errors) {
        this.messages = messages;
        this.errors = errors;
    }

    /** The settings file's values; for a tenant configured elsewhere (command line, environment), that tenant's. */
    static Map<String, String> initialValues(Map<String, String> settingsFileValues, AppConfig current) {
        Map<String, String> values = new LinkedHashMap<>(settingsFileValues);
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

    /** The tenant's address typed in the domain field, when it is a usable one. */
    static Optional<TenantAddress> address(String domain) {
        try {
            return Optional.of(TenantAddress.parse(ConfigLoader.DOMAIN, domain));
        } catch (ConfigException invalid) {
            return Optional.empty();
        }
    }

    /**
     * Why the field's (stripped) value cannot be saved, in words for under the field; empty when it can. An empty
     * domain or client id is a problem too: the screen decides when "required" is worth saying.
     */
    Optional<String> problem(ConnectField field, String value) {
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
            // Under a field the message names no setting key: the field's label already says which value it is.
            Object[] arguments = problem.arguments().toArray();
            return Optional.of(
                    switch (problem.messageKey()) {
                        case "config.error.domain" -> messages.get("connect.field.domain.invalid", arguments);
                        case "config.error.domainInsecure" -> messages.get("connect.field.domain.insecure", arguments);
                        case "config.error.clientId" -> messages.get("connect.field.clientId.invalid", arguments);
                        case "config.error.connection" -> messages.get("connect.field.connection.invalid", arguments);
                        default -> messages.format(errors.translate(problem));
                    });
        }
    }

    /**
     * A problem with one of the screen's own values marks that field and asks to fix it; any other problem (an
     * unknown key, a value the screen does not edit) is told in full, with what saving will remove from the file.
     */
    FileProblem fileProblem(ConfigException problem, UserSettingsFile file) {
        Optional<ConnectField> field = ConnectField.forKey(problem.settingKey());
        if (field.isPresent()) {
            return new FileProblem(
                    field, messages.get("connect.problem.field", file.path().toString()));
        }
        String what = messages.format(errors.translate(problem));
        Set<String> edited = Arrays.stream(ConnectField.values())
                .map(ConnectField::settingKey)
                .collect(Collectors.toSet());
        List<String> dropped = file.droppedOnSave(edited);
        return new FileProblem(
                Optional.empty(),
                what + " "
                        + (dropped.isEmpty()
                                ? messages.get("connect.problem.rewrite")
                                : messages.get("connect.problem.dropped", String.join(", ", dropped))));
    }
}
