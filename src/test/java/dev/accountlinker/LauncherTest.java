package dev.accountlinker;

import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Launcher in its own JVM, started as {@code mvn exec:exec} and the installers start it (JavaFX on the module
 * path, the rest on the class path), from the test class path, without a display: what reaches the console and the
 * exit status. Needs no display; nothing here opens a window.
 */
class LauncherTest {
    private static final Messages MESSAGES = Messages.forLocale(java.util.Locale.ENGLISH);

    @TempDir
    Path home;

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayItSaysSoInOneLineAndExitsWithAnError() throws Exception {
        Run run = launcher("--demo");
        assertNotEquals(0, run.exitStatus(), run.output());
        assertEquals(
                List.of(MESSAGES.get("launcher.error.noDisplay")),
                run.lines(),
                "one line, no JavaFX warning and no stack trace:\n" + run.output());
        assertFalse(
                run.output().contains("Exception")
                        || run.output().contains("\tat ")
                        || run.output().contains("WARNING"),
                run.output());
    }

    @Test
    void helpListsEveryOptionItsEnvironmentVariableAndTheSettingsFileWithoutOpeningAWindow() throws Exception {
        Run run = launcher("--help");
        assertEquals(0, run.exitStatus(), run.output());
        for (dev.accountlinker.config.ConfigLoader.Option option : dev.accountlinker.config.ConfigLoader.options()) {
            assertTrue(run.output().contains("--" + option.name()), option + "\n" + run.output());
            option.environmentVariable()
                    .ifPresent(variable -> assertTrue(run.output().contains(variable), variable));
        }
        assertTrue(run.output().contains("--help") && run.output().contains("--version"), run.output());
        Path settings = home.resolve("config/account-linker/settings.properties");
        assertTrue(run.output().contains(settings.toString()), "names the settings file\n" + run.output());
        assertFalse(run.output().contains(MESSAGES.get("launcher.error.noDisplay")), "no window was attempted");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Run run = launcher("--version");
        assertEquals(0, run.exitStatus(), run.output());
        assertEquals(List.of("Account Linker " + ProjectVersion.fromPom()), run.lines());
    }

    @Test
    void anUnknownOptionNamesItselfAndPointsAtHelp() throws Exception {
        Run run = launcher("--demo", "--frobnicate=1");
        assertEquals(Launcher.USAGE_ERROR, run.exitStatus(), run.output());
        assertEquals(List.of("Unknown option --frobnicate. See --help."), run.lines());
    }

    @Test
    void aMistypedArgumentIsRepeatedWithoutTheUserNameAndPasswordInIt() throws Exception {
        Run run = launcher("proxy=http://alice:s3cret@proxy.acme.test:3128");
        assertEquals(Launcher.USAGE_ERROR, run.exitStatus(), run.output());
        assertEquals(List.of("Unknown option proxy=http://***@proxy.acme.test:3128. See --help."), run.lines());
        assertFalse(run.output().contains("s3cret") || run.output().contains("alice"), run.output());
    }

    @Test
    void helpVersionAndMistakesSpeakTheChosenLanguage() {
        Messages german = Launcher.messages(
                dev.accountlinker.launch.CommandLine.parse(List.of("--language=de", "--help")), Map.of());
        assertEquals("Anmelden", german.get("signin.button"));
        Messages fromEnvironment = Launcher.messages(
                dev.accountlinker.launch.CommandLine.parse(List.of("--version")), Map.of("AUTH0_LANGUAGE", "pt-BR"));
        assertEquals("Entrar", fromEnvironment.get("signin.button"));
        Messages unreadable = Launcher.messages(
                dev.accountlinker.launch.CommandLine.parse(List.of("--language=de", "--frobnicate")), Map.of());
        assertEquals(
                java.util.Locale.getDefault().getLanguage(),
                unreadable.locale().getLanguage(),
                "a command line that cannot be read is answered in the system's language");
    }

    record Run(int exitStatus, String output) {
        List<String> lines() {
            return output.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    /** Runs the Launcher like the README's run command does, with no display, in a home folder of the test's own. */
    private Run launcher(String... args) throws Exception {
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (Path.of(entry).getFileName().toString().startsWith("javafx-") ? modulePath : classPath).add(entry);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                String.join(File.pathSeparator, modulePath),
                "--add-modules",
                "javafx.controls,javafx.fxml,javafx.web",
                "-cp",
                String.join(File.pathSeparator, classPath),
                "-Dglass.platform=gtk",
                "-Duser.home=" + home,
                "dev.accountlinker.Launcher"));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("DISPLAY");
        environment.remove("WAYLAND_DISPLAY");
        environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        environment.put("AUTH0_LANGUAGE", "en"); // the English texts this test compares, whatever this machine speaks
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not end: " + output);
        return new Run(process.exitValue(), output);
    }
}
