package dev.accountlinker.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration value that cannot be used. Carries the offending key and a message-bundle key so the
 * UI can say, in the user's language, exactly which setting to fix. Every value it repeats is shown without the
 * {@code user:password@} of an address ({@link #withoutUserInfo}): a message on screen, on the console or in a
 * bug report must not carry a proxy's or a tenant's password.
 */
public final class ConfigException extends Exception {
    /** Where the unusable value came from: the connect screen can repair only the user's settings file. */
    public enum Source {
        COMMAND_LINE,
        ENVIRONMENT,
        SETTINGS_FILE,
        INSTALLER_FILE
    }

    /** What stands for a removed {@code user:password@}. */
    static final String HIDDEN_USER_INFO = "***@";

    /** {@code scheme://} and whatever comes before the last {@code @} of the authority. */
    private static final Pattern USER_INFO_AFTER_SCHEME =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\\\?#\\s]*@");
    /** {@code user:password@host…} without a scheme, at the start of a value. */
    private static final Pattern USER_INFO_WITHOUT_SCHEME = Pattern.compile("^[^/\\\\?#\\s:@]*:[^/\\\\?#\\s]*@");

    private final String settingKey;
    private final String messageKey;
    private final List<Object> arguments;
    private final Source source;

    public ConfigException(String settingKey, String messageKey, Object... arguments) {
        this(
                null,
                withoutUserInfo(settingKey),
                messageKey,
                List.of(arguments).stream()
                        .map(argument -> argument instanceof String text ? withoutUserInfo(text) : argument)
                        .toList());
    }

    private ConfigException(Source source, String settingKey, String messageKey, List<Object> arguments) {
        super(messageKey + " (" + settingKey + ")");
        this.settingKey = settingKey;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.source = source;
    }

    /**
     * The text with {@code user:password@} of any address in it replaced by {@value #HIDDEN_USER_INFO}
     * ({@code http://***@proxy.example.com:3128}), with or without a scheme.
     */
    public static String withoutUserInfo(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        String hidden =
                USER_INFO_AFTER_SCHEME.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN_USER_INFO));
        return USER_INFO_WITHOUT_SCHEME.matcher(hidden).replaceFirst(Matcher.quoteReplacement(HIDDEN_USER_INFO));
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
