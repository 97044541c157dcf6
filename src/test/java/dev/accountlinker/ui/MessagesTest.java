package dev.accountlinker.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
                .map(key -> key.substring(0, key.indexOf('.') + 1)).collect(Collectors.toSet());
        TreeSet<String> missing = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml"))
                    .filter(f -> !f.toString().contains("localtenant")).toList()) {
                String text = Files.readString(file);
                Matcher matcher = (file.toString().endsWith(".fxml") ? FXML_KEY : STRING_LITERAL).matcher(text);
                while (matcher.find()) {
                    String key = matcher.group(1);
                    boolean looksLikeKey = file.toString().endsWith(".fxml")
                            || prefixes.stream().anyMatch(key::startsWith) && !key.matches(".*\\.(properties|fxml|css)");
                    if (!looksLikeKey) {
                        continue;
                    }
                    checked++;
                    if (!bundle.containsKey(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "Missing message keys: " + missing);
        assertTrue(checked > 150, "the scan found only " + checked + " keys: is it still reading the sources?");
    }
}
