package dev.accountlinker.ui;

import dev.accountlinker.errors.UserMessage;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-visible string comes from {@code dev/accountlinker/messages*.properties} through here. */
public final class Messages {
    public static final String BUNDLE = "dev.accountlinker.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale), locale);
    }

    public static Messages forDefaultLocale() {
        return forLocale(Locale.getDefault());
    }

    /** The language the app speaks (the bundle itself may fall back to a more general one). */
    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = bundle.getString("error.unexpected");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** A connection's readable name ("Google" for google-oauth2), or its technical name when the bundle has none. */
    public String connectionName(String connection) {
        String key = "connection." + connection;
        return has(key) ? get(key) : connection;
    }

    public String format(UserMessage message) {
        return get(message.key(), message.arguments().toArray());
    }
}
