package dev.accountlinker.ui;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TestCertificate;
import dev.accountlinker.testkit.ManualDeadlines;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Connect your Auth0 tenant" screen through the real app, against the test's local tenant: from the demo's
 * sign-in screen to a saved tenant without a text editor, by keyboard; a broken settings file repaired there; what an
 * organisation's build hides. The settings file is the test's own (never the user's).
 */
class ConnectUiTest extends AppUiTestSupport {
    @TempDir
    Path folder;

    private Path settingsFile() {
        return folder.resolve("account-linker").resolve("settings.properties");
    }

    /** The app starts on the demo, as after installing it, with the test's settings file. */
    @Override
    protected AppServices createServices() {
        return new AppServices(
                AppConfig.demoDefaults().withWays(SignInWays.embeddedOnly()),
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                tasks,
                loginSettings(),
                ConfigSources.settingsFileOnly(settingsFile()));
    }

    /** Quits the app and starts it again as a person would: reading the configuration from its sources. */
    private AppServices restart(ConfigSources sources) throws Exception {
        FxToolkit.cleanupApplication(application());
        FxToolkit.cleanupStages();
        AppServices next = AppServices.fromSources(
                sources,
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                new ManualDeadlines(),
                loginSettings());
        replaceApplication(FxToolkit.setupApplication(() -> new AccountLinkerApp(next)));
        return next;
    }

    private void openConnectScreen() {
        clickWhenReady("#connectTenantButton");
        waitUntil(() -> node("#tenantDomainField").isPresent() && focused("#tenantDomainField"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node has the keyboard focus of its window. */
    private boolean focused(String query) {
        return onFx(() -> {
            Node node = lookup(query).query();
            return node.getScene() != null && node.getScene().getFocusOwner() == node;
        });
    }

    private String fieldText(String query) {
        return onFx(() -> lookup(query).queryAs(TextField.class).getText());
    }

    private List<String> checkLines() {
        return onFx(() -> lookup("#tenantCheckResults").queryAs(VBox.class).getChildren().stream()
                .map(line -> (line.getStyleClass().contains("check-passed") ? "✓ " : "✗ ")
                        + ((Label) ((javafx.scene.layout.HBox) line)
                                        .getChildren()
                                        .get(1))
                                .getText())
                .toList());
    }

    private void waitForCheckLines() {
        waitUntil(() -> !checkLines().isEmpty()
                && !onFx(() -> lookup("#tenantCheckProgressBox").query().isVisible()));
    }

    private void replaceDomain(String domain) {
        clickOn("#tenantDomainField");
        onFx(() -> {
            lookup("#tenantDomainField").queryAs(TextField.class).clear();
            return null;
        });
        write(domain);
    }

    @Test
    void fromTheDemoToASavedTenantByKeyboardThenSignInAndAfterARestartStartOnIt() throws Exception {
        waitUntil(() -> text("#tenantLabel").contains("built-in demo tenant"));
        assertFalse(node("#changeTenantLink").map(Node::isVisible).orElse(false), "the demo has nothing to change");
        openConnectScreen();
        waitUntil(() -> focused("#tenantDomainField")); // typing starts in the domain field

        write(tenant.baseUrl());
        type(KeyCode.TAB);
        assertTrue(focused("#tenantClientIdField"), "Tab goes to the next field, in reading order");
        write(tenant.clientId());
        type(KeyCode.TAB);
        write("github");
        type(KeyCode.TAB);
        assertTrue(focused("#tenantBrowserConnectionsField"));
        write("none");
        assertEquals(
                "http://127.0.0.1/callback, http://127.0.0.1:28471/callback, http://127.0.0.1:28472/callback,"
                        + " http://127.0.0.1:28473/callback",
                text("#registration-callback-urls"));
        assertEquals(tenant.baseUrl() + "/api/v2/", text("#registration-api"));

        type(KeyCode.ENTER); // Enter checks first
        waitForCheckLines();
        assertEquals(
                List.of(
                        "✓ " + tenant.baseUrl() + " answers as an OpenID provider.",
                        "✓ The tenant calls itself " + tenant.issuer() + ", as expected.",
                        "✓ RS256 signing keys are published (1).",
                        "✓ The authorize and token endpoints are present."),
                checkLines());
        assertTrue(statusIs("success"), statusText());
        assertFalse(Files.exists(settingsFile()), "nothing is saved by a check");

        type(KeyCode.ENTER); // after a passing check, Enter saves
        waitUntil(() -> node("#signInButton").isPresent());
        assertEquals("Tenant: " + tenant.baseUrl(), text("#tenantLabel"));
        assertTrue(node("#changeTenantLink").map(Node::isVisible).orElse(false));
        assertTrue(
                node("#connectTenantButton").map(button -> !button.isVisible()).orElse(true));
        String saved = Files.readString(settingsFile());
        assertTrue(
                saved.contains("domain=" + tenant.baseUrl() + "\n")
                        && saved.contains("client-id=" + tenant.clientId())
                        && saved.contains("connections=github\n")
                        && saved.contains("browser-connections=none\n"),
                saved);

        signIn("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> node("#link-github").isPresent());
        assertTrue(node("#link-google-oauth2").isEmpty(), "only the saved connections get a Link button");

        restart(ConfigSources.settingsFileOnly(settingsFile()));
        waitUntil(() -> node("#tenantLabel").isPresent() && text("#tenantLabel").equals("Tenant: " + tenant.baseUrl()));
        signIn("bob@example.com", "Bob-Demo-1");
    }

    @Test
    void escapeLeavesTheScreenUnchangedAndChangeTenantOpensItFilledIn() throws Exception {
        openConnectScreen();
        write("acme.eu.auth0.com");
        type(KeyCode.ESCAPE);
        waitUntil(() -> node("#signInButton").isPresent());
        waitUntil(() -> onFx(() -> lookup("#signInButton").query().isFocused())); // Enter then signs in
        assertFalse(Files.exists(settingsFile()), "Cancel saves nothing");
        assertTrue(text("#tenantLabel").contains("built-in demo tenant"));

        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "domain=" + tenant.baseUrl() + "\nclient-id=" + tenant.clientId() + "\n");
        restart(ConfigSources.settingsFileOnly(settingsFile()));
        clickWhenReady("#changeTenantLink");
        waitUntil(() -> node("#tenantDomainField").isPresent());
        assertEquals(tenant.baseUrl(), fieldText("#tenantDomainField"));
        assertEquals(tenant.clientId(), fieldText("#tenantClientIdField"));
        assertTrue(node("#tenantDemoButton").map(Node::isVisible).orElse(false));
        clickOn("#tenantCancelButton");
        waitUntil(
                () -> node("#signInButton").isPresent() && text("#tenantLabel").equals("Tenant: " + tenant.baseUrl()));
    }

    @Test
    void aSaveThatCannotBeDoneSendsTheKeyboardToTheFieldToFix() {
        openConnectScreen();
        write("acme.eu.auth0.com");
        onFx(() -> {
            lookup("#tenantSaveButton").query().requestFocus();
            return null;
        });
        type(KeyCode.SPACE);
        waitUntil(() -> focused("#tenantClientIdField"));
        assertTrue(text("#tenantClientIdError").startsWith("Enter the client ID"), text("#tenantClientIdError"));
        assertEquals("Some fields need attention before saving: see the messages under them.", statusText());
        write("AbCdEf123");
        assertEquals(
                "The client ID of your Native application (Auth0: Applications → your application → Settings)",
                text("#tenantClientIdError"),
                "the hint is back once the value is fine");
    }

    @Test
    void aBrokenSettingsFileOpensTheConnectScreenWithTheFieldMarkedAndSavingRepairsIt() throws Exception {
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(
                settingsFile(),
                "domain=" + tenant.baseUrl().replace("127.0.0.1", "127.0.0.1 x") + "\nclient-id=" + tenant.clientId()
                        + "\nloopback-port=28471\n");
        restart(ConfigSources.settingsFileOnly(settingsFile()));

        waitUntil(() -> node("#tenantDomainField").isPresent());
        assertTrue(
                text("#tenantProblemMessage")
                        .startsWith("Your settings file " + settingsFile().toAbsolutePath() + " has a value"),
                text("#tenantProblemMessage"));
        assertTrue(
                onFx(() -> lookup("#tenantDomainField").query().getStyleClass().contains("invalid")),
                "the field is marked");
        assertTrue(text("#tenantDomainError").startsWith("Not a domain:"), text("#tenantDomainError"));
        waitUntil(() -> focused("#tenantDomainField"));

        replaceDomain(tenant.baseUrl());
        assertFalse(
                onFx(() -> lookup("#tenantDomainField").query().getStyleClass().contains("invalid")));
        clickOn("#tenantSaveButton");
        waitUntil(
                () -> node("#signInButton").isPresent() && text("#tenantLabel").equals("Tenant: " + tenant.baseUrl()));
        assertTrue(Files.readString(settingsFile()).contains("loopback-port=28471"), "the other settings stay");
        signIn("alice@example.com", "Alice-Demo-1");
    }

    @Test
    void eachCheckFailureHasItsOwnPlainSentenceOnAMarkedLine() throws Exception {
        openConnectScreen();
        write(tenant.baseUrl());
        String discovery = "/.well-known/openid-configuration";
        record Case(dev.accountlinker.localtenant.Faults.Fault fault, int line, String startsWith) {}
        List<Case> cases = List.of(
                new Case(
                        dev.accountlinker.localtenant.Faults.on("GET", discovery)
                                .respond(404, "{}"),
                        0,
                        "✗ " + tenant.baseUrl() + " answered, but not as an OpenID provider (HTTP 404"),
                new Case(
                        dev.accountlinker.localtenant.Faults.on("GET", discovery)
                                .respond(200, "<html><body>Please accept the terms of the Wi-Fi</body></html>"),
                        0,
                        "✗ " + tenant.baseUrl() + " answered with a web page instead of the tenant's settings"),
                new Case(
                        dev.accountlinker.localtenant.Faults.on("GET", discovery)
                                .respond(
                                        200,
                                        "{\"issuer\":\"https://acme.eu.auth0.com/\",\"authorization_endpoint\":\"x\",\"token_endpoint\":\"y\"}"),
                        1,
                        "✗ The tenant calls itself https://acme.eu.auth0.com/, not " + tenant.issuer()),
                new Case(
                        dev.accountlinker.localtenant.Faults.on("GET", "/.well-known/jwks.json")
                                .respond(200, "{\"keys\":[]}"),
                        2,
                        "✗ No RS256 signing key is published at " + tenant.baseUrl() + "/.well-known/jwks.json."),
                new Case(
                        dev.accountlinker.localtenant.Faults.on("GET", discovery)
                                .respond(200, "{\"issuer\":\"" + tenant.issuer() + "\"}"),
                        3,
                        "✗ The tenant's settings do not name authorization_endpoint, token_endpoint"));
        for (Case each : cases) {
            tenant.faults().clear();
            tenant.faults().inject(each.fault());
            clickOn("#tenantCheckButton");
            waitForCheckLines();
            List<String> lines = checkLines();
            assertTrue(lines.get(each.line()).startsWith(each.startsWith()), lines.toString());
            assertTrue(statusIs("error"), statusText());
            lines.forEach(line -> assertFalse(line.contains("Exception") || line.contains("\tat "), line));
        }

        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        replaceDomain("http://127.0.0.1:" + closedPort);
        clickOn("#tenantCheckButton");
        waitForCheckLines();
        assertEquals(
                List.of("✗ 127.0.0.1 refused the connection: nothing answers at that address. Check the domain (and"
                        + " the port, if you gave one)."),
                checkLines());

        replaceDomain("nothing-here.invalid");
        clickOn("#tenantCheckButton");
        waitForCheckLines();
        assertEquals(
                List.of("✗ The name nothing-here.invalid was not found. Check the spelling of the domain, and that"
                        + " this computer is connected to the network."),
                checkLines());

        // This JVM does not trust the test certificate: a real TLS failure.
        TestCertificate certificate = TestCertificate.create(folder.resolve("tls"), "acme.test");
        try (LocalTenant https =
                LocalTenant.builder().https(certificate.serverContext()).start()) {
            replaceDomain(https.baseUrl());
            clickOn("#tenantCheckButton");
            waitForCheckLines();
            assertEquals(
                    List.of("✗ A secure connection to 127.0.0.1 could not be made: the certificate it presented is"
                            + " not trusted by this computer. A proxy or firewall that inspects encrypted traffic can cause this;"
                            + " ask your network administrator."),
                    checkLines());
        }
    }

    @Test
    void aCheckThatDoesNotAnswerEndsAtItsDeadlineAndCancelStopsIt() {
        tenant.faults()
                .inject(dev.accountlinker.localtenant.Faults.on("GET", "/.well-known/openid-configuration")
                        .always()
                        .delay(java.time.Duration.ofMinutes(10)));
        openConnectScreen();
        write(tenant.baseUrl());
        type(KeyCode.ENTER);
        waitUntil(() -> onFx(() -> lookup("#tenantCheckCancelButton").query().isVisible()));
        assertEquals(
                "Checking " + tenant.baseUrl() + "…",
                onFx(() -> lookup("#tenantCheckProgress").query().getAccessibleText()));

        type(KeyCode.ESCAPE); // Escape stops the running check, and stays on the screen
        waitUntil(() -> statusText().equals("The check was cancelled."));
        assertTrue(node("#tenantDomainField").isPresent());
        assertEquals(0, tasks.pendingCount(), "the deadline went with the check");

        clickOn("#tenantCheckButton");
        waitUntil(() -> tasks.pendingCount() == 1);
        tasks.expireAll();
        waitForCheckLines();
        assertEquals(
                List.of("✗ " + tenant.baseUrl() + " did not answer within 20 seconds. Check this computer's network"
                        + " connection (and proxy, if you use one), then try again."),
                checkLines());
    }

    @Test
    void whatToRegisterIsCopiedWithItsButton() {
        openConnectScreen();
        write("acme.eu.auth0.com");
        // Below the fold: reached with the keyboard, which scrolls it into view, and pressed with Space.
        onFx(() -> {
            lookup("#copy-api").query().requestFocus();
            return null;
        });
        waitUntil(() -> focused("#copy-api"));
        waitUntil(() -> onFx(() -> {
            Node copy = lookup("#copy-api").query();
            double bottom = copy.localToScene(copy.getBoundsInLocal()).getMaxY();
            double barTop = lookup(".connect-bar").query().localToScene(0, 0).getY();
            return bottom <= barTop;
        })); // scrolled into view, above the button bar
        type(KeyCode.SPACE);
        assertEquals("Copied: API (audience).", statusText());
        assertEquals(
                "https://acme.eu.auth0.com/api/v2/",
                onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertTrue(onFx(() -> lookup("#copy-callback-urls").query().getAccessibleHelp())
                .startsWith("Copy Allowed Callback URLs to the clipboard: http://127.0.0.1/callback"));
    }

    @Test
    void everyControlOfTheScreenHasTextForScreenReaders() {
        openConnectScreen();
        for (Button button : lookup(".button").queryAllAs(Button.class)) {
            if (button.isVisible()) {
                assertFalse(button.getText() == null || button.getText().isBlank(), button.getId());
                assertFalse(
                        button.getAccessibleHelp() == null
                                || button.getAccessibleHelp().isBlank(),
                        button.getId());
            }
        }
        for (TextField field : lookup(".text-field").queryAllAs(TextField.class)) {
            assertFalse(
                    field.getAccessibleText() == null
                            || field.getAccessibleText().isBlank(),
                    field.getId());
        }
    }

    @Test
    void anOrganisationsBuildShowsItsNameAndHidesTheDemoAndTheConnectScreen() throws Exception {
        Path installer = folder.resolve("installer.properties");
        Files.writeString(
                installer,
                "domain=" + tenant.baseUrl() + "\nclient-id=" + tenant.clientId()
                        + "\nproduct-name=Acme Sign-ins\noffer-demo=false\noffer-connect=false\n");
        restart(ConfigSources.settingsFileOnly(settingsFile()).withInstallerFile(installer));

        waitUntil(() -> node("#tenantLabel").isPresent() && text("#tenantLabel").equals("Tenant: " + tenant.baseUrl()));
        assertEquals(
                "Acme Sign-ins",
                onFx(() -> ((Stage) lookup("#signInButton").query().getScene().getWindow()).getTitle()));
        assertTrue(
                onFx(() -> lookup(".app-name").queryAs(Label.class).getText()).equals("Acme Sign-ins"));
        assertFalse(
                onFx(() -> lookup("#changeTenantLink").queryAs(Hyperlink.class).isVisible()));

        // A broken user file in such a build: the message, without a way to the demo or the connect screen.
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "client-id=bad id\n");
        restart(ConfigSources.settingsFileOnly(settingsFile()).withInstallerFile(installer));
        waitUntil(() -> node("#signInButton").isPresent() && !statusText().isEmpty());
        assertTrue(statusText().startsWith("The setting client-id is not a valid client id"), statusText());
        assertFalse(onFx(() -> lookup("#useDemoButton").query().isVisible()));
        assertFalse(onFx(() -> lookup("#connectTenantButton").query().isVisible()));
        assertTrue(node("#tenantDomainField").isEmpty());
    }
}
