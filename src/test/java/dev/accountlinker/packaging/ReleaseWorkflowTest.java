package dev.accountlinker.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release workflow cannot run here (GitHub's runners, Apple's and Microsoft's signing services): this reads
 * {@code .github/workflows/release.yml} and checks what it promises (docs/packaging.md, "Release workflow").
 */
@Tag("packaging")
class ReleaseWorkflowTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path WORKFLOW = PROJECT.resolve(".github/workflows/release.yml");
    private static final Pattern SECRET = Pattern.compile("secrets\\.([A-Z0-9_]+)");

    private final JsonNode workflow = read();

    @Test
    void theMatrixBuildsEveryDesktopOsOnBothArchitecturesWhereGitHubHasRunners() {
        JsonNode build = job("build");
        assertEquals("${{ matrix.runner }}", build.path("runs-on").asText());
        assertFalse(build.path("strategy").path("fail-fast").asBoolean(true), "one OS failing does not stop the rest");
        Map<String, String> runners = new LinkedHashMap<>();
        for (JsonNode leg : build.path("strategy").path("matrix").path("include")) {
            runners.put(
                    leg.path("os").asText() + "-" + leg.path("arch").asText(),
                    leg.path("runner").asText());
        }
        assertEquals(
                Set.of("linux-x64", "linux-arm64", "windows-x64", "macos-x64", "macos-arm64"),
                runners.keySet(),
                "Windows on arm64 is left out: JavaFX 21 has no platform jars for it");
        assertTrue(runners.get("linux-x64").matches("ubuntu-\\d+\\.04"), runners.toString());
        assertTrue(runners.get("linux-arm64").matches("ubuntu-\\d+\\.04-arm"), runners.toString());
        assertTrue(runners.get("windows-x64").startsWith("windows-"), runners.toString());
        assertTrue(runners.get("macos-x64").matches("macos-13|macos-\\d+-(intel|large)"), "Intel: " + runners);
        assertTrue(runners.get("macos-arm64").matches("macos-(1[4-9]|latest)"), "Apple silicon: " + runners);
    }

    @Test
    void everyBuildRunsTheTestsOnJava17ThenTheProjectsOwnBuildScript() {
        List<JsonNode> steps = steps("build");
        JsonNode java = steps.stream()
                .filter(step -> step.path("uses").asText().startsWith("actions/setup-java@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no actions/setup-java"));
        assertEquals("temurin", java.path("with").path("distribution").asText());
        assertEquals("17", java.path("with").path("java-version").asText());

        int tests = indexOf(steps, step -> step.path("run").asText().strip().equals("mvn -B test"));
        assertTrue(tests >= 0, "the test command is exactly mvn -B test");
        List<String> builds = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String run = steps.get(i).path("run").asText();
            if (run.contains("build.sh")) {
                assertTrue(run.strip().startsWith("bash packaging/build.sh"), "the project's own script: " + run);
                assertTrue(i > tests, "installers only after the tests passed");
                assertFalse(steps.get(i).has("if"), "every OS builds: " + steps.get(i));
                builds.add(run.strip());
            }
        }
        assertEquals(List.of("bash packaging/build.sh app-image", "bash packaging/build.sh \"$INSTALLERS\""), builds);
        assertEquals(
                Map.of(
                        "linux", "deb rpm portable",
                        "windows", "msi msi-per-user portable",
                        "macos", "dmg pkg portable"),
                installersByOs());
        JsonNode check = step("build", "check-linux-packages.sh");
        assertEquals("matrix.os == 'linux'", check.path("if").asText(), "the installed .deb and .rpm are checked");
    }

    @Test
    void theInstallersAreUploadedAndAttachedToAReleaseOnAVersionTag() {
        assertEquals("v*", workflow.path("on").path("push").path("tags").path(0).asText());
        JsonNode upload = step("build", "actions/upload-artifact@");
        assertEquals(
                "installers-${{ matrix.os }}-${{ matrix.arch }}",
                upload.path("with").path("name").asText());
        String paths = upload.path("with").path("path").asText();
        for (String kind : List.of(".deb", ".rpm", ".msi", ".dmg", ".pkg", ".tar.gz", ".zip")) {
            assertTrue(paths.contains("*" + kind), kind + " in " + paths);
        }
        JsonNode release = job("release");
        assertTrue(release.path("if").asText().contains("startsWith(github.ref, 'refs/tags/v')"), release.toString());
        assertEquals("write", release.path("permissions").path("contents").asText());
        assertEquals("read", workflow.path("permissions").path("contents").asText(), "read-only elsewhere");
        assertTrue(steps("release").stream()
                .anyMatch(step -> step.path("run").asText().contains("gh release upload")));
    }

    @Test
    void signingStepsRunOnlyWhenTheirSecretsArePresentAndSayWhenTheyAreSkipped() {
        JsonNode buildEnv = job("build").path("env");
        for (String flag : List.of("HAS_AUTHENTICODE", "HAS_TRUSTED_SIGNING", "HAS_MACOS_SIGNING")) {
            String expression = buildEnv.path(flag).asText();
            assertTrue(
                    expression.matches("\\$\\{\\{ (secrets\\.[A-Z0-9_]+ != '' && )*secrets\\.[A-Z0-9_]+ != '' }}"),
                    flag + " is only whether secrets are set: " + expression);
        }
        int signingSteps = 0;
        for (JsonNode step : steps("build")) {
            if (signs(step)) {
                signingSteps++;
                String condition = step.path("if").asText();
                assertTrue(
                        condition.matches(".*env\\.HAS_[A-Z_]+ == 'true'.*"),
                        "runs only with its secrets: " + step.path("name").asText() + ": " + condition);
                assertFalse(condition.contains("always()"), condition);
            }
        }
        assertEquals(5, signingSteps, "keychain, launcher and installers (certificate and Azure)");
        String text = text();
        for (String skipped :
                List.of("Windows signing skipped", "macOS signing skipped", "macOS notarization skipped")) {
            assertTrue(text.contains("::notice title=" + skipped + "::"), "a clear line when " + skipped);
        }
        assertTrue(text.contains("azure/trusted-signing-action@"), "Azure Trusted Signing where its secrets are");
        assertTrue(text.contains("packaging/windows/sign.ps1"), "Authenticode with a certificate where it is");
    }

    @Test
    void noSecretIsInAScriptsTextOrPrinted() {
        for (Map.Entry<String, JsonNode> job : jobs().entrySet()) {
            for (JsonNode step : job.getValue().path("steps")) {
                String run = step.path("run").asText();
                assertFalse(run.contains("secrets."), job.getKey() + ": a secret in a script's text: " + run);
                assertFalse(run.matches("(?s).*(set -x|bash -x|set -o xtrace).*"), "no tracing: " + run);
                for (String name : secretVariables(step)) {
                    for (String line : run.split("\n")) {
                        assertFalse(printsSecret(line, name), "printed: " + line);
                    }
                }
            }
        }
        for (String script : List.of(
                "packaging/windows/sign.ps1",
                "packaging/macos/import-certificates.sh",
                "packaging/macos/notarize.sh")) {
            String body = read(PROJECT.resolve(script));
            assertFalse(body.matches("(?s).*(set -x|Set-PSDebug).*"), script + " traces its commands");
            for (String secret :
                    List.of("WINDOWS_CERTIFICATE", "MACOS_CERTIFICATE", "APPLE_APP_PASSWORD", "APPLE_ID")) {
                for (String line : body.split("\n")) {
                    assertFalse(printsSecret(line, secret + "\\w*"), script + " prints a secret: " + line);
                }
            }
        }
    }

    @Test
    void notarizationIsAJobOfItsOwnThatCanBeRerunWithoutBuildingAgain() {
        JsonNode notarize = job("notarize");
        assertEquals(List.of("signing", "build"), strings(notarize.path("needs")));
        assertEquals(
                "needs.signing.outputs.notarize == 'true'", notarize.path("if").asText());
        assertTrue(notarize.path("runs-on").asText().startsWith("macos-"), notarize.toString());
        List<JsonNode> steps = steps("notarize");
        assertTrue(
                steps.stream().anyMatch(step -> step.path("uses").asText().startsWith("actions/download-artifact@")));
        assertTrue(steps.stream().anyMatch(step -> step.path("run").asText().contains("packaging/macos/notarize.sh")));
        for (JsonNode step : steps) {
            String run = step.path("run").asText();
            assertFalse(run.contains("build.sh") || run.contains("mvn "), "nothing is built again: " + run);
        }
        for (JsonNode step : steps("build")) {
            assertFalse(step.path("run").asText().contains("notar"), "the build job does not notarize: " + step);
        }
        assertTrue(read(PROJECT.resolve("packaging/macos/notarize.sh")).contains("xcrun notarytool submit"));
        JsonNode release = job("release");
        assertTrue(strings(release.path("needs")).contains("notarize"));
        assertTrue(
                release.path("if").asText().contains("needs.notarize.result != 'failure'"),
                "a release also without notarization secrets, never after a failed notarization");
        JsonNode check = step("signing", "HAS_NOTARIZATION");
        assertTrue(check.path("run").asText().contains("notarize=true"), check.toString());
    }

    @Test
    void everyScriptTheWorkflowRunsIsInTheProject() {
        Matcher scripts = Pattern.compile("packaging/[\\w/.-]+\\.(sh|ps1)").matcher(text());
        Set<String> found = new TreeSet<>();
        while (scripts.find()) {
            found.add(scripts.group());
        }
        assertEquals(
                Set.of(
                        "packaging/build.sh",
                        "packaging/check-linux-packages.sh",
                        "packaging/macos/import-certificates.sh",
                        "packaging/macos/notarize.sh",
                        "packaging/windows/sign.ps1"),
                found);
        for (String script : found) {
            assertTrue(Files.isRegularFile(PROJECT.resolve(script)), script);
        }
    }

    /**
     * Whether a script's line writes the variable {@code name} (a regular expression) to the log: echoed or printed,
     * and neither piped into a command nor redirected into a file ({@code printf '%s' "$P12" | base64 --decode}
     * prints nothing).
     */
    static boolean printsSecret(String line, String name) {
        String variable = "\\$(\\{)?(env:)?" + name + "\\b";
        return line.matches(".*\\b(echo|printf|Write-Host|Write-Output)\\b.*" + variable + ".*")
                && !line.matches(".*" + variable + "[^|>]*[|>].*");
    }

    @Test
    void aSecretPipedIntoACommandIsNotPrintedButOneEchoedIs() {
        assertFalse(printsSecret("printf '%s' \"$MACOS_CERTIFICATE_P12\" | base64 --decode > \"$p12\"", "MACOS_\\w*"));
        assertTrue(printsSecret("echo \"password: $APPLE_APP_PASSWORD\"", "APPLE_APP_PASSWORD"));
        assertTrue(printsSecret("  Write-Host $env:WINDOWS_CERTIFICATE_PASSWORD", "WINDOWS_CERTIFICATE\\w*"));
        assertFalse(printsSecret("echo \"MAC_SIGNING_KEYCHAIN=$keychain\" >> \"$GITHUB_ENV\"", "MACOS_\\w*"));
    }

    /** The installer types each OS's leg builds after its app image ({@code matrix.installers}). */
    static Map<String, String> installersByOs() {
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode leg : read().path("jobs")
                .path("build")
                .path("strategy")
                .path("matrix")
                .path("include")) {
            String previous =
                    types.put(leg.path("os").asText(), leg.path("installers").asText());
            assertTrue(
                    previous == null || previous.equals(leg.path("installers").asText()),
                    "both architectures of an OS build the same installers");
        }
        return types;
    }

    private static boolean signs(JsonNode step) {
        String name = step.path("name").asText().toLowerCase();
        String run = step.path("run").asText();
        return (name.startsWith("sign ") || name.contains("(macos signing)"))
                || step.path("uses").asText().startsWith("azure/trusted-signing-action@")
                || run.contains("sign.ps1")
                || run.contains("import-certificates.sh");
    }

    /** The step's environment variables that carry a secret's value (not just whether it is set). */
    private static List<String> secretVariables(JsonNode step) {
        List<String> names = new ArrayList<>();
        step.path("env").fields().forEachRemaining(entry -> {
            String value = entry.getValue().asText();
            if (SECRET.matcher(value).find() && !value.contains("!= ''")) {
                names.add(entry.getKey());
            }
        });
        return names;
    }

    private Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        workflow.path("jobs").fields().forEachRemaining(entry -> jobs.put(entry.getKey(), entry.getValue()));
        return jobs;
    }

    private JsonNode job(String name) {
        JsonNode job = workflow.path("jobs").path(name);
        assertFalse(job.isMissingNode(), "no job " + name);
        return job;
    }

    private List<JsonNode> steps(String job) {
        List<JsonNode> steps = new ArrayList<>();
        job(job).path("steps").forEach(steps::add);
        return steps;
    }

    /** The job's step whose uses, run or env mentions {@code mark}. */
    private JsonNode step(String job, String mark) {
        JsonNode found = steps(job).stream()
                .filter(step -> step.toString().contains(mark))
                .findFirst()
                .orElse(null);
        assertNotNull(found, job + " has no step with " + mark);
        return found;
    }

    private static int indexOf(List<JsonNode> steps, java.util.function.Predicate<JsonNode> test) {
        for (int i = 0; i < steps.size(); i++) {
            if (test.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String text() {
        return read(WORKFLOW);
    }

    private static JsonNode read() {
        try {
            return new YAMLMapper().readTree(WORKFLOW.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
