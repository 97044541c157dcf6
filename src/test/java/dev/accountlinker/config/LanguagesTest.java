package dev.accountlinker.config;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguagesTest {
    @Test
    void theSettingTakesTagsInAnyCaseAndWithEitherSeparator() throws ConfigException {
        assertEquals(Locale.forLanguageTag("de"), Languages.parse("language", "de"));
        assertEquals(Locale.forLanguageTag("pt-BR"), Languages.parse("language", "pt-BR"));
        assertEquals(Locale.forLanguageTag("pt-BR"), Languages.parse("language", " pt_br "));
        assertEquals(
                Locale.forLanguageTag("pt-BR"), Languages.parse("language", "pt"), "pt alone is the Brazilian bundle");
        assertEquals(
                Locale.forLanguageTag("de-CH"), Languages.parse("language", "de-CH"), "the region stays for formats");
        assertEquals(Locale.forLanguageTag("en-GB"), Languages.parse("language", "EN-gb"));
        assertEquals(Languages.PSEUDO, Languages.parse("language", "en-XA"));
    }

    @Test
    void aLanguageTheAppDoesNotSpeakNamesTheSettingAndTheLanguagesItSpeaks() {
        for (String value : new String[] {"it", "klingon", "de-", "zz_ZZ", "*"}) {
            ConfigException problem =
                    assertThrows(ConfigException.class, () -> Languages.parse("language", value), value);
            assertEquals("language", problem.settingKey());
            assertEquals("config.error.language", problem.messageKey());
            assertEquals(java.util.List.of(value, "en, de, fr, es, pt-BR"), problem.arguments());
        }
    }

    @Test
    void theSystemsLanguageIsUsedWhenTheAppSpeaksItOtherwiseEnglish() {
        assertEquals(Locale.GERMANY, Languages.fromSystem(Locale.GERMANY));
        assertEquals(Locale.forLanguageTag("pt-PT"), Languages.fromSystem(Locale.forLanguageTag("pt-PT")));
        assertEquals(Locale.ENGLISH, Languages.fromSystem(Locale.forLanguageTag("nl-NL")));
        assertEquals(Locale.ENGLISH, Languages.fromSystem(Locale.ROOT));
        assertEquals(Locale.ENGLISH, Languages.fromSystem(Languages.PSEUDO), "pseudo only when asked for");
    }

    @Test
    void eachLanguageHasOneBundle() {
        assertEquals(Locale.GERMAN, Languages.bundleLocale(Locale.forLanguageTag("de-AT")));
        assertEquals(Locale.forLanguageTag("pt-BR"), Languages.bundleLocale(Locale.forLanguageTag("pt-PT")));
        assertEquals(Locale.FRENCH, Languages.bundleLocale(Locale.CANADA_FRENCH));
        assertEquals(Locale.ENGLISH, Languages.bundleLocale(Locale.ITALIAN));
        assertEquals(Locale.ENGLISH, Languages.bundleLocale(Languages.PSEUDO));
    }

    @Test
    void universalLoginIsAskedForTheAppsLanguageInAuth0sTags() {
        assertEquals("en", Languages.uiLocales(Locale.US));
        assertEquals("de", Languages.uiLocales(Locale.forLanguageTag("de-CH")));
        assertEquals("fr-FR", Languages.uiLocales(Locale.CANADA_FRENCH), "the words are the French bundle's");
        assertEquals("es", Languages.uiLocales(Locale.forLanguageTag("es-MX")));
        assertEquals("pt-BR", Languages.uiLocales(Locale.forLanguageTag("pt-PT")));
        assertEquals("en", Languages.uiLocales(Languages.PSEUDO));
        assertEquals("en", Languages.uiLocales(Locale.JAPANESE));
        assertTrue(Languages.SUPPORTED.stream()
                .allMatch(
                        tag -> !Languages.uiLocales(Locale.forLanguageTag(tag)).isEmpty()));
    }
}
