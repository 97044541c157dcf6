package dev.accountlinker.ui.connect;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TestCertificate;
import dev.accountlinker.net.ProxyRules;
import dev.accountlinker.testkit.ManualDeadlines;
import dev.accountlinker.ui.AppShell;
import dev.accountlinker.ui.ComponentTestSupport;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Connect your Auth0 tenant" screen alone, at the app window's size, over its real view model: real checks over
 * HTTP against a local tenant (faults injected there), a real settings file in the test's folder, the app's task
 * runner with deadlines that pass only when the test says ({@link ManualDeadlines}). The journeys that go through the
 * rest of the app (from the sign-in screen, saving and restarting, an organisation's build) stay in ConnectUiTest.
 */
class ConnectViewComponentTest extends ComponentTestSupport {
    @TempDir
    Path folder;

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final List<String> exits = new ArrayList<>();
    private LocalTenant tenant;
    private ManualDeadlines tasks;

    @BeforeEach
    void showTheConnectScreen() {
        tenant = component.cleanUp(LocalTenant.builder().start());
        tasks = component.cleanUp(new ManualDeadlines());
        ConnectContext context = new ConnectContext(
                messages,
                new ErrorTranslator(Clock.systemDefaultZone()),
                tasks,
                new TenantCheck(ProxyRules.direct()),
                new UserSettingsFile(folder.resolve("account-linker").resolve("settings.properties")),
                AppConfig.demoDefaults().withWays(SignInWays.embeddedOnly()), // the demo, as after installing
                Optional.empty(),
                ConnectContext.DEFAULT_CHECK_TIMEOUT);
        ConnectViewModel viewModel = new ConnectViewModel(context, new ConnectViewModel.Exits() {
            @Override
            public void saved() {
                exits.add("saved");
            }

            @Override
            public void tryDemo() {
                exits.add("demo");
            }

            @Override
            public void cancelled() {
                exits.add("cancelled");
            }
        });
        component.cleanUp(viewModel::stopWork);
        show(onFx(() -> ConnectView.create(viewModel, messages)), AppShell.WIDTH, AppShell.HEIGHT);
        waitUntil(() -> focused("#tenantDomainField")); // typing starts in the domain field
    }

    /** The node has the keyboard focus of its window. */
    private boolean focused(String query) {
        return onFx(() -> {
            Node node = lookup(query).query();
            return node.getScene() != null && node.getScene().getFocusOwner() == node;
        });
    }

    private String text(String query) {
        return node(query, Label.class).getText();
    }

    private String statusText() {
        return text("#statusMessage");
    }

    private boolean statusIs(String styleClass) {
        return onFx(() -> lookup("#statusMessage").query().getStyleClass().contains(styleClass));
    }

    private List<String> checkLines() {
        return onFx(() -> lookup("#tenantCheckResults").queryAs(VBox.class).getChildren().stream()
                .map(line -> (line.getStyleClass().contains("check-passed") ? "✓ " : "✗ ")
                        + ((Label) ((HBox) line).getChildren().get(1)).getText())
                .toList());
    }

    private void waitForCheckLines() {
        waitUntil(() -> !checkLines().isEmpty()
                && !onFx(() -> lookup("#tenantCheckProgressBox").query().isVisible()));
    }

    private void replaceDomain(String domain) {
        clickOn("#tenantDomainField");
        onFx(() -> lookup("#tenantDomainField").queryAs(TextField.class).clear());
        write(domain);
    }

    // Moved from ConnectUiTest with every assertion; only the way to the screen differs (it is shown at once).

    @Test
    void aSaveThatCannotBeDoneSendsTheKeyboardToTheFieldToFix() {
        write("acme.eu.auth0.com");
        onFx(() -> lookup("#tenantSaveButton").query().requestFocus());
        type(KeyCode.SPACE);
        waitUntil(() -> focused("#tenantClientIdField"));
        assertTrue(text("#tenantClientIdError").startsWith("Enter the client ID"), text("#tenantClientIdError"));
        assertEquals("Some fields need attention before saving: see the messages under them.", statusText());
        write("AbCdEf123");
        assertEquals(
                "The client ID of your Native application (Auth0: Applications → your application → Settings)",
                text("#tenantClientIdError"),
                "the hint is back once the value is fine");
        assertEquals(List.of(), exits, "nothing was saved");
    }

    @Test
    void eachCheckFailureHasItsOwnPlainSentenceOnAMarkedLine() throws Exception {
        write(tenant.baseUrl());
        String discovery = "/.well-known/openid-configuration";
        record Case(Faults.Fault fault, int line, String startsWith) {}
        List<Case> cases = List.of(
                new Case(
                        Faults.on("GET", discovery).respond(404, "{}"),
                        0,
                        "✗ " + tenant.baseUrl() + " answered, but not as an OpenID provider (HTTP 404"),
                new Case(
                        Faults.on("GET", discovery)
                                .respond(200, "<html><body>Please accept the terms of the Wi-Fi</body></html>"),
                        0,
                        "✗ " + tenant.baseUrl() + " answered with a web page instead of the tenant's settings"),
                new Case(
                        Faults.on("GET", discovery)
                                .respond(
                                        200,
                                        "{\"issuer\":\"https://acme.eu.auth0.com/\",\"authorization_endpoint\":\"x\",\"token_endpoint\":\"y\"}"),
                        1,
                        "✗ The tenant calls itself https://acme.eu.auth0.com/, not " + tenant.issuer()),
                new Case(
                        Faults.on("GET", "/.well-known/jwks.json").respond(200, "{\"keys\":[]}"),
                        2,
                        "✗ No RS256 signing key is published at " + tenant.baseUrl() + "/.well-known/jwks.json."),
                new Case(
                        Faults.on("GET", discovery).respond(200, "{\"issuer\":\"" + tenant.issuer() + "\"}"),
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
        try (ServerSocket socket = new ServerSocket(0)) {
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
                .inject(Faults.on("GET", "/.well-known/openid-configuration")
                        .always()
                        .delay(Duration.ofMinutes(10)));
        write(tenant.baseUrl());
        type(KeyCode.ENTER);
        waitUntil(() -> onFx(() -> lookup("#tenantCheckCancelButton").query().isVisible()));
        assertEquals(
                "Checking " + tenant.baseUrl() + "…",
                onFx(() -> lookup("#tenantCheckProgress").query().getAccessibleText()));

        type(KeyCode.ESCAPE); // Escape stops the running check, and stays on the screen
        waitUntil(() -> statusText().equals("The check was cancelled."));
        assertTrue(onFx(() -> lookup("#tenantDomainField").tryQuery().isPresent()));
        assertEquals(0, tasks.pendingCount(), "the deadline went with the check");
        assertEquals(List.of(), exits, "Escape during a check does not leave the screen");

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
        write("acme.eu.auth0.com");
        // Below the fold: reached with the keyboard, which scrolls it into view, and pressed with Space.
        onFx(() -> lookup("#copy-api").query().requestFocus());
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
                onFx(() -> Clipboard.getSystemClipboard().getString()));
        assertTrue(onFx(() -> lookup("#copy-callback-urls").query().getAccessibleHelp())
                .startsWith("Copy Allowed Callback URLs to the clipboard: https://acme.eu.auth0.com/mobile"));
    }

    @Test
    void everyControlOfTheScreenHasTextForScreenReaders() {
        List<Button> buttons = onFx(() -> List.copyOf(lookup(".button").queryAllAs(Button.class)));
        assertFalse(buttons.isEmpty());
        for (Button button : buttons) {
            if (onFx(button::isVisible)) {
                assertFalse(button.getText() == null || button.getText().isBlank(), button.getId());
                assertFalse(
                        button.getAccessibleHelp() == null
                                || button.getAccessibleHelp().isBlank(),
                        button.getId());
            }
        }
        List<TextField> fields = onFx(() -> List.copyOf(lookup(".text-field").queryAllAs(TextField.class)));
        assertFalse(fields.isEmpty());
        for (TextField field : fields) {
            assertFalse(
                    field.getAccessibleText() == null
                            || field.getAccessibleText().isBlank(),
                    field.getId());
        }
    }
}
