package dev.accountlinker.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The languages the app speaks and how one is chosen: the {@code language} setting when given, otherwise the
 * system's language when the app speaks it, otherwise English. The chosen {@link Locale} keeps the region it was
 * given (de-CH, pt-PT, en-GB…), so dates, times and numbers follow the person's conventions even where the words
 * come from the language's one bundle.
 */
public final class Languages {
    /** English, German, French, Spanish, Portuguese (Brazil), as the settings accept them. */
    public static final List<String> SUPPORTED = List.of("en", "de", "fr", "es", "pt-BR");

    /**
     * The pseudo-locale for layout testing: every string about 40 % longer, with accented letters, generated at
     * run time from the English bundle. {@code en-XA} is the tag Android and Chrome use for the same purpose.
     */
    public static final Locale PSEUDO = Locale.forLanguageTag("en-XA");

    private static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");

    /** Auth0's tag for each language's own bundle (Universal Login knows "fr-FR" and "pt-BR", not "fr" or "pt"). */
    private static final Map<String, String> AUTH0_TAGS =
            Map.of("en", "en", "de", "de", "fr", "fr-FR", "es", "es", "pt", "pt-BR");

    private Languages() {}

    /** The app's locale when nothing is configured: the system's when the app speaks its language, else English. */
    public static Locale fromSystem(Locale system) {
        return speaks(system) && !isPseudo(system) ? system : Locale.ENGLISH; // pseudo only when asked for
    }

    /**
     * Reads the {@code language} setting: a language tag such as {@code de}, {@code pt-BR} or {@code de_CH}
     * (case and separator do not matter; {@code pt} alone means Brazilian Portuguese), or {@code en-XA}.
     */
    public static Locale parse(String settingKey, String value) throws ConfigException {
        String tag = value.strip().replace('_', '-');
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.equals(PSEUDO) || tag.equalsIgnoreCase(PSEUDO.toLanguageTag())) {
            return PSEUDO;
        }
        // forLanguageTag reads what it can and drops the rest: only a tag it read completely is accepted.
        if (!speaks(locale) || !locale.toLanguageTag().equalsIgnoreCase(tag)) {
            throw new ConfigException(settingKey, "config.error.language", value.strip(), supportedList());
        }
        return locale.getLanguage().equals("pt") && locale.getCountry().isEmpty() ? BRAZILIAN_PORTUGUESE : locale;
    }

    public static boolean isPseudo(Locale locale) {
        return PSEUDO.equals(locale);
    }

    /**
     * The locale of the bundle that holds the app's words for {@code locale}: its language alone, except Portuguese,
     * whose one bundle is Brazilian; English (the base bundle) for anything else.
     */
    public static Locale bundleLocale(Locale locale) {
        if (!speaks(locale) || isPseudo(locale)) {
            return Locale.ENGLISH;
        }
        return locale.getLanguage().equals("pt") ? BRAZILIAN_PORTUGUESE : Locale.forLanguageTag(locale.getLanguage());
    }

    /**
     * The {@code ui_locales} value for Universal Login: the tag Auth0 uses for the app's language, so the login
     * page speaks what the app speaks (the pseudo-locale asks for English).
     */
    public static String uiLocales(Locale locale) {
        return AUTH0_TAGS.get(bundleLocale(locale).getLanguage());
    }

    /** The accepted values, for messages and {@code --help}. */
    public static String supportedList() {
        return String.join(", ", SUPPORTED);
    }

    private static boolean speaks(Locale locale) {
        return AUTH0_TAGS.containsKey(locale.getLanguage());
    }
}
