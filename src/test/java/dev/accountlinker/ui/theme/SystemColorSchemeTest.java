package dev.accountlinker.ui.theme;

import dev.accountlinker.ui.theme.SystemColorScheme.Output;
import dev.accountlinker.ui.theme.SystemColorScheme.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the desktop's light or dark preference is read on each system, from what its commands answer. */
class SystemColorSchemeTest {
    /** A desktop whose commands answer from a table; a command not in it is missing. Records what was asked. */
    private static final class Desktop implements SystemColorScheme.Commands {
        final Map<List<String>, Output> answers = new HashMap<>();
        final List<List<String>> asked = new ArrayList<>();

        Desktop answer(List<String> command, int exit, String text) {
            answers.put(command, new Output(exit, text));
            return this;
        }

        @Override
        public Optional<Output> run(List<String> command, Duration timeout) {
            asked.add(command);
            assertTrue(timeout.compareTo(Duration.ofSeconds(2)) <= 0, "a short timeout");
            return Optional.ofNullable(answers.get(command));
        }
    }

    private static Optional<Scheme> linux(Desktop desktop, Map<String, String> environment) {
        return new SystemColorScheme("Linux", environment, desktop).read();
    }

    @Test
    void theFreedesktopPortalAnswersFirstOnLinux() {
        Desktop dark = new Desktop().answer(SystemColorScheme.PORTAL, 0, "(<<uint32 1>>,)\n");
        assertEquals(Optional.of(Scheme.DARK), linux(dark, Map.of()));
        assertEquals(List.of(SystemColorScheme.PORTAL), dark.asked, "nothing else is asked once the portal answered");
        Desktop light = new Desktop().answer(SystemColorScheme.PORTAL, 0, "(<<uint32 2>>,)\n");
        assertEquals(Optional.of(Scheme.LIGHT), linux(light, Map.of()));
        // Newer portals answer ReadOne's shape.
        assertEquals(Optional.of(Scheme.DARK), SystemColorScheme.fromPortal("(<uint32 1>,)"));
    }

    @Test
    void withoutAPreferenceInThePortalGnomesSettingAndThenTheGtkThemeDecide() {
        Desktop noPreference = new Desktop()
                .answer(SystemColorScheme.PORTAL, 0, "(<<uint32 0>>,)")
                .answer(SystemColorScheme.GNOME_COLOR_SCHEME, 0, "'prefer-dark'\n");
        assertEquals(Optional.of(Scheme.DARK), linux(noPreference, Map.of()));

        Desktop byThemeName = new Desktop()
                .answer(SystemColorScheme.GNOME_COLOR_SCHEME, 0, "'default'")
                .answer(SystemColorScheme.GNOME_GTK_THEME, 0, "'Adwaita-dark'");
        assertEquals(Optional.of(Scheme.DARK), linux(byThemeName, Map.of()));
        Desktop lightTheme = new Desktop().answer(SystemColorScheme.GNOME_GTK_THEME, 0, "'Adwaita'");
        assertEquals(Optional.of(Scheme.LIGHT), linux(lightTheme, Map.of()));
        assertEquals(Optional.of(Scheme.DARK), linux(new Desktop(), Map.of("GTK_THEME", "Adwaita:dark")));
    }

    @Test
    void aDesktopThatPublishesNothingLeavesTheSchemeUnknown() {
        Desktop bare = new Desktop()
                .answer(SystemColorScheme.PORTAL, 1, "Error: no such service")
                .answer(SystemColorScheme.GNOME_COLOR_SCHEME, 1, "");
        assertEquals(Optional.empty(), linux(bare, Map.of()));
        assertEquals(Optional.empty(), linux(new Desktop(), Map.of()), "no gdbus, no gsettings");
    }

    @Test
    void macOsAndWindowsAreReadFromTheirOwnSettings() {
        Desktop mac = new Desktop().answer(SystemColorScheme.MAC, 0, "Dark\n");
        assertEquals(Optional.of(Scheme.DARK), new SystemColorScheme("Mac OS X", Map.of(), mac).read());
        Desktop macLight = new Desktop()
                .answer(
                        SystemColorScheme.MAC,
                        1,
                        "The domain/default pair of (kCFPreferencesAnyApplication, AppleInterfaceStyle) does not exist");
        assertEquals(Optional.of(Scheme.LIGHT), new SystemColorScheme("Mac OS X", Map.of(), macLight).read());

        Desktop windows = new Desktop()
                .answer(
                        SystemColorScheme.WINDOWS,
                        0,
                        "\r\nHKEY_CURRENT_USER\\Software\\Microsoft"
                                + "\\Windows\\CurrentVersion\\Themes\\Personalize\r\n    AppsUseLightTheme    REG_DWORD    0x0\r\n");
        assertEquals(Optional.of(Scheme.DARK), new SystemColorScheme("Windows 11", Map.of(), windows).read());
        Desktop windowsLight =
                new Desktop().answer(SystemColorScheme.WINDOWS, 0, "    AppsUseLightTheme    REG_DWORD    0x1");
        assertEquals(Optional.of(Scheme.LIGHT), new SystemColorScheme("Windows 10", Map.of(), windowsLight).read());
        assertEquals(Optional.empty(), new SystemColorScheme("Windows 10", Map.of(), new Desktop()).read());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aCommandThatDoesNotAnswerInTimeIsStoppedAndGivesNothing() {
        long start = System.nanoTime();
        assertEquals(Optional.empty(), SystemColorScheme.runProcess(List.of("sleep", "60"), Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "it did not wait for the command");
        assertEquals(
                Optional.empty(), SystemColorScheme.runProcess(List.of("no-such-command-here"), Duration.ofSeconds(1)));
        Output echo = SystemColorScheme.runProcess(List.of("echo", "prefer-dark"), Duration.ofSeconds(20))
                .orElseThrow();
        assertEquals(0, echo.exitCode());
        assertEquals("prefer-dark", echo.text().strip());
    }
}
