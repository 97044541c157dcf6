package dev.accountlinker.i18n;

import dev.accountlinker.config.Languages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five bundles agree with the English one: the same keys, the same placeholders with the same kind of value,
 * valid MessageFormat patterns without a stray apostrophe, and real translations rather than English copied over.
 */
class MessagesBundlesTest {
    /** Texts that are the same in every language: product names, versions, technical value names. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of(
            "app.title",
            "launcher.version",
            "connection.google-oauth2",
            "connection.github",
            "connection.facebook",
            "connection.apple",
            "connection.windowslive",
            "connection.linkedin",
            "connection.twitter",
            "option.client-id.value",
            "option.redirect-uri.value",
            "option.loopback-port.value",
            "option.domain.value",
            "option.proxy.value",
            // Auth0's names, shown in English by its dashboard where the person types them, and examples.
            "connect.registration.native",
            "connect.registration.api",
            "connect.registration.callback-urls",
            "connect.registration.logout-urls",
            "connect.field.domain.prompt",
            // Placeholders and symbols only.
            "signin.demo.line",
            "link.merge.incomingColumn",
            "link.merge.none",
            "link.size.kilobytes",
            // French "Actions" is the English word too.
            "settings.column.actions");

    /** Each supported language's file: its bundle locale's suffix (none for English). */
    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (String tag : Languages.SUPPORTED) {
            Locale bundle = Languages.bundleLocale(Locale.forLanguageTag(tag));
            String file = tag.equals("en") ? "messages.properties" : "messages_" + bundle + ".properties";
            bundles.put(file, load(file));
        }
        return bundles;
    }

    private static Properties load(String file) throws IOException {
        try (InputStream in = MessagesBundlesTest.class.getResourceAsStream("/dev/accountlinker/" + file)) {
            assertNotNull(in, "no bundle " + file);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static Properties english() throws IOException {
        return load("messages.properties");
    }

    @Test
    void everyBundleHasExactlyTheEnglishKeys() throws IOException {
        Set<String> english = english().stringPropertyNames();
        List<String> problems = new ArrayList<>();
        bundles().forEach((file, bundle) -> {
            TreeSet<String> missing = new TreeSet<>(english);
            missing.removeAll(bundle.stringPropertyNames());
            TreeSet<String> extra = new TreeSet<>(bundle.stringPropertyNames());
            extra.removeAll(english);
            if (!missing.isEmpty()) {
                problems.add(file + " misses " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(file + " has keys English does not have " + extra);
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyTranslationHasTheEnglishPlaceholdersWithTheSameKindOfValue() throws IOException {
        Properties english = english();
        List<String> problems = new ArrayList<>();
        bundles().forEach((file, bundle) -> {
            for (String key : bundle.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    continue;
                }
                Map<Integer, String> expected = placeholders(english.getProperty(key));
                Map<Integer, String> actual = placeholders(bundle.getProperty(key));
                if (!expected.equals(actual)) {
                    problems.add(file + " " + key + ": " + actual + " instead of " + expected);
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyPatternIsValidAndHasNoStrayApostrophe() throws IOException {
        List<String> problems = new ArrayList<>();
        bundles().forEach((file, bundle) -> {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                // A lone ' starts a quoted part: the apostrophe vanishes and {0} after it shows as such.
                if (pattern.replace("''", "").contains("'")) {
                    problems.add(file + " " + key + ": a plain apostrophe; write ’ (or '')");
                }
                try {
                    new MessageFormat(pattern);
                } catch (IllegalArgumentException invalid) {
                    problems.add(file + " " + key + ": " + invalid.getMessage());
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void translationsAreNotEnglishLeftOver() throws IOException {
        Properties english = english();
        List<String> problems = new ArrayList<>();
        bundles().forEach((file, bundle) -> {
            if (file.equals("messages.properties")) {
                return;
            }
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                if (bundle.getProperty(key).equals(english.getProperty(key)) && !SAME_IN_EVERY_LANGUAGE.contains(key)) {
                    problems.add(file + " " + key + " is the English text: " + english.getProperty(key));
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void eachLanguageReadsItsOwnBundleAndFillsEveryPlaceholder() throws IOException {
        for (String tag : Languages.SUPPORTED) {
            Locale locale = Locale.forLanguageTag(tag);
            Messages messages = Messages.forLocale(locale);
            String file = tag.equals("en")
                    ? "messages.properties"
                    : "messages_" + Languages.bundleLocale(locale) + ".properties";
            Properties bundle = load(file);
            assertEquals(bundle.getProperty("signin.button"), messages.get("signin.button"), tag);
            for (String key : bundle.stringPropertyNames()) {
                Object[] arguments = new Object
                        [placeholders(bundle.getProperty(key)).keySet().stream()
                                        .mapToInt(Integer::intValue)
                                        .max()
                                        .orElse(-1)
                                + 1];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = "ARG" + i;
                }
                String text = messages.get(key, arguments);
                assertFalse(text.matches("(?s).*\\{\\d.*"), tag + " " + key + " left a placeholder: " + text);
            }
        }
    }

    /**
     * The arguments a pattern uses, by index, with their format type ("" for plain {0}, "number" for
     * {0,number,integer}…). Quoted parts ('…') are text, as MessageFormat reads them.
     */
    static Map<Integer, String> placeholders(String pattern) {
        Map<Integer, String> found = new TreeMap<>();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                int depth = 0;
                int end = i;
                for (; end < pattern.length(); end++) {
                    if (pattern.charAt(end) == '{') {
                        depth++;
                    } else if (pattern.charAt(end) == '}' && --depth == 0) {
                        break;
                    }
                }
                String[] parts = pattern.substring(i + 1, Math.min(end, pattern.length()))
                        .split(",", 3);
                found.put(Integer.parseInt(parts[0].strip()), parts.length > 1 ? parts[1].strip() : "");
                i = end;
            }
        }
        return found;
    }
}
