package dev.accountlinker.ui.connect;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.net.ProxyRules;
import dev.accountlinker.ui.CurrentThreadTaskRunner;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connect screen's behaviour without a window, against the real local tenant and a real settings file. */
class ConnectViewModelTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
    private final List<String> exits = new ArrayList<>();

    @TempDir
    Path folder;

    private Path settingsFile;
    private LocalTenant tenant;

    @BeforeEach
    void start() {
        settingsFile = folder.resolve("account-linker").resolve("settings.properties");
        tenant = LocalTenant.builder().start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    private ConnectViewModel screen(TaskRunner runner, AppConfig current, Optional<ConfigException> problem) {
        ConnectContext context = new ConnectContext(
                messages,
                new ErrorTranslator(Clock.systemUTC()),
                runner,
                new TenantCheck(ProxyRules.direct()),
                new UserSettingsFile(settingsFile),
                current,
                problem,
                ConnectContext.DEFAULT_CHECK_TIMEOUT);
        return new ConnectViewModel(context, new ConnectViewModel.Exits() {
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
    }

    private ConnectViewModel screen() {
        return screen(tasks, AppConfig.demoDefaults(), Optional.empty());
    }

    private static void type(ConnectViewModel viewModel, ConnectField field, String text) {
        viewModel.textProperty(field).set(text);
    }

    private static String error(ConnectViewModel viewModel, ConnectField field) {
        return viewModel.errorProperty(field).get();
    }

    @Test
    void anEmptyScreenShowsNoErrorsYetAndWhatToRegister() {
        ConnectViewModel viewModel = screen();
        for (ConnectField field : ConnectField.values()) {
            assertEquals("", viewModel.textProperty(field).get());
            assertEquals("", error(viewModel, field), field.name());
        }
        assertFalse(viewModel.canCheckProperty().get());
        assertFalse(viewModel.canSaveProperty().get());
        assertEquals(ConnectState.EDITING, viewModel.stateProperty().get());
        assertEquals(
                "Native (first-party)",
                viewModel
                        .registrationProperty(RegistrationItem.APPLICATION_TYPE)
                        .get());
        assertEquals(
                "https://YOUR-DOMAIN/mobile, http://127.0.0.1:28471/callback, http://127.0.0.1:28472/callback,"
                        + " http://127.0.0.1:28473/callback",
                viewModel.registrationProperty(RegistrationItem.CALLBACK_URLS).get());
        assertEquals(
                "http://127.0.0.1:28471/signed-out, http://127.0.0.1:28472/signed-out,"
                        + " http://127.0.0.1:28473/signed-out",
                viewModel.registrationProperty(RegistrationItem.LOGOUT_URLS).get());
        assertEquals(
                "https://YOUR-DOMAIN/api/v2/",
                viewModel.registrationProperty(RegistrationItem.API).get());
        assertEquals(
                "read:current_user update:current_user_identities update:current_user_metadata",
                viewModel.registrationProperty(RegistrationItem.SCOPES).get());
        assertTrue(viewModel.demoOffered());
    }

    @Test
    void everyFieldIsValidatedAsItIsTyped() {
        ConnectViewModel viewModel = screen();
        type(viewModel, ConnectField.DOMAIN, "acme");
        assertEquals(
                "Not a domain: \"acme\". Use a host like acme.eu.auth0.com, or an address like"
                        + " https://login.example.com.",
                error(viewModel, ConnectField.DOMAIN));
        assertFalse(viewModel.canCheckProperty().get());
        type(viewModel, ConnectField.DOMAIN, "http://acme.eu.auth0.com");
        assertTrue(error(viewModel, ConnectField.DOMAIN)
                .startsWith("Plain http:// is allowed only for a tenant on this computer"));
        assertTrue(
                error(viewModel, ConnectField.DOMAIN)
                        .endsWith("Use https://acme.eu.auth0.com or just acme.eu.auth0.com."),
                error(viewModel, ConnectField.DOMAIN));
        type(viewModel, ConnectField.DOMAIN, "acme.eu.auth0.com");
        assertEquals("", error(viewModel, ConnectField.DOMAIN));
        assertTrue(viewModel.canCheckProperty().get());
        assertEquals(
                "https://acme.eu.auth0.com/api/v2/",
                viewModel.registrationProperty(RegistrationItem.API).get());
        assertFalse(viewModel.canSaveProperty().get(), "the client id is still missing");

        type(viewModel, ConnectField.CLIENT_ID, "bad id");
        assertTrue(error(viewModel, ConnectField.CLIENT_ID).startsWith("Not a client ID: \"bad id\"."));
        type(viewModel, ConnectField.CLIENT_ID, "AbCdEf123");
        type(viewModel, ConnectField.CONNECTIONS, "github, bad name");
        assertTrue(error(viewModel, ConnectField.CONNECTIONS).startsWith("Not a connection name: \"bad name\"."));
        assertFalse(viewModel.canSaveProperty().get());
        type(viewModel, ConnectField.CONNECTIONS, "github, google-oauth2");
        type(viewModel, ConnectField.BROWSER_CONNECTIONS, "*");
        assertTrue(viewModel.canSaveProperty().get());
    }

    @Test
    void aPassingCheckListsEveryLineAndThenEnterMeansSave() {
        ConnectViewModel viewModel = screen();
        type(viewModel, ConnectField.DOMAIN, tenant.baseUrl());
        viewModel.check();

        assertEquals(ConnectState.CHECKED, viewModel.stateProperty().get());
        assertEquals(4, viewModel.checkResults().size());
        assertTrue(viewModel.checkResults().stream().allMatch(CheckLine::passed));
        assertEquals(
                StatusMessage.Kind.SUCCESS, viewModel.statusProperty().get().kind());
        assertEquals(List.of(), tasks.pendingDelays(), "the deadline ends with the check");

        type(viewModel, ConnectField.DOMAIN, "other.eu.auth0.com");
        assertEquals(
                ConnectState.EDITING, viewModel.stateProperty().get(), "a check of another address does not count");
        assertTrue(viewModel.checkResults().isEmpty());
    }

    @Test
    void aFailingCheckMarksItsLine() {
        tenant.faults().inject(Faults.on("GET", "/.well-known/jwks.json").respond(200, "{\"keys\":[]}"));
        ConnectViewModel viewModel = screen();
        type(viewModel, ConnectField.DOMAIN, tenant.baseUrl());
        viewModel.check();
        assertEquals(ConnectState.CHECK_FAILED, viewModel.stateProperty().get());
        assertEquals(
                List.of(true, true, false, true),
                viewModel.checkResults().stream().map(CheckLine::passed).toList());
        assertEquals(
                StatusMessage.error("The check found a problem: see the lines marked ✗."),
                viewModel.statusProperty().get());
    }

    /** Holds the background work until the test decides; deadlines pass when the test says so. */
    private static final class HeldTasks implements TaskRunner {
        final List<Runnable> deadlines = new ArrayList<>();
        int started;
        int cancelled;

        @Override
        public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            started++;
            return () -> cancelled++;
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        @Override
        public Running schedule(Duration delay, Runnable action) {
            deadlines.add(action);
            return () -> deadlines.remove(action);
        }

        @Override
        public void close() {}
    }

    @Test
    void aCheckThatTakesTooLongIsStoppedAndSaysSo() {
        HeldTasks held = new HeldTasks();
        ConnectViewModel viewModel = screen(held, AppConfig.demoDefaults(), Optional.empty());
        type(viewModel, ConnectField.DOMAIN, "acme.eu.auth0.com");
        viewModel.check();
        assertEquals(ConnectState.CHECKING, viewModel.stateProperty().get());
        assertEquals(
                "Checking https://acme.eu.auth0.com…",
                viewModel.progressTextProperty().get());
        assertEquals(1, held.deadlines.size());

        held.deadlines.get(0).run();

        assertEquals(1, held.cancelled, "the check itself is stopped");
        assertEquals(ConnectState.CHECK_FAILED, viewModel.stateProperty().get());
        assertEquals(
                "https://acme.eu.auth0.com did not answer within 20 seconds. Check this computer's network"
                        + " connection (and proxy, if you use one), then try again.",
                viewModel.checkResults().get(0).text());
        assertEquals("", viewModel.progressTextProperty().get());
    }

    @Test
    void cancelStopsARunningCheckFirstAndOnlyThenLeaves() {
        HeldTasks held = new HeldTasks();
        ConnectViewModel viewModel = screen(held, AppConfig.demoDefaults(), Optional.empty());
        type(viewModel, ConnectField.DOMAIN, "acme.eu.auth0.com");
        viewModel.check();

        viewModel.cancel();
        assertEquals(1, held.cancelled);
        assertTrue(held.deadlines.isEmpty());
        assertEquals(ConnectState.EDITING, viewModel.stateProperty().get());
        assertEquals(
                StatusMessage.info("The check was cancelled."),
                viewModel.statusProperty().get());
        assertTrue(exits.isEmpty());

        viewModel.cancel();
        assertEquals(List.of("cancelled"), exits);
    }

    @Test
    void saveWritesTheSettingsFileThenHandsOver() throws Exception {
        ConnectViewModel viewModel = screen();
        type(viewModel, ConnectField.DOMAIN, tenant.baseUrl());
        type(viewModel, ConnectField.CLIENT_ID, tenant.clientId());
        type(viewModel, ConnectField.CONNECTIONS, "github");
        type(viewModel, ConnectField.BROWSER_CONNECTIONS, "none");

        viewModel.save();

        assertEquals(List.of("saved"), exits);
        AppConfig saved = ConfigSources.settingsFileOnly(settingsFile).load();
        assertEquals(tenant.baseUrl(), saved.tenant().orElseThrow().address().baseUrl());
        assertEquals(tenant.clientId(), saved.tenant().orElseThrow().clientId());
        assertEquals(List.of("github"), saved.connections());
        assertEquals(
                SignInWays.embeddedOnly().browserConnections(), saved.ways().browserConnections());
    }

    @Test
    void saveWithMissingFieldsMarksThemAndWritesNothing() {
        ConnectViewModel viewModel = screen();
        viewModel.save();
        assertEquals("Enter your tenant’s domain, e.g. acme.eu.auth0.com.", error(viewModel, ConnectField.DOMAIN));
        assertTrue(
                error(viewModel, ConnectField.CLIENT_ID).startsWith("Enter the client ID of your Native application"));
        assertEquals(StatusMessage.Kind.ERROR, viewModel.statusProperty().get().kind());
        assertFalse(Files.exists(settingsFile));
        assertTrue(exits.isEmpty());
        assertEquals(ConnectField.DOMAIN, viewModel.fieldToFixProperty().get(), "the person is sent to the first one");
    }

    @Test
    void aSettingsFileThatCannotBeWrittenSaysSoAndStays() throws Exception {
        Files.writeString(folder.resolve("account-linker"), "a file where the folder should be");
        ConnectViewModel viewModel = screen();
        type(viewModel, ConnectField.DOMAIN, "acme.eu.auth0.com");
        type(viewModel, ConnectField.CLIENT_ID, "abc");
        viewModel.save();
        assertTrue(exits.isEmpty());
        assertEquals(
                StatusMessage.error("The settings could not be saved to " + settingsFile.toAbsolutePath()
                        + ". Check that your user may write to that folder and that the disk is not full."),
                viewModel.statusProperty().get());
        assertEquals(ConnectState.EDITING, viewModel.stateProperty().get());
    }

    @Test
    void aBrokenSettingsFileOpensWithItsValuesAndTheBadFieldMarked() throws Exception {
        Files.createDirectories(settingsFile.getParent());
        Files.writeString(settingsFile, "domain=http://acme.eu.auth0.com\nclient-id=Acme1\nloopback-port=28999\n");
        ConfigException problem = assertProblem();

        ConnectViewModel viewModel =
                screen(tasks, ConfigSources.settingsFileOnly(settingsFile).fallback(), Optional.of(problem));

        assertEquals(
                "http://acme.eu.auth0.com",
                viewModel.textProperty(ConnectField.DOMAIN).get());
        assertEquals("Acme1", viewModel.textProperty(ConnectField.CLIENT_ID).get());
        assertTrue(error(viewModel, ConnectField.DOMAIN).startsWith("Plain http:// is allowed only"));
        assertEquals(ConnectField.DOMAIN, viewModel.initialFocus());
        assertEquals(
                StatusMessage.error("Your settings file " + settingsFile.toAbsolutePath() + " has a value that"
                        + " cannot be used. Fix the marked field and save."),
                viewModel.problemProperty().get());

        type(viewModel, ConnectField.DOMAIN, "acme.eu.auth0.com");
        viewModel.save();
        assertEquals(List.of("saved"), exits);
        assertEquals(
                "domain=acme.eu.auth0.com\nclient-id=Acme1\nloopback-port=28999\n", Files.readString(settingsFile));
    }

    @Test
    void aMissingClientIdIsMarkedAsRequiredAndAnUnknownKeyIsAnnouncedAsRemoved() throws Exception {
        Files.createDirectories(settingsFile.getParent());
        Files.writeString(settingsFile, "domain=acme.eu.auth0.com\n");
        ConnectViewModel missing = screen(tasks, AppConfig.demoDefaults(), Optional.of(assertProblem()));
        assertEquals(ConnectField.CLIENT_ID, missing.initialFocus());
        assertTrue(error(missing, ConnectField.CLIENT_ID).startsWith("Enter the client ID"));

        Files.writeString(settingsFile, "domain=acme.eu.auth0.com\nclientid=Acme1\n");
        ConnectViewModel unknown = screen(tasks, AppConfig.demoDefaults(), Optional.of(assertProblem()));
        assertEquals(
                StatusMessage.error("Unknown setting \"clientid\" in " + settingsFile.toAbsolutePath() + ". Known"
                        + " settings: domain, client-id, connections, redirect-uri, browser-connections, loopback-port, sign-in-hosts, proxy, theme, language."
                        + " Saving repairs the file with the values below and removes: clientid."),
                unknown.problemProperty().get());
    }

    @Test
    void aTenantConfiguredElsewhereIsFilledIn() throws Exception {
        AppConfig fromEnvironment = ConfigLoader.load(
                List.of(),
                Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "Acme1", "AUTH0_CONNECTIONS", "github"),
                settingsFile);
        ConnectViewModel viewModel = screen(tasks, fromEnvironment, Optional.empty());
        assertEquals(
                "acme.eu.auth0.com", viewModel.textProperty(ConnectField.DOMAIN).get());
        assertEquals("Acme1", viewModel.textProperty(ConnectField.CLIENT_ID).get());
        assertEquals("github", viewModel.textProperty(ConnectField.CONNECTIONS).get());

        viewModel.tryDemo();
        assertEquals(List.of("demo"), exits);
    }

    private ConfigException assertProblem() {
        try {
            ConfigSources.settingsFileOnly(settingsFile).load();
        } catch (ConfigException problem) {
            return problem;
        }
        throw new AssertionError("the settings file should not load");
    }
}
