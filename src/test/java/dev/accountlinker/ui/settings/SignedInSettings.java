package dev.accountlinker.ui.settings;

import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.AuthorizeOptions;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.MutableClock;
import dev.accountlinker.testkit.TenantBrowser;
import dev.accountlinker.testkit.TestSigningKey;
import dev.accountlinker.ui.ScriptedConfirmations;
import dev.accountlinker.ui.ScriptedLogin;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.signin.LoginLaunchers;
import dev.accountlinker.ui.signin.SignInFlows;
import dev.accountlinker.ui.signin.SignInHistory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A local tenant with the demo accounts (Link buttons for Google and GitHub) and the settings screen's real view
 * model for a person signed in to it over real HTTP, without a window: the tenant's login page is answered as a
 * browser would ({@link TenantBrowser}); later sign-ins and the confirmations are the test's script.
 */
final class SignedInSettings implements AutoCloseable {
    static final String REDIRECT = "http://127.0.0.1/callback";

    final Messages messages = Messages.forLocale(Locale.ENGLISH);
    /** One clock for the tenant and the app: a wait for the rate limit moves it on instead of sleeping. */
    final MutableClock clock = new MutableClock(Instant.now());

    final ScriptedLogin login = new ScriptedLogin();
    final ScriptedConfirmations confirmations = new ScriptedConfirmations();
    final List<Confirmations.SignOut> signedOut = new ArrayList<>();
    final LocalTenant tenant;
    final TenantSettings settings;
    private final SignInService signIn;

    SignedInSettings() throws Exception {
        tenant = LocalTenant.builder()
                .redirectUris(List.of(REDIRECT))
                .clock(clock)
                .signingKey(TestSigningKey.shared()) // the kit's fixed key: making one costs seconds
                .start();
        settings = new TenantSettings(
                TenantAddress.parse("domain", tenant.baseUrl()),
                tenant.clientId(),
                List.of("google-oauth2", "github"),
                URI.create(REDIRECT));
        signIn = new SignInService(settings, clock, Locale.ENGLISH);
    }

    /** Signs {@code email} in on the tenant's page, as the sign-in screen would. */
    SignedInAccount signedIn(String email, String password) throws Exception {
        AuthorizationRequest request = signIn.newAuthorization(AuthorizeOptions.primarySignIn());
        URI callback = new TenantBrowser(REDIRECT).signIn(request.url(), email, password);
        return signIn.complete(
                request,
                CallbackResponse.match(callback.toString(), request.redirectUri())
                        .orElseThrow());
    }

    /** The settings screen's view model for {@code account}, its work on {@code tasks}; it has not read anything yet. */
    SettingsViewModel viewModel(SignedInAccount account, TaskRunner tasks) {
        return viewModel(account, tasks, confirmations);
    }

    /**
     * The same with other confirmations: the app's own dialogs ({@link ConfirmationDialogs}), for a test of what the
     * person sees and chooses in them.
     */
    SettingsViewModel viewModel(SignedInAccount account, TaskRunner tasks, Confirmations asked) {
        LoginLaunchers launchers = new LoginLaunchers(() -> login, () -> login, SignInWays.embeddedOnly());
        SettingsContext context = new SettingsContext(
                settings,
                messages,
                new ErrorTranslator(clock),
                tasks,
                new SignInFlows(CompletableFuture.completedFuture(signIn), tasks, launchers, new SignInHistory()),
                new RequestPolicy(clock, (until, cancelled) -> clock.advanceTo(until)));
        return new SettingsViewModel(context, account, asked, signedOut::add);
    }

    /** How many requests with this method the tenant saw on a path containing {@code pathPart}. */
    long requestsTo(String method, String pathPart) {
        return tenant.requests().stream()
                .filter(request ->
                        request.method().equals(method) && request.path().contains(pathPart))
                .count();
    }

    @Override
    public void close() {
        tenant.close();
    }
}
