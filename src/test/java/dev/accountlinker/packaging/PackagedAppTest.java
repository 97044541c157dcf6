package dev.accountlinker.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged app starts: builds the Linux app-image with packaging/build.sh (jlink runtime + jpackage, the
 * same steps as the installers), then runs its native launcher in demo mode and waits for the start-up marker
 * to say the main window is on screen and the demo tenant and sign-in client are up. That proves the trimmed
 * runtime has every module the app needs.
 * <p>
 * CI has no display, so the check runs a copy (hard links) of the image made headless: the Monocle jar the UI tests use
 * is patched into the copy's javafx.graphics module (JavaFX is linked into the runtime as modules) and its launcher
 * configuration gets the Monocle and marker properties. The shipped image stays as built (GTK glass, no Monocle).
 */
@Tag("packaging")
@EnabledOnOs(OS.LINUX)
class PackagedAppTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path DEST = PROJECT.resolve("target/packaging-check");
    private static final Path IMAGE = DEST.resolve("account-linker");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void buildAppImage() throws Exception {
        Path log = PROJECT.resolve("target/packaging-check.log");
        Files.createDirectories(DEST);
        ProcessBuilder builder = new ProcessBuilder("bash", "packaging/build.sh", "app-image")
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DEST", DEST.toString());
        Process build = builder.start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "packaging/build.sh app-image took over 5 minutes");
        assertEquals(0, build.exitValue(), () -> "packaging/build.sh app-image failed:\n" + read(log));
        assertTrue(Files.isExecutable(IMAGE.resolve("bin/account-linker")), "no launcher in " + IMAGE);
    }

    @Test
    void theShippedImageIsNotHeadlessAndHasItsIcon() throws IOException {
        String cfg = Files.readString(IMAGE.resolve("lib/app/account-linker.cfg"));
        assertTrue(cfg.contains("app.mainclass=dev.accountlinker.Launcher"), cfg);
        assertTrue(!cfg.contains("Monocle") && !cfg.contains("monocle"), "Monocle must not ship:\n" + cfg);
        assertTrue(Files.size(IMAGE.resolve("lib/account-linker.png")) > 0, "the app icon is missing");
        assertTrue(Files.exists(IMAGE.resolve("lib/runtime/lib/server/classes.jsa")), "the runtime has no CDS archive");
    }

    @Test
    void javafxIsLinkedIntoTheRuntimeAsModulesNotOnTheClassPath() throws IOException {
        String release = Files.readString(IMAGE.resolve("lib/runtime/release"));
        for (String module :
                List.of("javafx.base", "javafx.graphics", "javafx.controls", "javafx.fxml", "javafx.web")) {
            assertTrue(
                    release.matches("(?s).*MODULES=\"[^\"]*\\b" + java.util.regex.Pattern.quote(module) + "\\b.*"),
                    module + " is not in the runtime:\n" + release);
        }
        try (var files = Files.list(IMAGE.resolve("lib/app"))) {
            List<String> javafxJars = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("javafx-"))
                    .toList();
            assertEquals(List.of(), javafxJars, "JavaFX jars on the class path");
        }
    }

    @Test
    void thePackagedLauncherPrintsItsVersionWithoutAWindow() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        IMAGE.resolve("bin/account-linker").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, launcher.exitValue(), output);
        assertEquals("Account Linker " + dev.accountlinker.ProjectVersion.fromPom(), output.strip());
    }

    /**
     * Start-up (docs/performance.md): the image maps a class-data archive made for its own path from the class list a
     * training run recorded; a copy of the image elsewhere (an archive for another path) starts exactly as quietly.
     */
    @Test
    void theImageMapsItsClassDataArchiveAndACopyElsewhereStartsQuietlyWithoutIt() throws Exception {
        assumeTrue(
                Files.exists(IMAGE.resolve("lib/app/account-linker.classlist")),
                "no display and no xvfb-run here: packaging/build.sh recorded no class list");
        assertTrue(Files.size(IMAGE.resolve("lib/app/account-linker.jsa")) > 0, "no class-data archive in the image");
        // -Xshare:on makes the JVM refuse to start when it cannot map the archive the launcher names.
        assertEquals(
                List.of("Account Linker " + dev.accountlinker.ProjectVersion.fromPom()),
                versionLines(IMAGE, "-Xshare:on"));

        Path moved = DEST.resolve("moved");
        copyTree(IMAGE, moved);
        assertEquals(
                List.of("Account Linker " + dev.accountlinker.ProjectVersion.fromPom()),
                versionLines(moved, null),
                "an archive made for another path must be ignored without a word");
    }

    @Test
    void javafxNativeLibrariesAreInTheRuntimesLibraryFolder() throws IOException {
        // Left in a module, JavaFX unpacked and checksummed WebKit's 120 MB library on every start.
        assertTrue(Files.size(IMAGE.resolve("lib/runtime/lib/libjfxwebkit.so")) > 0, "WebKit's library is not in lib/");
        assertTrue(Files.exists(IMAGE.resolve("lib/runtime/lib/libglass.so")), "glass is not in lib/");
    }

    /** The launcher's {@code --version} output lines (JAVA_TOOL_OPTIONS' own notice left out). */
    private static List<String> versionLines(Path image, String javaToolOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        image.resolve("bin/account-linker").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (javaToolOptions != null) {
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, launcher.exitValue(), output);
        return output.lines()
                .filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                .toList();
    }

    @Test
    void theDebDeclaresGtkItsMaintainerAndHomepage() throws IOException {
        // jpackage's generated Depends: leaves GTK out; the full .deb check is PackagedDebTest (slow, opt-in).
        List<String> options = Files.readAllLines(PROJECT.resolve("packaging/linux/deb.options"));
        assertTrue(options.contains("--linux-package-deps libgtk-3-0"), String.join("\n", options));
        assertTrue(
                options.stream().anyMatch(line -> line.matches("--linux-deb-maintainer \\S+@\\S+")),
                "the .deb names a maintainer address:\n" + String.join("\n", options));
        List<String> installer = Files.readAllLines(PROJECT.resolve("packaging/linux/installer.options"));
        assertTrue(
                installer.stream().anyMatch(line -> line.startsWith("--about-url https://")),
                "the packages name a homepage:\n" + String.join("\n", installer));
    }

    @Test
    void thePackagedLauncherOpensTheMainWindowHeadless() throws Exception {
        Path headless = DEST.resolve("headless");
        copyTree(IMAGE, headless);
        Path marker = DEST.resolve("startup-marker.txt");
        Files.deleteIfExists(marker);
        makeHeadless(headless, marker);

        Path log = DEST.resolve("launcher.log");
        Process app = new ProcessBuilder(headless.resolve("bin/account-linker").toString(), "--demo")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String lines = waitForMarker(marker, app, "services-");
            assertTrue(lines.contains("first-frame "), "no main window: " + lines + "\n" + read(log));
            assertTrue(
                    lines.contains("services-ready"),
                    "the demo tenant or sign-in client failed to start in the packaged runtime: " + lines + "\n"
                            + read(log));
            assertEquals("", read(log).strip(), "a normal start prints nothing (no JavaFX warning)");
        } finally {
            stop(app);
        }
    }

    /**
     * An organisation's build: the app image made with {@code packaging/build.sh --settings FILE} (what
     * {@code mvn -Ppackage package -Dinstaller.settings=FILE} runs) carries the file and starts straight on its tenant.
     */
    @Test
    void anImageBuiltWithInstallerSettingsStartsStraightOnThatTenant() throws Exception {
        Path dest = PROJECT.resolve("target/packaging-check-installer");
        Path image = dest.resolve("account-linker");
        Files.createDirectories(dest);
        try (dev.accountlinker.localtenant.LocalTenant tenant =
                dev.accountlinker.localtenant.LocalTenant.builder().start()) {
            Path settings = dest.resolve("acme.properties");
            String content = "domain=" + tenant.baseUrl() + "\nclient-id=" + tenant.clientId()
                    + "\nproduct-name=Acme Sign-ins\noffer-demo=false\noffer-connect=false\n";
            Files.writeString(settings, content);
            Path log = PROJECT.resolve("target/packaging-check-installer.log");
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", "packaging/build.sh", "--settings", settings.toString(), "app-image")
                    .directory(PROJECT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DEST", dest.toString());
            // The class-data archive is checked on the first image; this one is about the settings. Leaving out its
            // training run and dump saves about ten seconds of two cores' CPU.
            builder.environment().put("CDS", "no");
            Process build = builder.start();
            assertTrue(build.waitFor(5, TimeUnit.MINUTES), "packaging/build.sh --settings took over 5 minutes");
            assertEquals(0, build.exitValue(), () -> "packaging/build.sh --settings failed:\n" + read(log));
            assertEquals(content, Files.readString(image.resolve("lib/app/installer.properties")));
            assertTrue(Files.readString(image.resolve("lib/app/account-linker.cfg"))
                    .contains("java-options=-Daccountlinker.installerSettings=$APPDIR/installer.properties"));

            Path headless = dest.resolve("headless");
            copyTree(image, headless);
            Path marker = dest.resolve("startup-marker.txt");
            Files.deleteIfExists(marker);
            makeHeadless(headless, marker);
            Path userConfig = Files.createDirectories(dest.resolve("empty-config-home"));
            Path appLog = dest.resolve("launcher.log");
            ProcessBuilder launcher = new ProcessBuilder(
                            headless.resolve("bin/account-linker").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(appLog.toFile());
            // Nothing of this machine's user may decide instead: no settings file of theirs, no AUTH0_* variables.
            launcher.environment().put("XDG_CONFIG_HOME", userConfig.toString());
            launcher.environment().keySet().removeIf(name -> name.startsWith("AUTH0_"));
            Process app = launcher.start();
            try {
                String lines = waitForMarker(marker, app, "services-");
                assertTrue(
                        lines.contains("tenant " + tenant.baseUrl()),
                        "not on the installer's tenant: " + lines + "\n" + read(appLog));
                assertTrue(lines.contains("services-ready"), lines + "\n" + read(appLog));
                assertEquals("", read(appLog).strip(), "a normal start prints nothing");
            } finally {
                stop(app);
            }
        }
    }

    @Test
    void settingsTheAppCouldNotUseStopTheBuildWithTheAppsMessage() throws Exception {
        Path settings = DEST.resolve("typo.properties");
        Files.writeString(settings, "domain=acme.eu.auth0.com\nclient-id=abc\noffer-dem0=false\n");
        Process build = new ProcessBuilder("bash", "packaging/build.sh", "--settings", settings.toString(), "app-image")
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(2, TimeUnit.MINUTES), output);
        assertEquals(1, build.exitValue(), output);
        assertTrue(output.contains("Unknown setting \"offer-dem0\" in the installer settings"), output);
    }

    /**
     * Adds the Monocle jar from the test class path, and the headless and marker properties, to the copy. Monocle's
     * classes live in javafx.graphics' packages, so they are patched into that module of the runtime.
     */
    private static void makeHeadless(Path image, Path marker) throws IOException {
        Path monocle = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(path -> path.getFileName().toString().startsWith("openjfx-monocle"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("openjfx-monocle is not on the test class path"));
        Files.copy(
                monocle, image.resolve("lib/app").resolve(monocle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Path cfg = image.resolve("lib/app/account-linker.cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        for (String option : List.of(
                "--patch-module=javafx.graphics=$APPDIR/" + monocle.getFileName(),
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Djava.awt.headless=true",
                "-Daccountlinker.startupMarker=" + marker)) {
            lines.add("java-options=" + option);
        }
        Files.write(cfg, lines);
    }

    private static String waitForMarker(Path marker, Process app, String expected) throws Exception {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(
                    START_TIMEOUT.toSeconds(),
                    java.util.concurrent.TimeUnit.SECONDS,
                    () -> !app.isAlive()
                            || (Files.exists(marker) && Files.readString(marker).contains(expected)));
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
            // reported below with whatever the marker holds
        }
        if (!app.isAlive() && !(Files.exists(marker) && Files.readString(marker).contains(expected))) {
            fail("the packaged launcher exited with " + app.exitValue() + " before its window came up");
        }
        return Files.exists(marker)
                ? Files.readString(marker)
                : "(no marker after " + START_TIMEOUT.toSeconds() + " s)";
    }

    private static void stop(Process app) throws InterruptedException {
        app.descendants().forEach(ProcessHandle::destroy);
        app.destroy();
        if (!app.waitFor(10, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Hard links (instant, no space) where the file system allows, else copies; the .cfg is always a copy. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (var old = Files.walk(to)) {
                for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (var tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source) || source.toString().endsWith(".cfg")) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    try {
                        Files.createLink(target, source);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
