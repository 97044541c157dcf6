package dev.accountlinker.testkit;

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

/** README's testers' section says what the suite checks: its example test runs as written, its ids are the kit's. */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Path EXAMPLE = Path.of("src/test/java/dev/accountlinker/example/ReadmeExampleUiTest.java");

    /** The example as README shows it (inside its java fence). */
    static String readmeExample() throws IOException {
        String readme = Files.readString(README);
        String block = between(readme, "<!-- testkit-example:begin -->\n", "<!-- testkit-example:end -->");
        assertTrue(block.startsWith("```java\n") && block.endsWith("```\n"), "a java code block: " + block);
        return block.substring("```java\n".length(), block.length() - "```\n".length());
    }

    @Test
    void theReadmeExampleIsTheTestTheSuiteRuns() throws IOException {
        String test = between(Files.readString(EXAMPLE), "// README example: begin\n", "// README example: end");
        assertEquals(test, readmeExample());
    }

    @Test
    void theReadmeListsExactlyTheNodeIdsTheContractTestChecks() throws IOException {
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
        assertEquals(Set.of(), unknown, "ids README documents that TestingContract (and so ContractUiTest) lacks");
        Set<String> undocumented = new TreeSet<>(documented);
        undocumented.removeAll(inReadme);
        assertEquals(Set.of(), undocumented, "ids TestingContract checks that README does not document");
    }

    @Test
    void theReadmeNamesTheHeadlessPropertiesTheKitSets() throws IOException {
        String section =
                between(Files.readString(README), "## Testing Account Linker with TestFX\n", "### Testing contract");
        HeadlessDefaults.PROPERTIES.forEach(
                (key, value) -> assertTrue(section.contains("`" + key + "=" + value + "`"), key + "=" + value));
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

    /** The bullet list of README's "Testing contract". */
    private static String contractList() throws IOException {
        String section = between(Files.readString(README), "### Testing contract\n", "\nTests (");
        return section.substring(section.indexOf("\n- "));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "missing: " + start);
        int to = text.indexOf(end, from + start.length());
        assertTrue(to >= 0, "missing: " + end);
        return text.substring(from + start.length(), to);
    }
}
