package dev.accountlinker.testkit;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.signin.LoginSettings;
import javafx.application.Application;
import org.testfx.api.FxToolkit;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One test's tenant and app, started by {@link AccountLinkerExtension} and stopped after the test. A test method can
 * take it as a parameter to reach the app's services or to quit and start the app again.
 */
public final class AccountLinkerSession {
    private final AccountLinkerSetup setup;
    private final LocalTenant tenant;
    private final TenantControls controls;
    private final CallbackRecorder callbacks;
    private final ManualDeadlines deadlines;
    private final ScriptedBrowser browser;
    private final SignInWays signInWays;
    private LoginSettings loginSettings;
    private volatile AppServices services;
    private volatile Application application;

    AccountLinkerSession(
            AccountLinkerSetup setup,
            LocalTenant tenant,
            AdjustableClock clock,
            CallbackRecorder callbacks,
            ManualDeadlines deadlines,
            ScriptedBrowser browser,
            SignInWays signInWays) {
        this.setup = setup;
        this.tenant = tenant;
        this.controls = new TenantControls(tenant, clock);
        this.callbacks = callbacks;
        this.deadlines = deadlines;
        this.browser = browser;
        this.signInWays = signInWays;
    }

    public TenantControls tenant() {
        return controls;
    }

    /**
     * The tenant's clock (also {@code tenant().clock()}), which the app of {@link #defaultServices()} runs on too:
     * moving it on makes time pass for both, e.g. so a sign-in is eleven minutes old.
     */
    public AdjustableClock tenantClock() {
        return controls.clock();
    }

    /**
     * The redirect URI the app is configured with (the tenant's own {@code /mobile}, as the app's default) and the
     * requests that reached it. The app catches that redirect inside its sign-in window and never requests it:
     * {@code callbacks().hits()} stays 0.
     */
    public CallbackRecorder callbacks() {
        return callbacks;
    }

    /** Sign-in windows, browser waits and tenant checks end only when the test calls {@code expireAll()}. */
    public ManualDeadlines deadlines() {
        return deadlines;
    }

    /** The kit's system browser (used unless the setup replaced the login settings). */
    public ScriptedBrowser browser() {
        return browser;
    }

    public SignInWays signInWays() {
        return signInWays;
    }

    /** The setup's login settings, made once per test. */
    public synchronized LoginSettings loginSettings() {
        if (loginSettings == null) {
            try {
                loginSettings = setup.loginSettings(this);
            } catch (Exception e) {
                throw new IllegalStateException("the test's login settings could not be made", e);
            }
        }
        return loginSettings;
    }

    /** The test tenant's address and client, the setup's connections, the recorder's redirect URI. */
    public TenantSettings defaultTenantSettings() {
        try {
            return new TenantSettings(
                    TenantAddress.parse("domain", tenant.baseUrl()),
                    tenant.clientId(),
                    setup.connections(),
                    URI.create(callbacks.redirectUri()));
        } catch (ConfigException e) {
            throw new IllegalStateException("the test tenant's address was refused: " + tenant.baseUrl(), e);
        }
    }

    /** The services of an app configured for the test tenant, with the setup's settings, ways and login settings. */
    public AppServices defaultServices() throws Exception {
        return new AppServices(
                AppConfig.forTenant(setup.tenantSettings(this)).withWays(signInWays),
                Optional.empty(),
                Messages.forDefaultLocale(),
                controls.clock(),
                deadlines,
                loginSettings());
    }

    /** The services of the running app. */
    public AppServices services() {
        return services;
    }

    /** The running app. */
    public Application application() {
        return application;
    }

    /** Quits the app (as closing its window does) and starts a new one with these services, as a person would. */
    public AppServices restart(AppServices next) {
        start(() -> new AccountLinkerApp(next));
        services = next;
        return next;
    }

    /** Quits the running app, if any, and starts the one given (e.g. an {@code AccountLinkerApp} that remembers its window). */
    public void start(Supplier<Application> next) {
        quit();
        try {
            application = FxToolkit.setupApplication(next::get);
        } catch (Exception e) {
            throw new IllegalStateException("the app did not start", e);
        }
    }

    /** Quits the running app and closes its windows. */
    public void quit() {
        Application running = application;
        application = null;
        try {
            if (running != null) {
                FxToolkit.cleanupApplication(running);
            }
            FxToolkit.cleanupStages();
        } catch (Exception e) {
            throw new IllegalStateException("the app did not quit", e);
        }
    }

    /** For code that quits and starts the app through FxToolkit itself. */
    public void replaceApplication(Application next) {
        application = next;
    }

    void started(AppServices services, Application application) {
        this.services = services;
        this.application = application;
    }

    AccountLinkerSetup setup() {
        return setup;
    }
}
