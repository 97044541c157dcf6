package dev.accountlinker.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message key the code or the FXML asks for exists in the bundle. */
class MessagesTest {
    private static final Pattern CODE_KEY = Pattern.compile("\"((?:app|signin|config|login|settings|error|link|unlink|connection|launcher)\\.[A-Za-z0-9.-]+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9.-]+)\"");

    @Test
    void everyKeyUsedInCodeAndFxmlExists() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/accountlinker/messages.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".fxml")).toList()) {
                String text = Files.readString(file);
                Matcher matcher = (file.toString().endsWith(".fxml") ? FXML_KEY : CODE_KEY).matcher(text);
                while (matcher.find()) {
                    String key = matcher.group(1);
                    if (!key.matches(".*\\.(properties|fxml|css)") && !bundle.containsKey(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "Missing message keys: " + missing);
    }
}
