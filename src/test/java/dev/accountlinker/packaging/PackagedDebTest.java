package dev.accountlinker.packaging;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The full .deb check, too slow (2-5 minutes: xz) for every CI run, so opt-in:
 * {@code mvn -B test-compile surefire:test@default-test -Dpackaging.deb=true -Dtest=PackagedDebTest}
 * (only the default-test execution: with plain {@code mvn test -Dtest=...} the UI-test execution would run it again).
 * Builds the .deb with packaging/build.sh and reads its control file and contents with dpkg-deb.
 */
@Tag("packaging")
@EnabledIfSystemProperty(named = "packaging.deb", matches = "true")
class PackagedDebTest {
    private static final String DESKTOP_ID = "dev.accountlinker.AccountLinker";
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path DEST = PROJECT.resolve("target/packaging-check-deb");

    @Test
    void theDebNamesGtkItsMaintainerAndHomepageAndShipsItsMenuEntryAndIconsInUsrShare() throws Exception {
        Path log = PROJECT.resolve("target/packaging-check-deb.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "packaging/build.sh", "deb")
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DEST", DEST.toString());
        Process build = builder.start();
        assertTrue(build.waitFor(10, TimeUnit.MINUTES), "the .deb build took over 10 minutes");
        assertEquals(0, build.exitValue(), () -> "packaging/build.sh deb failed:\n" + readQuietly(log));

        Path deb;
        try (Stream<Path> files = Files.list(DEST)) {
            deb = files.filter(path -> path.toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow();
        }
        String depends = run("dpkg-deb", "-f", deb.toString(), "Depends");
        assertTrue(List.of(depends.split("[,\\s]+")).contains("libgtk-3-0"), "Depends: " + depends);
        assertEquals(
                "account-linker",
                run("dpkg-deb", "-f", deb.toString(), "Package").trim());
        assertEquals(
                "Account Linker contributors <accountlinker@example.org>",
                run("dpkg-deb", "-f", deb.toString(), "Maintainer").trim());
        assertEquals(
                "https://accountlinker.example.org/",
                run("dpkg-deb", "-f", deb.toString(), "Homepage").trim());

        String recommends = run("dpkg-deb", "-f", deb.toString(), "Recommends");
        assertFalse(List.of(depends.split("[,\\s]+")).contains("xdg-utils"), "dpkg -i needs no xdg-utils: " + depends);
        assertEquals("xdg-utils", recommends.trim(), "the system browser sign-in opens the browser with xdg-open");

        String contents = run("dpkg-deb", "-c", deb.toString());
        assertTrue(contents.contains("./opt/account-linker/bin/account-linker"), contents);
        assertTrue(contents.contains("./opt/account-linker/lib/account-linker.png"), contents);
        assertTrue(contents.contains("./opt/account-linker/lib/class-data.sh"), contents);
        assertTrue(contents.contains("./opt/account-linker/lib/app/account-linker.classlist"), contents);
        assertFalse(contents.contains("lib/app/account-linker.jsa"), "the archive is made where it is installed");
        assertFalse(contents.contains("lib/account-linker-account-linker.desktop"), "jpackage's own menu entry");
        assertTrue(contents.contains("./usr/share/applications/" + DESKTOP_ID + ".desktop"), contents);
        for (int size : List.of(16, 24, 32, 48, 64, 128, 256, 512)) {
            assertTrue(
                    contents.contains(
                            "./usr/share/icons/hicolor/" + size + "x" + size + "/apps/" + DESKTOP_ID + ".png"),
                    size + ":\n" + contents);
        }
        assertTrue(contents.contains("./usr/share/icons/hicolor/scalable/apps/" + DESKTOP_ID + ".svg"), contents);
        String desktop = run(
                "sh",
                "-c",
                "dpkg-deb --fsys-tarfile '" + deb + "' | tar -xO ./usr/share/applications/" + DESKTOP_ID + ".desktop");
        assertTrue(desktop.contains("Name=Account Linker"), desktop);
        assertTrue(desktop.contains("Icon=" + DESKTOP_ID), desktop);
        assertTrue(desktop.contains("Exec=/opt/account-linker/bin/account-linker"), desktop);

        Path control = Files.createTempDirectory("deb-control");
        run("dpkg-deb", "--control", deb.toString(), control.toString());
        String postinst = code(control.resolve("postinst"));
        String prerm = code(control.resolve("prerm"));
        assertTrue(
                postinst.contains("/lib/class-data") && postinst.contains("\"$script\" dump"),
                "dumps the archive:\n" + postinst);
        assertTrue(prerm.contains("/lib/class-data") && prerm.contains("\"$script\" remove"), "removes it:\n" + prerm);
        assertFalse(
                Files.exists(control.resolve("postrm")) || Files.exists(control.resolve("preinst")),
                "jpackage's empty preinst and postrm are left out: apt remove then leaves no config-files entry");
        assertFalse(postinst.contains("xdg-desktop-menu") || prerm.contains("xdg-desktop-menu"), postinst + prerm);
    }

    /** A maintainer script without its comments (they say why xdg-desktop-menu is not called). */
    private static String code(Path script) throws IOException {
        return Files.readAllLines(script).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
