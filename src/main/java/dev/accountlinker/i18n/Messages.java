package dev.accountlinker.i18n;

import dev.accountlinker.config.Languages;
import dev.accountlinker.errors.UserMessage;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every user-visible string comes from {@code dev/accountlinker/messages*.properties} through here, in the app's
 * language ({@link Languages}); in the pseudo-locale, from the English bundle through {@link PseudoLocalization}.
 * Every text is a {@link MessageFormat} pattern and is always formatted, with or without arguments, so {@code ''}
 * means one apostrophe everywhere (also in FXML, which reads {@link #bundle()}). Dates and times given as
 * {@code java.time} values are written in the app's locale.
 */
public final class Messages {
    public static final String BUNDLE = "dev.accountlinker.messages";

    /**
     * Only the requested language and the English base bundle, never the JVM's default locale in between (the
     * standard lookup would answer a request for English on a German system with the German bundle).
     */
    private static final ResourceBundle.Control OWN_LANGUAGE_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle patterns;
    private final Locale locale;
    private final ResourceBundle formatted = new FormattedBundle();

    private Messages(ResourceBundle patterns, Locale locale) {
        this.patterns = patterns;
        this.locale = locale;
    }

    /** The app's words for {@code locale}: its language's bundle (English for a language the app does not speak). */
    public static Messages forLocale(Locale locale) {
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, Languages.bundleLocale(locale), OWN_LANGUAGE_ONLY);
        return new Messages(Languages.isPseudo(locale) ? new PseudoLocalization.Bundle(words) : words, locale);
    }

    /** The system's language when the app speaks it, otherwise English. */
    public static Messages forDefaultLocale() {
        return forLocale(Languages.fromSystem(Locale.getDefault()));
    }

    /** For tests: messages from a bundle of the test's own. */
    static Messages of(ResourceBundle patterns, Locale locale) {
        return new Messages(patterns, locale);
    }

    /**
     * The language the app speaks, with the region that decides how dates, times and numbers look (the words
     * may come from a more general bundle: de-CH reads the German one).
     */
    public Locale locale() {
        return locale;
    }

    /** The texts, formatted as {@link #get} does, for the FXML loader's {@code %key} references. */
    public ResourceBundle bundle() {
        return formatted;
    }

    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    public String get(String key, Object... arguments) {
        String pattern = has(key) ? patterns.getString(key) : patterns.getString("error.unexpected");
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = inThisLocale(arguments[i]);
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** A connection's readable name ("Google" for google-oauth2), or its technical name when the bundle has none. */
    public String connectionName(String connection) {
        String key = "connection." + connection;
        return has(key) ? get(key) : connection;
    }

    public String format(UserMessage message) {
        return get(message.key(), message.arguments().toArray());
    }

    /**
     * A message given as an argument (a fixed reason inside a sentence) in this language; a time, date or both as
     * people write it in this locale (14:05:09, 2:05:09 PM…); anything else unchanged.
     */
    private Object inThisLocale(Object argument) {
        if (argument instanceof UserMessage message) {
            return format(message);
        }
        if (!(argument instanceof TemporalAccessor temporal)) {
            return argument;
        }
        boolean hasDate = temporal.isSupported(ChronoField.EPOCH_DAY);
        boolean hasTime = temporal.isSupported(ChronoField.NANO_OF_DAY);
        DateTimeFormatter formatter;
        if (hasDate && hasTime) {
            formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);
        } else if (hasTime) {
            formatter = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);
        } else if (hasDate) {
            formatter = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
        } else {
            return argument; // an Instant has neither without a zone: the caller must give a local value
        }
        return formatter.withLocale(locale).format(temporal);
    }

    /** {@link #get} as a resource bundle. */
    private final class FormattedBundle extends ResourceBundle {
        @Override
        protected Object handleGetObject(String key) {
            return has(key) ? get(key) : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return patterns.getKeys();
        }
    }
}
