package dev.accountlinker.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudoLocalizationTest {
    @Test
    void lettersAreAccentedTheTextBracketedAndAtLeastFourCharactersLonger() {
        assertEquals("[Šîĝñ îñ ·]", PseudoLocalization.of("Sign in"));
        assertEquals("[Öķ ·]", PseudoLocalization.of("Ok"));
        assertEquals("", PseudoLocalization.of(""));
    }

    @Test
    void placeholdersQuotesAndApostrophesStayAsTheyAre() {
        String pseudo = PseudoLocalization.of("Unlink {0} from {1,number,integer} o''clock '{literal}'");
        assertTrue(
                pseudo.contains("{0}")
                        && pseudo.contains("{1,number,integer}")
                        && pseudo.contains("''")
                        && pseudo.contains("'{literal}'"),
                pseudo);
        assertEquals(
                "[Ûñļîñķ A fŕöm 3 ö'çļöçķ {literal} ····· ···]",
                new MessageFormat(pseudo).format(new Object[] {"A", 3}));
    }

    @Test
    void everyEnglishTextGrowsByAboutFortyPercentAndKeepsItsPlaceholders() throws IOException {
        Properties english = new Properties();
        try (InputStream in =
                PseudoLocalizationTest.class.getResourceAsStream("/dev/accountlinker/messages.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String key : english.stringPropertyNames()) {
            String pattern = english.getProperty(key);
            String pseudo = PseudoLocalization.of(pattern);
            assertEquals(MessagesBundlesTest.placeholders(pattern), MessagesBundlesTest.placeholders(pseudo), key);
            String text = pattern.replaceAll("\\{[^}]*}", "");
            String longer = pseudo.replaceAll("\\{[^}]*}", "");
            assertTrue(longer.length() >= Math.max(text.length() + 4, text.length() * 1.35), key + ": " + pseudo);
            if (text.chars().anyMatch(Character::isLetter)) {
                assertNotEquals(text, longer.substring(1, text.length() + 1), key);
            }
        }
    }
}
