package dev.accountlinker.ui.signin;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which opener each system gets, from the {@code os.name} it reports: plain rules, on any machine. */
class SystemBrowserChoiceTest {
    private static final String START_URL = "http://127.0.0.1:28471/start/8Zq1n2Yp0xVb3kLm9Qw7Er5Ty4Ui6Op2As1Df3Gh5Jk";

    @Test
    void windowsOnlyEverUsesHostServicesWithTheUrlAsGivenNeverACommandOrShell() {
        for (String windows : List.of("Windows 10", "Windows 11", "Windows Server 2022", "Windows NT (unknown)")) {
            assertEquals(SystemBrowser.Way.HOST_SERVICES, SystemBrowser.wayFor(windows), windows);
            List<String> handedOver = new ArrayList<>();
            SystemBrowser browser = SystemBrowser.forSystem(windows, handedOver::add);
            assertEquals(List.of(), browser.command(), "no cmd /c start, rundll32 or explorer: " + windows);
            assertEquals(BrowserOpener.Outcome.UNKNOWN, browser.open(START_URL), windows);
            assertEquals(List.of(START_URL), handedOver, "exactly the one-time start URL, once: " + windows);
        }
    }

    @Test
    void onWindowsAHostServicesFailureIsReportedSoTheWaitWindowOffersTheLinkAndNothingIsPrinted() {
        SystemBrowser browser = SystemBrowser.forSystem("Windows 11", url -> {
            throw new IllegalStateException("No application is associated with " + url);
        });
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            assertEquals(BrowserOpener.Outcome.FAILED, browser.open(START_URL));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", console.toString(StandardCharsets.UTF_8), "the link is never printed");
    }

    @Test
    void hostServicesIsNeverGivenWhatItWouldPrintToTheConsole() {
        // JavaFX prints a URL it cannot read as a URI (or one without a scheme) instead of opening it.
        List<String> handedOver = new ArrayList<>();
        SystemBrowser browser = SystemBrowser.forSystem("Windows 11", handedOver::add);
        for (String unusable : List.of("127.0.0.1:28471/start/x", "http://127.0.0.1:28471/start/a b", "file:///C:/x")) {
            assertEquals(BrowserOpener.Outcome.FAILED, browser.open(unusable), unusable);
        }
        assertEquals(List.of(), handedOver);
    }

    @Test
    void linuxAndTheBsdsUseXdgOpenAndMacOsItsOpen() {
        for (String linux : List.of("Linux", "FreeBSD", "OpenBSD", "NetBSD")) {
            assertEquals(SystemBrowser.Way.XDG_OPEN, SystemBrowser.wayFor(linux), linux);
            assertEquals(
                    List.of("xdg-open"),
                    SystemBrowser.forSystem(linux, url -> {}).command(),
                    linux);
        }
        assertEquals(SystemBrowser.Way.MAC_OPEN, SystemBrowser.wayFor("Mac OS X"));
        assertEquals(
                List.of("/usr/bin/open"),
                SystemBrowser.forSystem("Mac OS X", url -> {}).command());
    }

    @Test
    void aSystemTheAppDoesNotKnowGetsThePlatformsOwnWay() {
        assertEquals(SystemBrowser.Way.HOST_SERVICES, SystemBrowser.wayFor("SunOS"));
        assertEquals(SystemBrowser.Way.HOST_SERVICES, SystemBrowser.wayFor(""));
    }
}
