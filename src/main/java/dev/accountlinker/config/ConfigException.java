package dev.accountlinker.config;

import java.util.List;
import java.util.Optional;

/**
 * A configuration value that cannot be used. Carries the offending key and a message-bundle key so the
 * UI can say, in the user's language, exactly which setting to fix.
 */
public final class ConfigException extends Exception {
    /** Where the unusable value came from: the connect screen can repair only the user's settings file. */
    public enum Source {
        COMMAND_LINE,
        ENVIRONMENT,
        SETTINGS_FILE,
        INSTALLER_FILE
    }

    private final String settingKey;
    private final String messageKey;
    private final List<Object> arguments;
    private final Source source;

    public ConfigException(String settingKey, String messageKey, Object... arguments) {
        this(null, settingKey, messageKey, List.of(arguments));
    }

    private ConfigException(Source source, String settingKey, String messageKey, List<Object> arguments) {
        super(messageKey + " (" + settingKey + ")");
        this.settingKey = settingKey;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.source = source;
    }

    /** The same problem, saying where the value came from (the first source named wins). */
    public ConfigException from(Source where) {
        return source != null ? this : new ConfigException(where, settingKey, messageKey, arguments);
    }

    /** Where the value came from, when known. */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    public String settingKey() {
        return settingKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
