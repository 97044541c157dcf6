package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.OwnJvm;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.testkit.ScriptedBrowser;
import dev.accountlinker.testkit.TenantBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What signing out leaves behind: nothing of WebKit's data (the next sign-in window starts with a fresh folder), and
 * after the connect screen switched the app to another configuration, the sign-out of that one (its loopback port,
 * its data folder), not of the first. The app starts from a settings file of the test's own, as a person's would.
 */
@OwnJvm("asserts what WebKit writes to its data folders; after other apps in the same JVM WebKit wrote old ones")
class SignOutUiTest extends AppUiTestSupport {
    private final boolean browserOnly;
    private final int firstPort = freePort();
    private final int secondPort = freePort();

    @TempDir
    Path folder;

    SignOutUiTest(TestInfo test) {
        browserOnly = test.getTestMethod().orElseThrow().getName().contains("Browser");
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    /** The tenant accepts both ports' callback and signed-out URLs, as an admin registers the fallbacks too. */
    @Override
    protected SignInWays signInWays() {
        return new SignInWays(browserOnly ? List.of(SignInWays.ALL) : List.of(), List.of(firstPort, secondPort));
    }

    private Path settingsFile() {
        return folder.resolve("account-linker").resolve("settings.properties");
    }

    private void writeSettings(int loopbackPort) throws IOException {
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(
                settingsFile(),
                "domain=" + tenant.baseUrl() + "\nclient-id=" + tenant.clientId() + "\nredirect-uri="
                        + callbacks.redirectUri() + "\nbrowser-connections=" + (browserOnly ? "*" : "none")
                        + "\nloopback-port=" + loopbackPort + "\n");
    }

    @Override
    protected AppServices createServices() throws Exception {
        writeSettings(firstPort);
        return AppServices.fromSources(
                ConfigSources.settingsFileOnly(settingsFile()),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings());
    }

    /** The connect screen saves the settings file (as it is now, with the person's edits) and the app goes on. */
    private void saveOnTheConnectScreen() {
        clickWhenReady("#changeTenantLink");
        waitUntil(() -> node("#tenantSaveButton").isPresent());
        clickOn("#tenantSaveButton");
        waitUntil(() ->
                node("#signInButton").isPresent() && node("#tenantSaveButton").isEmpty());
    }

    private File loginWindowsDataFolder() {
        return onFx(() -> loginWebView().getEngine().getUserDataDirectory());
    }

    /** WebKit data folders of this process in the temporary folder. */
    private static List<Path> dataFoldersOfThisRun() throws IOException {
        List<Path> found = new ArrayList<>();
        String prefix = "account-linker-web-" + ProcessHandle.current().pid() + "-";
        try (DirectoryStream<Path> entries =
                Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), prefix + "*")) {
            entries.forEach(found::add);
        }
        return found;
    }

    private static String lastLogoutsReturnTo(ScriptedBrowser browser) {
        return browser.opened().stream()
                .filter(url -> URI.create(url).getPath().equals("/v2/logout"))
                .reduce((first, last) -> last)
                .map(url -> TenantBrowser.queryParams(URI.create(url)).get("returnTo"))
                .orElseThrow(() -> new AssertionError("the browser was never sent to /v2/logout"));
    }

    @Test
    void signingOutDeletesWebKitsDataAndTheNextSignInWindowStartsWithAFreshFolder() {
        clickOn("#signInButton");
        waitForLoginForm();
        File first = loginWindowsDataFolder();
        script("localStorage.setItem('left-behind', 'by alice')");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
        assertTrue(first.isDirectory(), first.toString());

        signOut();
        waitUntil(() -> !first.exists());

        clickOn("#signInButton");
        waitForLoginForm();
        File next = loginWindowsDataFolder();
        assertNotEquals(first, next);
        assertTrue(next.isDirectory(), next.toString());
        assertNull(script("localStorage.getItem('left-behind')"), "nothing the last sign-in stored is there");
    }

    @Test
    void signingOutAfterSwitchingToAnotherConfigurationUsesItsLoopbackPortInTheBrowser(ScriptedBrowser browser)
            throws Exception {
        signIn("alice@example.com", "Alice-Demo-1");
        signOut();
        waitUntil(() -> browser.opened().stream().anyMatch(url -> url.contains("/v2/logout")));
        assertEquals(SignInWays.signedOutUri(firstPort).toString(), lastLogoutsReturnTo(browser));

        writeSettings(secondPort); // the admin moved the listener to another registered port
        saveOnTheConnectScreen();
        signIn("bob@example.com", "Bob-Demo-1");
        // The browser is opened with the sign-in listener's one-time start URL, on the port of the callback.
        assertTrue(
                browser.opened().stream()
                        .map(URI::create)
                        .anyMatch(url -> url.getPath().startsWith("/start/") && url.getPort() == secondPort),
                "the second sign-in came back on the new port: " + browser.opened());
        signOut();

        waitUntil(() -> SignInWays.signedOutUri(secondPort).toString().equals(lastLogoutsReturnTo(browser)));
    }

    @Test
    void signingOutAfterSwitchingToAnotherConfigurationDeletesItsDataFolder() throws Exception {
        signIn("alice@example.com", "Alice-Demo-1");
        signOut();
        waitUntil(() -> dataFoldersOfThisRun().isEmpty());

        writeSettings(secondPort);
        saveOnTheConnectScreen();
        clickOn("#signInButton");
        waitForLoginForm();
        File second = loginWindowsDataFolder();
        submitLoginForm("bob@example.com", "Bob-Demo-1");
        waitForSettingsOf("bob@example.com");
        signOut();

        waitUntil(() -> !second.exists() && dataFoldersOfThisRun().isEmpty());
        waitUntil(() -> requestsTo("GET", "/v2/logout") == 2);
    }
}
