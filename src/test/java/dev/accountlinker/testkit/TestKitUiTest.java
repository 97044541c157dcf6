package dev.accountlinker.testkit;

import dev.accountlinker.AppServices;
import dev.accountlinker.account.Identity;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.RateLimit;
import dev.accountlinker.ui.signin.BrowserOpener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit as a tester uses it: its options, the robot's steps through both sign-in ways, and its failures. */
class TestKitUiTest {

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    @Nested
    @AccountLinkerTest
    class WithTheDemoAccounts {

        @Test
        void theStepsReportWhatHappenedAndTheTenantShowsIt(AccountLinkerRobot robot, TenantControls tenant) {
            assertEquals(Status.NONE, robot.status());
            robot.signIn("alice@example.com", "Alice-Demo-1");
            assertEquals(
                    List.of(new ShownIdentity(
                            "auth0",
                            "alice",
                            "Username-Password-Authentication",
                            "alice@example.com",
                            "Alice Example",
                            true)),
                    robot.identities());

            LinkConfirmation confirmation = robot.link("github", "alice-gh@example.com", "Github-Demo-1");
            assertTrue(confirmation.isOpen());
            assertEquals("To link: Alice (GitHub) — alice-gh@example.com (GitHub)", confirmation.secondAccount());
            assertEquals(
                    new Status("Linking was cancelled. Nothing was changed.", Status.Kind.INFO), confirmation.cancel());
            assertTrue(tenant.user("github|4242424").isPresent(), "a cancelled link changes nothing");

            Status linked = robot.link("github", "alice-gh@example.com", "Github-Demo-1")
                    .confirm();
            assertEquals(Status.Kind.SUCCESS, linked.kind(), linked.text());
            ShownIdentity github = robot.identities().get(1);
            assertEquals(
                    new ShownIdentity("github", "4242424", "github", "alice-gh@example.com", "Alice (GitHub)", false),
                    github);
            assertEquals(1, tenant.requestsTo("POST", "/identities"));

            robot.signOut();
            assertTrue(robot.node("#signInButton").isPresent());
        }

        @Test
        void anAccountTheAppRefusesLeavesNoConfirmationOpenAndTheStatusSaysWhy(AccountLinkerRobot robot) {
            robot.signIn("alice@example.com", "Alice-Demo-1");
            LinkConfirmation refused = robot.link("unverified@example.com", "Unverified-1"); // any connection
            assertFalse(refused.isOpen());
            assertEquals(Status.Kind.ERROR, robot.status().kind());
            assertTrue(
                    robot.status().text().contains("unverified@example.com is not verified"),
                    robot.status().text());
            AssertionError confirming = assertThrows(AssertionError.class, refused::confirm);
            assertTrue(
                    confirming.getMessage().startsWith("no confirmation is open; status: \""), confirming.getMessage());
        }

        @Test
        void keepingTheSecondAccountAsMainSignsTheAppInAsIt(AccountLinkerRobot robot) {
            robot.signIn("alice@example.com", "Alice-Demo-1");
            robot.link("google-oauth2", "alice.g@example.com", "Google-Demo-1")
                    .keepMain(LinkConfirmation.Main.SECOND)
                    .confirm();
            robot.waitForSettingsOf("alice.g@example.com");
            assertEquals(List.of("google-oauth2|109876543210987654321", "auth0|alice"), robot.identitySubjects());
        }

        @Test
        void aWaitThatFailsSaysWhatDidNotHappenAndWhatTheStatusLineSaid(AccountLinkerRobot robot) {
            Duration usual = Duration.ofSeconds(AccountLinkerRobot.TIMEOUT_SECONDS);
            AssertionError beforeSignIn = assertThrows(
                    AssertionError.class,
                    () -> robot.timeout(Duration.ofSeconds(1)).identities());
            assertTrue(
                    beforeSignIn
                            .getMessage()
                            .startsWith("no identities list (the settings screen is not showing)"
                                    + " after 1 s; status: (none); windows: [\""),
                    beforeSignIn.getMessage());

            robot.timeout(usual).clickOn("#signInButton");
            robot.submitLoginForm("alice@example.com", "wrong password");
            robot.waitUntil(() -> Boolean.TRUE.equals(robot.script("document.getElementById('error') !== null")));
            AssertionError wrongPassword = assertThrows(
                    AssertionError.class,
                    () -> robot.timeout(Duration.ofSeconds(1)).waitForSettingsOf("alice@example.com"));
            assertTrue(
                    wrongPassword
                            .getMessage()
                            .matches("(?s)no settings screen of alice@example.com after 1 s;"
                                    + " status: \\(none\\); windows: \\[.*\\]; the sign-in page says: .+"),
                    wrongPassword.getMessage());
            robot.timeout(usual).cancel();

            robot.signIn("alice@example.com", "Alice-Demo-1");
            AssertionError noSuchIdentity = assertThrows(
                    AssertionError.class,
                    () -> robot.timeout(Duration.ofSeconds(1)).unlink("github", "4242424"));
            assertTrue(
                    noSuchIdentity
                            .getMessage()
                            .startsWith("no Unlink button #unlink-github-4242424 on screen"
                                    + " (identities shown: [auth0|alice]) after 1 s; status: (none)"),
                    noSuchIdentity.getMessage());
        }

        @Test
        void identitiesAreReadFromCardsOnceTheListIsNoLongerATable(AccountLinkerRobot robot) {
            // The settings screen as the cards design has it (contract-notes): each card carries its identity.
            Identity main = new Identity(
                    "Username-Password-Authentication",
                    "auth0",
                    "alice",
                    false,
                    Optional.of("alice@example.com"),
                    Optional.of("Alice Example"),
                    Optional.empty(),
                    true);
            Identity github = new Identity(
                    "github",
                    "github",
                    "4242424",
                    true,
                    Optional.of("alice-gh@example.com"),
                    Optional.of("Alice (GitHub)"),
                    Optional.empty(),
                    false);
            robot.onFx(() -> {
                VBox cards = new VBox();
                cards.setId("identitiesTable");
                for (Identity identity : List.of(main, github)) {
                    Label card = new Label(identity.label());
                    card.getStyleClass().add("identity-card");
                    card.setUserData(identity);
                    cards.getChildren().add(new StackPane(card));
                }
                Stage stage = new Stage();
                stage.setScene(new Scene(cards, 300, 200));
                stage.show();
                return null;
            });
            assertEquals(List.of(ShownIdentity.of(main), ShownIdentity.of(github)), robot.identities());
            robot.waitForIdentityCount(2);
        }

        @Test
        void cancelClosesTheSignInWindowAndTheDeadlinesWaitForTheTest(
                AccountLinkerRobot robot, ManualDeadlines deadlines) {
            robot.clickOn("#signInButton");
            robot.waitForLoginForm();
            assertEquals(1, deadlines.pendingCount(), "the sign-in window's timeout waits for the test");
            Status cancelled = robot.cancel();
            assertTrue(cancelled.text().contains("cancelled"), cancelled.text());
            assertFalse(robot.loginWindowOpen());
            assertEquals(0, deadlines.pendingCount());
        }
    }

    @Nested
    class WithALoopbackEmbeddedCallback {
        @RegisterExtension
        final AccountLinkerExtension app = AccountLinkerExtension.builder()
                .tenantSettings(settings -> new TenantSettings(
                        settings.address(),
                        settings.clientId(),
                        settings.connections(),
                        java.net.URI.create(dev.accountlinker.localtenant.LocalTenant.LOOPBACK_REDIRECT_URI)))
                .build();

        @Test
        void theRobotClicksContinueOnTheConfirmationPageAsAPersonWould(
                AccountLinkerRobot robot, TenantControls tenant) {
            robot.signIn("alice@example.com", "Alice-Demo-1");
            assertEquals(1, tenant.requestsTo("POST", "/u/confirm"), "the main sign-in was confirmed on the page");
            robot.link("github", "alice-gh@example.com", "Github-Demo-1").confirm();
            assertEquals(List.of("auth0|alice", "github|4242424"), robot.identitySubjects());
            assertEquals(2, tenant.requestsTo("POST", "/u/confirm"), "and the account to link's sign-in too");
        }
    }

    @Nested
    class ThroughTheSystemBrowser {
        private final int loopbackPort = freePort();

        @RegisterExtension
        final AccountLinkerExtension app = AccountLinkerExtension.builder()
                .signInWays(SignInWays.defaults().withLoopbackPort(loopbackPort)) // Google in the browser
                .build();

        @Test
        void signInAndLinkGoThroughTheScriptedBrowser(AccountLinkerRobot robot, ScriptedBrowser browser) {
            robot.signInThroughBrowser("alice@example.com", "Alice-Demo-1");
            assertEquals(1, browser.opened().size());
            robot.waitUntil(() -> browser.pages().size() == 1);
            assertTrue(
                    browser.pages().get(0).startsWith("200")
                            && browser.pages().get(0).contains("You can close this tab"),
                    browser.pages().get(0));

            robot.link("google-oauth2", "alice.g@example.com", "Google-Demo-1").confirm();
            assertEquals(List.of("auth0|alice", "google-oauth2|109876543210987654321"), robot.identitySubjects());
            assertEquals(2, browser.opened().size());
            assertFalse(robot.loginWindowOpen(), "no embedded window was used");
            assertEquals(0, app.session().callbacks().hits());
            assertEquals(
                    2,
                    browser.confirmationsPassed(),
                    "the loopback callback is not verifiable: Auth0 asks to confirm the app after each sign-in, and"
                            + " the person clicks Continue");
        }

        @Test
        void whenNoBrowserOpensTheWaitOffersTheLinkAndCancelEndsIt(AccountLinkerRobot robot, ScriptedBrowser browser) {
            robot.signIn("alice@example.com", "Alice-Demo-1");
            browser.outcome(BrowserOpener.Outcome.FAILED);
            robot.clickWhenReady("#link-google-oauth2");
            robot.waitUntil(() -> robot.node("#browserCopyLinkButton").isPresent());
            assertEquals(new Status("Linking was cancelled. Nothing was changed.", Status.Kind.INFO), robot.cancel());
        }
    }

    @Nested
    @AccountLinkerTest // the field's options win over the annotation's defaults
    class WithTheTestsOwnUsers {
        @RegisterExtension
        final AccountLinkerExtension app = AccountLinkerExtension.builder()
                .user("dana@example.com", "Dana-Test-1")
                .connections("github")
                .build();

        @Test
        void onlyTheseUsersExistAndOnlyTheseConnectionsAreOffered(AccountLinkerRobot robot, TenantControls tenant) {
            assertEquals(
                    List.of("auth0|dana"),
                    tenant.users().stream().map(user -> user.userId()).toList());
            robot.signIn("dana@example.com", "Dana-Test-1");
            assertEquals(List.of("auth0|dana"), robot.identitySubjects());
            assertTrue(robot.node("#link-github").isPresent());
            assertTrue(robot.node("#link-google-oauth2").isEmpty());
        }
    }

    @Nested
    class WithTheTenantTheSettingsAndTheBrowserChanged {
        private final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

        @RegisterExtension
        final AccountLinkerExtension app = AccountLinkerExtension.builder()
                .tenant(tenant -> tenant.rateLimit(RateLimit.off()))
                .tenantSettings(settings -> settings.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(4)))
                .signInWays(SignInWays.defaults().withLoopbackPort(freePort()))
                .browser(url -> {
                    opened.add(url);
                    return BrowserOpener.Outcome.FAILED;
                })
                .build();

        @Test
        void eachChangeReachesTheTenantOrTheApp(
                AccountLinkerRobot robot, TenantControls tenant, AccountLinkerSession session) {
            assertEquals(RateLimit.off(), tenant.localTenant().rateLimit());
            TenantSettings settings = session.services().config().tenant().orElseThrow();
            assertEquals(List.of(3, 4), List.of(settings.connectTimeoutSeconds(), settings.readTimeoutSeconds()));
            robot.signIn("alice@example.com", "Alice-Demo-1");
            robot.clickWhenReady("#link-google-oauth2");
            robot.waitUntil(() -> robot.node("#browserCopyLinkButton").isPresent());
            assertEquals(1, opened.size(), "the test's own browser was asked");
            assertTrue(session.browser().opened().isEmpty(), "not the kit's");
            robot.cancel();
        }
    }

    @Nested
    class WithTheTestsOwnServices {
        @TempDir
        Path folder;

        @RegisterExtension
        final AccountLinkerExtension app = AccountLinkerExtension.builder()
                .services(session -> {
                    Path settings = folder.resolve("settings.properties");
                    Files.writeString(
                            settings,
                            "domain=" + session.tenant().baseUrl() + "\nclient-id="
                                    + session.tenant().clientId() + "\nconnections=github\n");
                    return AppServices.fromSources(
                            ConfigSources.settingsFileOnly(settings),
                            Messages.forDefaultLocale(),
                            Clock.systemDefaultZone(),
                            session.deadlines(),
                            session.loginSettings());
                })
                .build();

        @Test
        void theAppStartsOnWhatTheTestConfigured(AccountLinkerRobot robot, TenantControls tenant) {
            robot.waitUntil(() -> robot.text("#tenantLabel").equals("Tenant: " + tenant.baseUrl()));
            robot.signIn("bob@example.com", "Bob-Demo-1");
            assertTrue(robot.node("#link-github").isPresent());
            assertTrue(robot.node("#link-google-oauth2").isEmpty());
        }
    }

    @Nested
    class WithAConfigurationProblem {
        @RegisterExtension
        final AccountLinkerExtension app =
                AccountLinkerExtension.builder().configProblem(problem()).build();

        private static ConfigException problem() {
            try {
                ConfigLoader.load(List.of("--domain=acme.eu.auth0.com"), Map.of(), Path.of("absent.properties"));
            } catch (ConfigException expected) {
                return expected;
            }
            throw new AssertionError("a domain without client id must be refused");
        }

        @Test
        void theAppNamesTheProblemAndOffersTheDemo(AccountLinkerRobot robot) {
            robot.waitUntil(() -> !robot.status().isEmpty());
            assertEquals(Status.Kind.ERROR, robot.status().kind());
            assertTrue(
                    robot.status().text().startsWith("The setting client-id is missing."),
                    robot.status().text());
            assertTrue(robot.node("#useDemoButton").isPresent());
        }
    }
}
