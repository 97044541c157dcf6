package dev.accountlinker.config;

import java.util.List;

/**
 * A configuration value that cannot be used. Carries the offending key and a message-bundle key so the
 * UI can say, in the user's language, exactly which setting to fix.
 */
public final class ConfigException extends Exception {
    private final String settingKey;
    private final String messageKey;
    private final List<Object> arguments;

    public ConfigException(String settingKey, String messageKey, Object... arguments) {
        super(messageKey + " (" + settingKey + ")");
        this.settingKey = settingKey;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
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
