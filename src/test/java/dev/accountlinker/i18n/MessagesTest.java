package dev.accountlinker.i18n;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.Languages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message key the code or the FXML asks for exists in the bundle: a string literal in the product code that
 * starts like a bundle key (any first segment the bundle uses, such as {@code browser.}) must be a key. A missing
 * key would otherwise show "Something unexpected went wrong" instead of its message.
 */
class MessagesTest {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*\\.[A-Za-z0-9.-]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9.-]+)\"");

    @Test
    void everyKeyUsedInCodeAndFxmlExists() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/accountlinker/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> prefixes = bundle.stringPropertyNames().stream()
                .map(key -> key.substring(0, key.indexOf('.') + 1))
                .collect(Collectors.toSet());
        TreeSet<String> missing = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml"))
                    .filter(f -> !f.toString().contains("localtenant"))
                    .toList()) {
                String text = Files.readString(file);
                Matcher matcher = (file.toString().endsWith(".fxml") ? FXML_KEY : STRING_LITERAL).matcher(text);
                while (matcher.find()) {
                    String key = matcher.group(1);
                    boolean looksLikeKey = file.toString().endsWith(".fxml")
                            || prefixes.stream().anyMatch(key::startsWith)
                                    && !key.matches(".*\\.(properties|fxml|css)")
                                    // Host names such as login.live.com start like the login.* keys.
                                    && !AppConfig.DEFAULT_SIGN_IN_HOSTS.contains(key);
                    if (!looksLikeKey) {
                        continue;
                    }
                    checked++;
                    // A literal ending in "." starts keys made in code ("signin.demo.note." + name): some must exist.
                    boolean exists = key.endsWith(".")
                            ? bundle.stringPropertyNames().stream().anyMatch(name -> name.startsWith(key))
                            : bundle.containsKey(key);
                    if (!exists) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "Missing message keys: " + missing);
        assertTrue(checked > 150, "the scan found only " + checked + " keys: is it still reading the sources?");
    }

    /** A bundle of the test's own, as the properties files would give it. */
    private static ResourceBundle bundleOf(String... keysAndPatterns) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < keysAndPatterns.length; i += 2) {
            texts.put(keysAndPatterns[i], keysAndPatterns[i + 1]);
        }
        texts.put("error.unexpected", "Something unexpected went wrong.");
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return texts.entrySet().stream()
                        .map(e -> new Object[] {e.getKey(), e.getValue()})
                        .toArray(Object[][]::new);
            }
        };
    }

    @Test
    void aDoubledApostropheIsOneWithOrWithoutArgumentsAndInFxmlToo() {
        Messages messages =
                Messages.of(bundleOf("plain", "l''ami de Marie", "withArgument", "l''ami de {0}"), Locale.FRENCH);
        assertEquals("l'ami de Marie", messages.get("plain"));
        assertEquals("l'ami de Pierre", messages.get("withArgument", "Pierre"));
        assertEquals("l'ami de Marie", messages.bundle().getString("plain"), "the FXML loader reads bundle()");
        assertTrue(Collections.list(messages.bundle().getKeys()).contains("plain"));
    }

    @Test
    void englishIsEnglishEvenWhenTheSystemSpeaksGerman() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            // The standard lookup would fall back from "en" (no messages_en file) to the system's German bundle.
            assertEquals("Sign in", Messages.forLocale(Locale.ENGLISH).get("signin.button"));
            assertEquals(
                    "Sign in",
                    Messages.forLocale(Locale.forLanguageTag("nl-NL")).get("signin.button"));
            assertEquals("Anmelden", Messages.forDefaultLocale().get("signin.button"));
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void regionsReadTheirLanguagesBundleAndKeepTheirOwnFormats() {
        Messages swiss = Messages.forLocale(Locale.forLanguageTag("de-CH"));
        assertEquals("Anmelden", swiss.get("signin.button"));
        assertEquals(Locale.forLanguageTag("de-CH"), swiss.locale());
        assertEquals(
                "Entrar",
                Messages.forLocale(Locale.forLanguageTag("pt-PT")).get("signin.button"),
                "Portuguese from Portugal reads the Brazilian bundle rather than English");
        assertEquals("Se connecter", Messages.forLocale(Locale.CANADA_FRENCH).get("signin.button"));
    }

    @Test
    void timesAreWrittenAsTheLocaleWritesThem() {
        LocalTime reset = LocalTime.of(14, 5, 9);
        String german = Messages.forLocale(Locale.GERMAN).get("error.rateLimitedUntil", reset);
        assertTrue(german.contains("ab 14:05:09 Uhr"), german);
        String english = Messages.forLocale(Locale.US).get("error.rateLimitedUntil", reset);
        assertTrue(english.matches(".*after 2:05:09[ \\u202f]PM\\..*"), english);
        String french = Messages.forLocale(Locale.FRANCE).get("error.rateLimitedUntil", reset);
        assertTrue(french.contains("à partir de 14:05:09."), french);
        String date = Messages.of(bundleOf("on", "on {0}"), Locale.GERMANY).get("on", LocalDate.of(2026, 11, 25));
        assertEquals("on 25.11.2026", date);
    }

    @Test
    void thePseudoLocaleIsEnglishMadeLongerAndAccentedWithItsArgumentsFilledIn() {
        Messages pseudo = Messages.forLocale(Languages.PSEUDO);
        assertEquals("[Šîĝñ îñ ·]", pseudo.get("signin.button"));
        String withArgument = pseudo.get("link.success", "Alice (Google)");
        assertTrue(withArgument.startsWith("[Ļîñķéď Alice (Google) ţö ýöûŕ åççöûñţ."), withArgument);
        assertEquals(Languages.PSEUDO, pseudo.locale());
    }
}
