package dev.accountlinker.ui.welcome;

import dev.accountlinker.AppServices;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.AppContext;
import dev.accountlinker.ui.CurrentThreadTaskRunner;
import dev.accountlinker.ui.ScriptedLogin;
import dev.accountlinker.ui.StatusMessage;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginLaunchers;
import dev.accountlinker.ui.signin.LoginSettings;
import dev.accountlinker.ui.signin.SignInFlows;
import dev.accountlinker.ui.signin.SignInHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in screen's behaviour without a window, against the real local tenant; the person is scripted. */
class WelcomeViewModelTest {
    private static final String REDIRECT = "http://127.0.0.1/callback";

    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
    private final ScriptedLogin login = new ScriptedLogin();
    private final List<SignedInAccount> signedIn = new ArrayList<>();
    private LocalTenant tenant;
    private AppContext context;

    @BeforeEach
    void startTenant() {
        tenant = LocalTenant.builder().redirectUris(List.of(REDIRECT)).start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        tenant.close();
    }

    private WelcomeViewModel screenFor(AppContext appContext) {
        context = appContext;
        context.startInBackground();
        context.signInService().exceptionally(failure -> null).join(); // ready (or failed) before the person clicks
        LoginLaunchers launchers = new LoginLaunchers(() -> login, () -> login, SignInWays.embeddedOnly());
        return new WelcomeViewModel(
                context,
                new SignInFlows(context.signInService(), tasks, launchers, new SignInHistory()),
                AuthorizeOptions.primarySignIn(),
                signedIn::add,
                StatusMessage.NONE);
    }

    private WelcomeViewModel screen() throws Exception {
        TenantSettings settings = new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(),
                List.of("github"),
                URI.create(REDIRECT));
        return screenFor(new AppServices(
                AppConfig.forTenant(settings).withWays(SignInWays.embeddedOnly()),
                Optional.empty(),
                messages,
                Clock.systemUTC(),
                tasks,
                LoginSettings.defaults(url -> BrowserOpener.Outcome.OPENED)));
    }

    @Test
    void signingInHandsTheValidatedAccountToTheNextScreen() throws Exception {
        WelcomeViewModel viewModel = screen();
        assertEquals(
                "Tenant: " + tenant.baseUrl(), viewModel.tenantTextProperty().get());
        login.signInAs("alice@example.com", "Alice-Demo-1");

        viewModel.signIn();

        assertEquals(1, signedIn.size());
        assertEquals("auth0|alice", signedIn.get(0).claims().subject());
        assertFalse(viewModel.busyProperty().get());
        assertEquals(StatusMessage.NONE, viewModel.statusProperty().get());
        assertFalse(
                login.requests().get(0).url().contains("prompt=login"),
                "the main sign-in may use the tenant's session");
    }

    @Test
    void cancellingStopsTheSignInAndSaysSoAsInformation() throws Exception {
        WelcomeViewModel viewModel = screen();
        login.neverAnswer();
        viewModel.signIn();
        assertTrue(viewModel.busyProperty().get());
        assertEquals("Preparing sign-in…", viewModel.progressTextProperty().get());

        viewModel.cancel();

        assertFalse(viewModel.busyProperty().get());
        assertEquals(
                StatusMessage.info("Sign-in was cancelled. Nothing was changed."),
                viewModel.statusProperty().get());
        assertTrue(login.everyWindowClosed());
        assertTrue(signedIn.isEmpty());
    }

    @Test
    void closingTheSignInWindowIsACancelNotAnError() throws Exception {
        WelcomeViewModel viewModel = screen();
        login.closeWindow();
        viewModel.signIn();
        assertEquals(
                StatusMessage.info("Sign-in was cancelled. Nothing was changed."),
                viewModel.statusProperty().get());
    }

    @Test
    void anErrorRedirectIsShownAsAnErrorAndSignInCanBeRetried() throws Exception {
        WelcomeViewModel viewModel = screen();
        login.errorRedirect("access_denied", "Blocked by an administrator")
                .signInAs("alice@example.com", "Alice-Demo-1");
        viewModel.signIn();
        assertEquals(
                StatusMessage.error("Sign-in did not complete: Blocked by an administrator"),
                viewModel.statusProperty().get());
        assertTrue(signedIn.isEmpty());

        viewModel.signIn();
        assertEquals(1, signedIn.size());
        assertEquals(StatusMessage.NONE, viewModel.statusProperty().get());
    }

    @Test
    void aConfigurationProblemNamesTheSettingAndBlocksSignIn() {
        ConfigException problem = new ConfigException("client-id", "config.error.missing");
        WelcomeViewModel viewModel = screenFor(new AppServices(
                AppConfig.demoDefaults(),
                Optional.of(problem),
                messages,
                Clock.systemUTC(),
                tasks,
                LoginSettings.defaults(url -> BrowserOpener.Outcome.OPENED)));
        assertTrue(viewModel.configBrokenProperty().get());
        assertEquals(StatusMessage.Kind.ERROR, viewModel.statusProperty().get().kind());
        assertTrue(viewModel.statusProperty().get().text().startsWith("The setting client-id is missing."));
        assertEquals("", viewModel.tenantTextProperty().get());

        viewModel.signIn();
        assertTrue(login.requests().isEmpty(), "no sign-in against a broken configuration");
    }

    @Test
    void theDemoInsteadOfABrokenConfigurationSignsInToTheBuiltInTenant() {
        ConfigException problem = new ConfigException("client-id", "config.error.missing");
        AppServices broken = new AppServices(
                AppConfig.demoDefaults().withWays(SignInWays.embeddedOnly()),
                Optional.of(problem),
                messages,
                Clock.systemUTC(),
                tasks,
                LoginSettings.defaults(url -> BrowserOpener.Outcome.OPENED));
        AppContext demo = broken.demoInstead();
        broken.close();
        WelcomeViewModel viewModel = screenFor(demo);
        assertFalse(viewModel.configBrokenProperty().get());
        assertTrue(viewModel.tenantTextProperty().get().contains("built-in demo tenant"));
        login.signInAs("alice@example.com", "Alice-Demo-1");

        viewModel.signIn();

        assertEquals(1, signedIn.size());
        assertEquals("alice@example.com", signedIn.get(0).claims().email().orElseThrow());
    }
}
