package dev.accountlinker.packaging;

import dev.accountlinker.ProjectVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installers that cannot be built here are at least consistent: {@code packaging/build.sh --dry-run --os OS}
 * prints the jlink and jpackage commands each OS's build runs (the options files read and passed inline), and these
 * tests read them back. Needs bash (Linux, macOS: Windows' own build runs in the release workflow).
 */
@Tag("packaging")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "packaging/build.sh runs in Git Bash there, not from Maven")
class BuildDryRunTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final List<String> OSES = List.of("linux", "windows", "macos");
    private static final String DESKTOP_ID = "dev.accountlinker.AccountLinker";

    @Test
    void everyOsLinksTheSameRuntimeAndPackagesItsOwnInstallersFromTheAppImage() throws Exception {
        String modules = Files.readAllLines(PROJECT.resolve("packaging/runtime-modules")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .collect(Collectors.joining(","));
        Map<String, List<String>> expectedTypes = Map.of(
                "linux", List.of("app-image", "deb", "rpm"),
                "windows", List.of("app-image", "msi", "msi"),
                "macos", List.of("app-image", "dmg", "pkg"));
        List<String> firstJlink = null;
        for (String os : OSES) {
            DryRun run = DryRun.of(os);
            List<List<String>> jlinks = run.commands("jlink");
            assertEquals(1, jlinks.size(), os + ": " + jlinks);
            assertEquals(modules, value(jlinks.get(0), "--add-modules"), os);
            List<String> jlink = jlinks.get(0).subList(1, jlinks.get(0).size());
            if (firstJlink == null) {
                firstJlink = jlink;
            }
            assertEquals(firstJlink, jlink, "the same runtime for " + os);
            assertEquals(
                    expectedTypes.get(os),
                    run.jpackages().stream().map(c -> value(c, "--type")).toList(),
                    os);
            String appImage = value(run.jpackages().get(0), "--dest") + "/"
                    + value(run.jpackages().get(0), "--name") + (os.equals("macos") ? ".app" : "");
            for (List<String> installer : run.jpackages().subList(1, 3)) {
                assertEquals(appImage, value(installer, "--app-image"), os + ": made from the app image");
            }
        }
    }

    @Test
    void theNameVersionLauncherAndJvmOptionsAreTheSameOnEveryOs() throws Exception {
        String version = ProjectVersion.fromPom().replaceAll("-.*", "");
        Map<String, List<String>> javaOptions = new LinkedHashMap<>();
        for (String os : OSES) {
            DryRun run = DryRun.of(os);
            for (List<String> jpackage : run.jpackages()) {
                assertEquals(version, value(jpackage, "--app-version"), os);
                assertEquals("Account Linker contributors", value(jpackage, "--vendor"), os);
                assertEquals(
                        "Link and unlink the sign-ins of your Auth0 account from the desktop.",
                        value(jpackage, "--description"),
                        os);
                assertEquals(os.equals("linux") ? "account-linker" : "Account Linker", value(jpackage, "--name"), os);
            }
            List<String> appImage = run.jpackages().get(0);
            assertEquals("dev.accountlinker.Launcher", value(appImage, "--main-class"), os);
            assertEquals("account-linker-" + version + ".jar", value(appImage, "--main-jar"), os);
            javaOptions.put(
                    os,
                    values(appImage, "--java-options").stream()
                            .filter(option -> !option.contains("SharedArchiveFile"))
                            .toList());
        }
        assertEquals(1, Set.copyOf(javaOptions.values()).size(), "the same JVM options: " + javaOptions);
        assertTrue(javaOptions.get("linux").contains("-Xmx384m"), javaOptions.toString());
        assertTrue(
                values(DryRun.of("linux").jpackages().get(0), "--java-options")
                        .contains("-XX:SharedArchiveFile=$APPDIR/account-linker.jsa"),
                "Linux: the class-data archive, $APPDIR left for the launcher");
    }

    @Test
    void eachOsHasAnIconFileOfItsOwnKindThatExists() throws Exception {
        Map<String, String> kinds = Map.of("linux", ".png", "windows", ".ico", "macos", ".icns");
        for (String os : OSES) {
            List<List<String>> jpackages = DryRun.of(os).jpackages();
            // Linux: the app image only. An icon on the .deb and .rpm steps makes jpackage add its own menu entry
            // (installed with xdg-desktop-menu) and a hard dependency on xdg-utils.
            List<List<String>> withIcon = os.equals("linux") ? jpackages.subList(0, 1) : jpackages;
            for (List<String> jpackage : withIcon) {
                String icon = value(jpackage, "--icon");
                assertTrue(icon.endsWith(kinds.get(os)), os + ": " + icon);
                Path file = PROJECT.resolve(icon);
                assertTrue(Files.isRegularFile(file) && Files.size(file) > 1000, os + ": no icon " + file);
            }
            if (os.equals("linux")) {
                for (List<String> installer : jpackages.subList(1, jpackages.size())) {
                    assertFalse(installer.contains("--icon"), "no jpackage menu entry: " + installer);
                }
            }
        }
    }

    @Test
    void windowsMakesAnAllUsersAndAPerUserMsiThatShareTheMenuGroupAndAFixedUpgradeUuid() throws Exception {
        List<List<String>> now = DryRun.of("windows").jpackagesOfType("msi");
        List<List<String>> later =
                DryRun.of("windows", Map.of("APP_VERSION", "7.3.2")).jpackagesOfType("msi");
        assertEquals(2, now.size());
        String uuid = value(now.get(0), "--win-upgrade-uuid");
        assertEquals(uuid, UUID.fromString(uuid).toString(), "a UUID");
        for (List<String> msi : List.of(now.get(0), now.get(1), later.get(0), later.get(1))) {
            assertEquals(uuid, value(msi, "--win-upgrade-uuid"), "a newer .msi replaces an older one");
            assertTrue(msi.contains("--win-menu") && msi.contains("--win-shortcut"), msi.toString());
            assertEquals("Account Linker", value(msi, "--win-menu-group"));
            assertTrue(msi.contains("--win-dir-chooser"), msi.toString());
        }
        assertFalse(now.get(0).contains("--win-per-user-install"), "the first .msi installs for all users");
        assertTrue(now.get(1).contains("--win-per-user-install"), "the second, for the current user only");
        assertEquals("7.3.2", value(later.get(0), "--app-version"));

        List<String> moves = DryRun.of("windows").commands("mv").stream()
                .map(move -> move.get(move.size() - 1))
                .toList();
        String version = versionOfPom();
        assertEquals(
                List.of(
                        "target/installer/Account-Linker-" + version + "-windows-x64.msi",
                        "target/installer/Account-Linker-" + version + "-windows-x64-per-user.msi"),
                moves);
    }

    @Test
    void macOsUsesTheDesktopIdAsPackageIdentifierAndSignsOnlyWhenAnIdentityIsSet() throws Exception {
        DryRun unsigned = DryRun.of("macos");
        assertTrue(unsigned.output().contains("macOS signing skipped"), unsigned.output());
        for (List<String> jpackage : unsigned.jpackages()) {
            assertEquals(DESKTOP_ID, value(jpackage, "--mac-package-identifier"));
            assertEquals("Account Linker", value(jpackage, "--mac-package-name"));
            assertFalse(jpackage.contains("--mac-sign"), jpackage.toString());
        }
        assertTrue(Files.exists(PROJECT.resolve("packaging/linux/" + DESKTOP_ID + ".desktop")));

        DryRun signed = DryRun.of(
                "macos",
                Map.of(
                        "MAC_SIGNING_KEY_USER_NAME", "Example Ltd (AB12CD34EF)",
                        "MAC_SIGNING_KEYCHAIN", "/tmp/signing.keychain-db",
                        "ARCH", "arm64"));
        assertEquals(3, signed.jpackages().size());
        for (List<String> jpackage : signed.jpackages()) {
            assertTrue(jpackage.contains("--mac-sign"), jpackage.toString());
            assertEquals("Example Ltd (AB12CD34EF)", value(jpackage, "--mac-signing-key-user-name"));
            assertEquals("/tmp/signing.keychain-db", value(jpackage, "--mac-signing-keychain"));
        }
        assertTrue(
                signed.commands("mv").stream()
                        .map(move -> move.get(move.size() - 1))
                        .allMatch(name -> name.endsWith("-macos-arm64.dmg") || name.endsWith("-macos-arm64.pkg")),
                "two .dmg of one release must not clash: " + signed.commands("mv"));
    }

    @Test
    void linuxPackagesShipTheMenuEntryAndIconsInUsrShareInsteadOfAJpackageShortcut() throws Exception {
        DryRun run = DryRun.of("linux");
        for (List<String> installer : run.jpackages().subList(1, 3)) {
            assertFalse(installer.contains("--linux-shortcut"), "jpackage's shortcut calls xdg-desktop-menu");
            assertEquals("packaging/linux", value(installer, "--resource-dir"));
            assertEquals("account-linker", value(installer, "--linux-package-name"));
        }
        assertEquals("libgtk-3-0", value(run.jpackagesOfType("deb").get(0), "--linux-package-deps"));
        assertEquals("gtk3", value(run.jpackagesOfType("rpm").get(0), "--linux-package-deps"));
        for (String script : List.of("postinst", "prerm", "account-linker.spec")) {
            String text = Files.readString(PROJECT.resolve("packaging/linux/" + script))
                    .lines()
                    .filter(line -> !line.strip().startsWith("#")) // comments say why it is not called
                    .collect(Collectors.joining("\n"));
            assertFalse(
                    text.contains("xdg-desktop-menu") || text.contains("DESKTOP_COMMANDS"),
                    script + " must not install a menu entry itself");
            assertTrue(
                    text.matches("(?s).*class-data.*(dump|remove).*"),
                    script + " makes or removes the class-data archive");
        }
        String copies = run.commands("cp").stream()
                .map(command -> command.get(command.size() - 1))
                .collect(Collectors.joining("\n"));
        String share = "target/jpackage/linux-share/usr/share/";
        assertTrue(copies.contains(share + "applications/" + DESKTOP_ID + ".desktop"), copies);
        assertTrue(copies.contains(share + "icons/hicolor/scalable/apps/" + DESKTOP_ID + ".svg"), copies);
        for (int size : List.of(16, 24, 32, 48, 64, 128, 256, 512)) {
            assertTrue(
                    copies.contains(share + "icons/hicolor/" + size + "x" + size + "/apps/" + DESKTOP_ID + ".png"),
                    size + "\n" + copies);
        }
        assertTrue(
                run.commands("dpkg-deb").stream().anyMatch(c -> c.contains("--build") && c.contains("-Zxz")),
                "the .deb is packed again with the files in /usr/share");
        assertTrue(
                run.commands("rm").stream()
                        .anyMatch(c -> c.contains("target/jpackage/deb-root/DEBIAN/postrm")
                                && c.contains("target/jpackage/deb-root/DEBIAN/preinst")),
                "without jpackage's empty postrm, apt remove leaves no config-files entry");
    }

    @Test
    void theMenuEntryStartsTheInstalledLauncherAndShowsTheThemesIcon() throws Exception {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(
                PROJECT.resolve("packaging/linux/" + DESKTOP_ID + ".desktop"), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                entry.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        assertEquals("Application", entry.get("Type"));
        assertEquals("Account Linker", entry.get("Name"));
        assertEquals("/opt/account-linker/bin/account-linker", entry.get("Exec"), "the package's install folder");
        assertEquals(DESKTOP_ID, entry.get("Icon"), "the hicolor theme's icon, by name");
        assertEquals("Utility;", entry.get("Categories"), "the menu group");
        assertEquals("dev.accountlinker.AccountLinkerApp", entry.get("StartupWMClass"), "JavaFX's WM_CLASS");
    }

    @Test
    void anotherOsIsOnlyADryRunAndAnUnknownTypeIsRefused() throws Exception {
        String other = System.getProperty("os.name").startsWith("Mac") ? "linux" : "macos";
        Result refused = DryRun.bash(List.of("packaging/build.sh", "--os", other, "app-image"), Map.of());
        assertEquals(1, refused.status(), refused.output());
        assertTrue(refused.output().contains("--os " + other + " needs --dry-run"), refused.output());

        Result unknown = DryRun.bash(List.of("packaging/build.sh", "--dry-run", "--os", "windows", "deb"), Map.of());
        assertNotEquals(0, unknown.status(), unknown.output());
        assertTrue(unknown.output().contains("unknown type 'deb' for windows"), unknown.output());
    }

    @Test
    void thePortableArchiveLeavesOutTheClassDataArchiveMadeForTheBuildFolder() throws Exception {
        assertTrue(
                DryRun.of("linux", Map.of(), "portable").commands("tar").get(0).stream()
                        .anyMatch(word -> word.equals("account-linker/lib/app/account-linker.jsa")),
                "the portable archive leaves out the class-data archive made for the build folder");
    }

    @Test
    void theReleaseWorkflowsTypesAreTypesTheBuildKnows() throws Exception {
        for (Map.Entry<String, String> leg :
                ReleaseWorkflowTest.installersByOs().entrySet()) {
            Result result = DryRun.bash(
                    List.of("packaging/build.sh", "--dry-run", "--os", leg.getKey(), leg.getValue()), Map.of());
            assertEquals(0, result.status(), leg + "\n" + result.output());
        }
    }

    private static String versionOfPom() throws IOException {
        return ProjectVersion.fromPom().replaceAll("-.*", "");
    }

    /** The value after the last {@code option} in a command. */
    static String value(List<String> command, String option) {
        int at = command.lastIndexOf(option);
        assertTrue(at >= 0 && at + 1 < command.size(), option + " missing in " + command);
        return command.get(at + 1);
    }

    static List<String> values(List<String> command, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).equals(option)) {
                values.add(command.get(i + 1));
            }
        }
        return values;
    }

    record Result(int status, String output) {}

    /** One dry run's output, its command lines split into words as a shell would. */
    record DryRun(String output, List<List<String>> all) {
        static DryRun of(String os) throws Exception {
            return of(os, Map.of());
        }

        static DryRun of(String os, Map<String, String> environment, String... types) throws Exception {
            List<String> command = new ArrayList<>(List.of("packaging/build.sh", "--dry-run", "--os", os));
            command.addAll(List.of(types));
            Result result = bash(command, environment);
            assertEquals(0, result.status(), result.output());
            List<List<String>> commands = result.output()
                    .lines()
                    .filter(line -> !line.startsWith("== ") && !line.startsWith("#") && !line.isBlank())
                    .map(DryRun::words)
                    .toList();
            return new DryRun(result.output(), commands);
        }

        static Result bash(List<String> arguments, Map<String, String> environment)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("bash"));
            command.addAll(arguments);
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
            for (String name : List.of(
                    "APP_VERSION",
                    "ARCH",
                    "DEST",
                    "JPACKAGE_OPTS",
                    "INSTALLER_SETTINGS",
                    "MAC_SIGNING_KEY_USER_NAME",
                    "MAC_SIGNING_KEYCHAIN")) {
                builder.environment().remove(name);
            }
            builder.environment().put("ARCH", "x64");
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
            return new Result(process.exitValue(), output);
        }

        /** The commands whose program (after {@code env NAME=VALUE...}) is named {@code tool}. */
        List<List<String>> commands(String tool) {
            return all.stream()
                    .map(DryRun::withoutEnv)
                    .filter(command -> !command.isEmpty()
                            && Path.of(command.get(0)).getFileName().toString().equals(tool))
                    .toList();
        }

        List<List<String>> jpackages() {
            return commands("jpackage");
        }

        List<List<String>> jpackagesOfType(String type) {
            return jpackages().stream()
                    .filter(command ->
                            Optional.of(value(command, "--type")).get().equals(type))
                    .toList();
        }

        private static List<String> withoutEnv(List<String> command) {
            if (command.isEmpty() || !command.get(0).equals("env")) {
                return command;
            }
            int program = 1;
            while (program < command.size() && command.get(program).contains("=")) {
                program++;
            }
            return command.subList(program, command.size());
        }

        /** Splits a line as the shell splits the words build.sh printed: spaces, single quotes, '\'' for a quote. */
        static List<String> words(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean inWord = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '\'') {
                        quoted = false;
                    } else {
                        word.append(c);
                    }
                } else if (c == '\'') {
                    quoted = true;
                    inWord = true;
                } else if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                    inWord = true;
                } else if (c == ' ') {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
