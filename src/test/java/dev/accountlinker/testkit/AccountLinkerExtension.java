package dev.accountlinker.testkit;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantAccount;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginSettings;
import javafx.application.Application;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testfx.api.FxToolkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Starts, for each test, a local tenant on a random loopback port and Account Linker against it, headless (Monocle,
 * unless the run asks for real windows), and stops both after the test. What it starts comes from an
 * {@link AccountLinkerSetup}: the kit's defaults with {@link AccountLinkerTest @AccountLinkerTest}, or the test's
 * options when registered in a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final AccountLinkerExtension app = AccountLinkerExtension.builder()
 *         .user("dana@example.com", "Dana-Test-1")
 *         .connections("github")
 *         .build();
 * }</pre>
 *
 * Test and {@code @BeforeEach} methods may take an {@link AccountLinkerRobot}, {@link TenantControls},
 * {@link AccountLinkerSession}, {@link ManualDeadlines} or {@link ScriptedBrowser} parameter. A test class that
 * extends {@link AccountLinkerRobot} is itself attached to the session as its robot.
 */
public final class AccountLinkerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final Set<Class<?>> INJECTED = Set.of(
            AccountLinkerRobot.class,
            TenantControls.class,
            AccountLinkerSession.class,
            ManualDeadlines.class,
            ScriptedBrowser.class);

    static {
        HeadlessDefaults.apply();
    }

    private final AccountLinkerSetup setup;
    private final boolean declarative;
    private volatile AccountLinkerSession session;
    private volatile AccountLinkerRobot robot;

    /** The extension of {@link AccountLinkerTest @AccountLinkerTest}: the kit's defaults. */
    public AccountLinkerExtension() {
        this(new AccountLinkerSetup() {}, true);
    }

    private AccountLinkerExtension(AccountLinkerSetup setup, boolean declarative) {
        this.setup = setup;
        this.declarative = declarative;
    }

    /** Options for the tenant and the app; {@code build()} gives the extension to register in a field. */
    public static Builder builder() {
        return new Builder();
    }

    /** An extension that starts what this setup says (for base classes that implement the setup themselves). */
    public static AccountLinkerExtension withSetup(AccountLinkerSetup setup) {
        return new AccountLinkerExtension(setup, false);
    }

    /** The running test's session (its tenant and app). */
    public AccountLinkerSession session() {
        AccountLinkerSession current = session;
        if (current == null) {
            throw new IllegalStateException("no Account Linker is running: the session exists from before each test"
                    + " (and @BeforeEach methods) until after it");
        }
        return current;
    }

    /** The running test's robot. */
    public AccountLinkerRobot robot() {
        session();
        return robot;
    }

    /** The running test's tenant. */
    public TenantControls tenant() {
        return session().tenant();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (leavesTheWorkToAField(context)) {
            return;
        }
        AccountLinkerSession started = start(setup);
        session = started;
        robot = null;
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            if (instance instanceof AccountLinkerRobot testIsRobot) {
                testIsRobot.attach(started);
                robot = testIsRobot;
            }
        }
        if (robot == null) {
            robot = new AccountLinkerRobot(started);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        AccountLinkerSession running = session;
        session = null;
        robot = null;
        if (running != null) {
            stop(running);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType()) && !leavesTheWorkToAField(context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (session == null) {
            throw new ParameterResolutionException(
                    parameter.getParameter().getType().getSimpleName()
                            + " exists only while a test runs: take it in a test or @BeforeEach method, not a constructor");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == AccountLinkerRobot.class) {
            return robot;
        } else if (type == TenantControls.class) {
            return session.tenant();
        } else if (type == ManualDeadlines.class) {
            return session.deadlines();
        } else if (type == ScriptedBrowser.class) {
            return session.browser();
        }
        return session;
    }

    /** {@code @AccountLinkerTest} on a class that also registers a configured extension in a field: the field wins. */
    private boolean leavesTheWorkToAField(ExtensionContext context) {
        if (!declarative) {
            return false;
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            boolean registered = AnnotationSupport.findAnnotatedFields(type, RegisterExtension.class).stream()
                    .anyMatch(field -> AccountLinkerExtension.class.isAssignableFrom(field.getType()));
            if (registered) {
                return true;
            }
        }
        return false;
    }

    private static AccountLinkerSession start(AccountLinkerSetup setup) throws Exception {
        HeadlessDefaults.apply();
        CallbackRecorder callbacks = null;
        LocalTenant tenant = null;
        try {
            SignInWays ways = setup.signInWays();
            AdjustableClock clock = new AdjustableClock();
            // The app's embedded callback (the tenant's own /mobile) is registered once the tenant has started.
            List<String> redirectUris = new ArrayList<>(List.of(LocalTenant.LOOPBACK_REDIRECT_URI));
            // As an admin does for a real tenant: every loopback callback URL the system-browser way may use, exactly.
            ways.callbackUris().forEach(uri -> redirectUris.add(uri.toString()));
            tenant = setup.tenant(LocalTenant.builder()
                            .clock(clock)
                            .signingKey(TestSigningKey.shared())
                            .redirectUris(redirectUris)
                            .logoutUrls(ways.signedOutUris().stream()
                                    .map(URI::toString)
                                    .toList())
                            .seedDemoUsers(true))
                    .start();
            callbacks = CallbackRecorder.onTenant(tenant);
            AccountLinkerSession session = new AccountLinkerSession(
                    setup, tenant, clock, callbacks, new ManualDeadlines(), new ScriptedBrowser(), ways);
            AppServices services = setup.services(session);
            FxToolkit.registerPrimaryStage();
            Application application = FxToolkit.setupApplication(() -> new AccountLinkerApp(services));
            session.started(services, application);
            return session;
        } catch (Exception | Error e) {
            if (tenant != null) {
                tenant.close();
            }
            if (callbacks != null) {
                callbacks.close();
            }
            throw e;
        }
    }

    private static void stop(AccountLinkerSession session) {
        try {
            session.quit();
        } finally {
            session.tenant().localTenant().close();
            session.callbacks().close();
        }
    }

    /** Makes the app's services for a session (may throw, like any test setup). */
    @FunctionalInterface
    public interface ServicesFactory {
        AppServices create(AccountLinkerSession session) throws Exception;
    }

    /** Changes the app's settings for the test tenant (may throw, as parsing an address does). */
    @FunctionalInterface
    public interface SettingsChange {
        TenantSettings apply(TenantSettings defaults) throws Exception;
    }

    /** The options a kit test can choose; each has the kit's default. */
    public static final class Builder {
        private final List<TenantAccount> users = new ArrayList<>();
        private boolean demoAccounts = true;
        private List<String> connections = List.of("google-oauth2", "github");
        private SignInWays signInWays = SignInWays.embeddedOnly();
        private BrowserOpener browser;
        private Duration loginTimeout = LoginSettings.DEFAULT_TIMEOUT;
        private UnaryOperator<LocalTenant.Builder> tenant = UnaryOperator.identity();
        private SettingsChange tenantSettings = settings -> settings;
        private ConfigException configProblem;
        private ServicesFactory services;

        private Builder() {}

        /** The tenant's users are these instead of the demo accounts (see {@code TenantAccount.builder()}). */
        public Builder users(TenantAccount... accounts) {
            demoAccounts = false;
            users.addAll(List.of(accounts));
            return this;
        }

        /**
         * Adds a verified email-and-password user (user id {@code auth0|<the email's local part>}); the demo accounts
         * are then left out unless {@link #demoAccounts(boolean) demoAccounts(true)} is called afterwards.
         */
        public Builder user(String email, String password) {
            return users(TenantAccount.builder()
                    .email(email)
                    .password(password)
                    .userId("auth0|" + email.substring(0, Math.max(1, email.indexOf('@'))))
                    .build());
        }

        /** Whether the demo accounts (docs/local-tenant.md, "Demo tenant and its accounts") are seeded: yes unless users are given. */
        public Builder demoAccounts(boolean seed) {
            demoAccounts = seed;
            return this;
        }

        /** The connections with a Link button (default google-oauth2 and github). */
        public Builder connections(String... names) {
            connections = List.of(names);
            return this;
        }

        /**
         * Which sign-ins use the system browser, e.g. {@code SignInWays.defaults().withLoopbackPort(port)} (Google in
         * the browser on that port); by default every sign-in is embedded. The tenant registers the ways' callback
         * and signed-out URLs.
         */
        public Builder signInWays(SignInWays ways) {
            signInWays = ways;
            return this;
        }

        /** Replaces the kit's {@link ScriptedBrowser} as the system browser. */
        public Builder browser(BrowserOpener opener) {
            browser = opener;
            return this;
        }

        /**
         * The app's sign-in timeout (default as in the app). The sign-in window's and the browser wait's deadlines
         * still pass only when the test calls {@code deadlines().expireAll()}; the browser way's loopback listener
         * also stops by itself this long (plus a margin) after it started.
         */
        public Builder loginTimeout(Duration timeout) {
            loginTimeout = timeout;
            return this;
        }

        /** Anything else about the tenant: HTTPS, lifetimes, a rate limit, strictness switches. */
        public Builder tenant(UnaryOperator<LocalTenant.Builder> change) {
            tenant = change;
            return this;
        }

        /**
         * Changes the app's settings for the test tenant, e.g. {@code settings -> settings.withTimeouts(...)}, or
         * replaces them ({@code new TenantSettings(TenantAddress.parse(...), settings.clientId(), ...)}).
         */
        public Builder tenantSettings(SettingsChange change) {
            tenantSettings = change;
            return this;
        }

        /** The app starts as with a configuration it cannot use: this problem shown, the demo tenant offered. */
        public Builder configProblem(ConfigException problem) {
            configProblem = problem;
            return this;
        }

        /** The app's services made by the test itself (any configuration, settings file or proxy). */
        public Builder services(ServicesFactory factory) {
            services = factory;
            return this;
        }

        public AccountLinkerExtension build() {
            List<TenantAccount> accounts = List.copyOf(users);
            boolean seedDemo = demoAccounts;
            List<String> linkConnections = connections;
            SignInWays ways = signInWays;
            BrowserOpener opener = browser;
            Duration timeout = loginTimeout;
            UnaryOperator<LocalTenant.Builder> tenantChange = tenant;
            SettingsChange settingsChange = tenantSettings;
            ConfigException problem = configProblem;
            ServicesFactory factory = services;
            return withSetup(new AccountLinkerSetup() {
                @Override
                public List<String> connections() {
                    return linkConnections;
                }

                @Override
                public SignInWays signInWays() {
                    return ways;
                }

                @Override
                public LocalTenant.Builder tenant(LocalTenant.Builder builder) {
                    builder.seedDemoUsers(seedDemo);
                    accounts.forEach(builder::account);
                    return tenantChange.apply(builder);
                }

                @Override
                public LoginSettings loginSettings(AccountLinkerSession session) {
                    return new LoginSettings(timeout, opener != null ? opener : session.browser());
                }

                @Override
                public TenantSettings tenantSettings(AccountLinkerSession session) throws Exception {
                    return settingsChange.apply(session.defaultTenantSettings());
                }

                @Override
                public AppServices services(AccountLinkerSession session) throws Exception {
                    if (factory != null) {
                        return factory.create(session);
                    }
                    if (problem != null) {
                        return new AppServices(
                                AppConfig.demoDefaults().withWays(ways),
                                Optional.of(problem),
                                Messages.forDefaultLocale(),
                                Clock.systemDefaultZone(),
                                session.deadlines(),
                                session.loginSettings());
                    }
                    return session.defaultServices();
                }
            });
        }
    }
}
