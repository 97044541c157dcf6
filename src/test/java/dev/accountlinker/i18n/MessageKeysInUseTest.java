package dev.accountlinker.i18n;

import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantAccount;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The English bundle and the code agree: every key is used somewhere (a string literal in the Java sources, a
 * {@code %key} in an FXML file, or one of the keys the code builds, listed below), and every key the code names
 * exists. {@link MessagesBundlesTest} checks that the other four bundles have exactly the English keys.
 */
class MessageKeysInUseTest {
    private static final Path JAVA_SOURCES = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");
    /** The local tenant stands in for Auth0 and speaks without the app's bundles. */
    private static final Path LOCAL_TENANT_SOURCES = JAVA_SOURCES.resolve("dev/accountlinker/localtenant");

    private static final Pattern FXML_KEY = Pattern.compile("\"%([^\"]+)\"");

    /** Literals that look like keys but are not (the first part of the name is a key prefix by chance). */
    private static final Set<String> NOT_KEYS = Set.of(
            // ConfigLoader: the user's settings file's name.
            "settings.properties",
            // SettingsView: the settings screen's FXML file.
            "settings.fxml",
            // AppConfig.DEFAULT_SIGN_IN_HOSTS: Microsoft's sign-in hosts, not login.* keys.
            "login.live.com",
            "login.microsoftonline.com");

    /**
     * Auth0's usual connections, by their technical names, which {@link Messages#connectionName} shows as
     * {@code connection.<name>} (any other connection shows its technical name).
     */
    private static final List<String> NAMED_CONNECTIONS = List.of(
            "google-oauth2",
            "github",
            "Username-Password-Authentication",
            "facebook",
            "apple",
            "windowslive",
            "linkedin",
            "twitter");

    /** The connect screen's fields (ConnectForm.addField): each label key also has {@code .prompt} and {@code .help}. */
    private static final List<String> CONNECT_FIELD_LABELS = List.of(
            "connect.field.domain",
            "connect.field.clientId",
            "connect.field.connections",
            "connect.field.browserConnections");

    /** Keys the code puts together from a prefix and a name, so no literal holds them whole. */
    static Set<String> builtKeys() {
        Set<String> keys = new TreeSet<>();
        // Messages.connectionName: "connection." + the connection's technical name.
        NAMED_CONNECTIONS.forEach(name -> keys.add("connection." + name));
        // ThemeMenu: one item per theme setting, "theme." + ThemeSetting.value().
        for (ThemeSetting setting : ThemeSetting.values()) {
            keys.add("theme." + setting.value());
        }
        // Usage (--help): "option." + each option's name, and "option.<name>.value" for options that take a value.
        for (ConfigLoader.Option option : ConfigLoader.options()) {
            keys.add("option." + option.name());
            if (!option.isFlag()) {
                keys.add("option." + option.name() + ".value");
            }
        }
        // ConnectForm.addField: the field's label key + ".prompt" (the empty field's hint) and + ".help" (below it).
        for (String label : CONNECT_FIELD_LABELS) {
            keys.add(label + ".prompt");
            keys.add(label + ".help");
        }
        // WelcomeViewModel.demoNote: "signin.demo.note." + the part of the demo account's email before the @.
        for (TenantAccount account : LocalTenant.demoAccounts()) {
            keys.add("signin.demo.note."
                    + account.email().substring(0, account.email().indexOf('@')));
        }
        return keys;
    }

    @Test
    void everyKeyIsUsedByTheCodeOrAnFxmlFile() throws IOException {
        Set<String> used = new TreeSet<>(javaLiterals());
        used.addAll(fxmlKeys());
        used.addAll(builtKeys());
        Set<String> unused = new TreeSet<>(englishKeys());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys no code or FXML uses: remove them from all five bundles");
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> keys = englishKeys();
        Set<String> prefixes =
                keys.stream().map(key -> key.substring(0, key.indexOf('.') + 1)).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String literal : javaLiterals()) {
            boolean looksLikeKey = literal.matches("[a-z][A-Za-z]*(\\.[A-Za-z0-9_-]+)+")
                    && prefixes.stream().anyMatch(literal::startsWith);
            if (looksLikeKey && !keys.contains(literal) && !NOT_KEYS.contains(literal)) {
                missing.add("Java: " + literal);
            }
        }
        for (String key : fxmlKeys()) {
            if (!keys.contains(key)) {
                missing.add("FXML: %" + key);
            }
        }
        for (String key : builtKeys()) {
            if (!keys.contains(key)) {
                missing.add("built: " + key);
            }
        }
        assertEquals(List.of(), missing, "keys the code uses that messages.properties lacks");
    }

    @Test
    void theDemoTenantsConnectionsHaveReadableNames() {
        Set<String> demoConnections = LocalTenant.demoAccounts().stream()
                .map(TenantAccount::connection)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(
                NAMED_CONNECTIONS.containsAll(demoConnections),
                "every demo connection is named in the bundle: " + demoConnections);
    }

    @Test
    void theLiteralReaderSkipsCommentsAndFindsEveryKindOfString() {
        String source = "class A { // \"in.comment\"\n"
                + "  /* \"in.block\" */ char q = '\"'; String a = \"a.b\", b = \"x\\\"y\";\n"
                + "  String c = \"\"\"\n    text.block\n    \"\"\"; String d = \"http://host\"; }";
        assertEquals(List.of("a.b", "x\\\"y", "\n    text.block\n    ", "http://host"), literals(source));
    }

    private static Set<String> englishKeys() throws IOException {
        try (InputStream in =
                MessageKeysInUseTest.class.getResourceAsStream("/dev/accountlinker/messages.properties")) {
            Properties bundle = new Properties();
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(bundle.stringPropertyNames());
        }
    }

    private static Set<String> javaLiterals() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.startsWith(LOCAL_TENANT_SOURCES))
                    .toList()) {
                found.addAll(literals(Files.readString(file)));
            }
        }
        assertTrue(found.contains("app.title"), "the sources were read from " + JAVA_SOURCES.toAbsolutePath());
        return found;
    }

    private static Set<String> fxmlKeys() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".fxml")).toList()) {
                Matcher key = FXML_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    found.add(key.group(1));
                }
            }
        }
        assertTrue(!found.isEmpty(), "no FXML file under " + RESOURCES.toAbsolutePath());
        return found;
    }

    /**
     * The string literals of a Java source, as written (escapes not undone), text blocks included; comments and
     * character literals are skipped, so a key named only in a comment does not count as used.
     */
    static List<String> literals(String source) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                found.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int end = i + 1;
                while (source.charAt(end) != quote) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    found.add(source.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }
}
