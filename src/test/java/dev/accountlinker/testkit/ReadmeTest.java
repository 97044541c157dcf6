package dev.accountlinker.testkit;

import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.ui.StartupMarker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The testing page (docs/testing.md) says what the suite checks: its example test runs as written, its node ids are
 * the kit's and its configuration keys the app's; README.md still opens with the two fresh-machine commands.
 */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Path TESTING = Path.of("docs/testing.md");
    private static final Path EXAMPLE = Path.of("src/test/java/dev/accountlinker/example/ReadmeExampleUiTest.java");

    /** The example as the testing page shows it (inside its java fence). */
    static String readmeExample() throws IOException {
        String page = Files.readString(TESTING);
        String block = between(page, "<!-- testkit-example:begin -->\n", "<!-- testkit-example:end -->");
        assertTrue(block.startsWith("```java\n") && block.endsWith("```\n"), "a java code block: " + block);
        return block.substring("```java\n".length(), block.length() - "```\n".length());
    }

    @Test
    void theTestingPagesExampleIsTheTestTheSuiteRuns() throws IOException {
        String test = between(Files.readString(EXAMPLE), "// README example: begin\n", "// README example: end");
        assertEquals(test, readmeExample());
    }

    @Test
    void theTestingPageListsExactlyTheNodeIdsTheContractTestChecks() throws IOException {
        Set<String> documented = new LinkedHashSet<>(TestingContract.documentedIds());
        Set<String> concrete = TestingContract.entries().stream()
                .map(TestingContract.Entry::id)
                .collect(Collectors.toSet());
        Set<String> inReadme = new LinkedHashSet<>();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(contractList());
        while (code.find()) {
            inReadme.add(code.group(1));
        }
        inReadme.removeAll(TestingContract.STYLE_CLASSES);
        inReadme.removeAll(Set.of("[A-Za-z0-9_-]", "_")); // how ids are made of provider and user id

        Set<String> unknown = new TreeSet<>(inReadme);
        unknown.removeAll(documented);
        unknown.removeAll(concrete); // examples such as link-google-oauth2
        assertEquals(
                Set.of(), unknown, "ids docs/testing.md documents that TestingContract (and so ContractUiTest) lacks");
        Set<String> undocumented = new TreeSet<>(documented);
        undocumented.removeAll(inReadme);
        assertEquals(Set.of(), undocumented, "ids TestingContract checks that docs/testing.md does not document");
    }

    @Test
    void theTestingPageNamesTheHeadlessAndPacePropertiesTheKitSets() throws IOException {
        String section = between(
                Files.readString(TESTING), "## Testing Account Linker with TestFX\n", "\n## Testing contract\n");
        HeadlessDefaults.PROPERTIES.forEach(
                (key, value) -> assertTrue(section.contains("`" + key + "=" + value + "`"), key + "=" + value));
        HeadlessDefaults.ROBOT_PACE.forEach(
                (key, value) -> assertTrue(section.contains("`" + key + "=" + value + "`"), key + "=" + value));
    }

    @Test
    void theTestingPageListsExactlyTheConfigurationKeysTheAppReads() throws IOException {
        Set<String> inCode = new TreeSet<>();
        for (ConfigLoader.Option option : ConfigLoader.options()) {
            inCode.add(option.name());
            option.environmentVariable().ifPresent(inCode::add);
        }
        inCode.addAll(List.of(
                ConfigLoader.PRODUCT_NAME,
                ConfigLoader.OFFER_DEMO,
                ConfigLoader.OFFER_CONNECT,
                ConfigLoader.INSTALLER_SETTINGS_PROPERTY,
                StartupMarker.PROPERTY));
        Set<String> documented = new TreeSet<>();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(configurationKeyList());
        while (code.find()) {
            documented.add(code.group(1));
        }
        assertEquals(inCode, documented, "the configuration keys of docs/testing.md's testing contract");
    }

    @Test
    void theReadmeStillOpensWithTheTwoFreshMachineCommandsAndCiRunsTheTestOne() throws IOException {
        String readme = Files.readString(README);
        String opening = "# Account Linker\n\n```bash\n";
        assertTrue(readme.startsWith(opening), "README.md opens with its title and the commands' block");
        List<String> commands = between(readme, opening, "```\n")
                .lines()
                .map(line -> line.replaceAll("\\s+#.*", ""))
                .toList();
        assertEquals(List.of("mvn -q compile exec:exec", "mvn -B test"), commands);
        List<String> ciLines = Files.readAllLines(Path.of(".ci/run"));
        assertEquals("mvn -B test", ciLines.get(ciLines.size() - 1).strip(), ".ci/run ends with README's test command");
    }

    @Test
    void headlessDefaultsFillOnlyWhatTheRunLeftUnset() {
        List<String> keys = List.of("monocle.platform", "prism.order");
        String platform = System.getProperty(keys.get(0));
        String order = System.getProperty(keys.get(1));
        try {
            System.clearProperty(keys.get(0));
            System.setProperty(keys.get(1), "es2");
            HeadlessDefaults.apply();
            assertEquals("Headless", System.getProperty(keys.get(0)));
            assertEquals("es2", System.getProperty(keys.get(1)), "a value the run set stays");
        } finally {
            restore(keys.get(0), platform);
            restore(keys.get(1), order);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** The bullet list of the node ids in the testing page's "Testing contract". */
    private static String contractList() throws IOException {
        return bulletList(contractSection(), "### Node ids\n", "\n### Configuration keys\n");
    }

    /** The testing page's "Testing contract" section, up to the next section. */
    private static String contractSection() throws IOException {
        return between(Files.readString(TESTING), "\n## Testing contract\n", "\n## ");
    }

    /** The bullet list of one subsection, from its first bullet to the subsection's end. */
    private static String bulletList(String text, String start, String end) {
        String subsection = between(text, start, end);
        int list = subsection.indexOf("\n- ");
        assertTrue(list >= 0, "a bullet list under " + start);
        return subsection.substring(list);
    }

    /** The bullet list of the configuration keys in the testing page's "Testing contract". */
    private static String configurationKeyList() throws IOException {
        String subsection = contractSection().substring(contractSection().indexOf("### Configuration keys\n"));
        int list = subsection.indexOf("\n- ");
        assertTrue(list >= 0, "a bullet list of configuration keys");
        int end = subsection.indexOf("\n\n", list);
        return end < 0 ? subsection.substring(list) : subsection.substring(list, end);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "missing: " + start);
        int to = text.indexOf(end, from + start.length());
        assertTrue(to >= 0, "missing: " + end);
        return text.substring(from + start.length(), to);
    }
}
