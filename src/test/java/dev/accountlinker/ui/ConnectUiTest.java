package dev.accountlinker.ui;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.testkit.ManualDeadlines;
import javafx.scene.Node;
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
 * organisation's build hides. The settings file is the test's own (never the user's). The screen on its own (the
 * checks and their failures, a save that cannot be done, copying, accessible texts) is ConnectViewComponentTest.
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
                tenant.baseUrl() + "/mobile, http://127.0.0.1:28471/callback, http://127.0.0.1:28472/callback,"
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
    void aLongTenantAddressWrapsAndLeavesChangeTenantWhole() throws Exception {
        String longDomain = "https://account-linking-of-a-rather-long-organisation-name.example.invalid";
        Files.createDirectories(settingsFile().getParent());
        Files.writeString(settingsFile(), "domain=" + longDomain + "\nclient-id=" + tenant.clientId() + "\n");
        restart(ConfigSources.settingsFileOnly(settingsFile()));
        waitUntil(() -> node("#changeTenantLink").map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Tenant: " + longDomain, text("#tenantLabel"));
        List<String> cut = onFx(() ->
                        LayoutCheck.problems(lookup("#changeTenantLink").query().getScene()))
                .stream()
                .filter(problem -> problem.contains("Change tenant") || problem.contains("Tenant:"))
                .toList();
        assertEquals(List.of(), cut, "the tenant line shows all of its text");
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
