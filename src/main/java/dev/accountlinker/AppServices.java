package dev.accountlinker;

import dev.accountlinker.auth.SignInService;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.net.JvmProxy;
import dev.accountlinker.net.ProxyRules;
import dev.accountlinker.net.Route;
import dev.accountlinker.ui.AppContext;
import dev.accountlinker.ui.DemoAccount;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.signin.LoginSettings;
import dev.accountlinker.ui.signin.WebDataFolder;

import java.io.File;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the screens share, wired once. Nothing slow happens in the constructor: the demo tenant and the
 * sign-in client are started by {@link #startInBackground()} once the first window is on screen.
 */
public final class AppServices implements AppContext {
    private final AppConfig config;
    private final Optional<ConfigException> configProblem;
    private final Messages messages;
    private final Clock clock;
    private final TaskRunner tasks;
    private final LoginSettings loginSettings;
    private final ErrorTranslator errorTranslator;
    private final CookieManager cookies;
    private final CompletableFuture<SignInService> signInService = new CompletableFuture<>();
    private volatile LocalTenant demoTenant;
    private final WebDataFolder webData = WebDataFolder.inTemporaryFolder();
    private final ConfigSources sources;
    private final ProxyRules proxies;

    public AppServices(
            AppConfig config,
            Optional<ConfigException> configProblem,
            Messages messages,
            Clock clock,
            TaskRunner tasks,
            LoginSettings loginSettings) {
        this(
                config,
                configProblem,
                messages,
                clock,
                tasks,
                loginSettings,
                ConfigSources.ofProcess(java.util.List.of()));
    }

    /** @param sources where the configuration came from: read again after the connect screen saved the settings */
    public AppServices(
            AppConfig config,
            Optional<ConfigException> configProblem,
            Messages messages,
            Clock clock,
            TaskRunner tasks,
            LoginSettings loginSettings,
            ConfigSources sources) {
        this.config = config;
        this.configProblem = configProblem;
        this.messages = messages;
        this.clock = clock;
        this.tasks = tasks;
        this.loginSettings = loginSettings;
        this.sources = sources;
        // Before any WebView exists: WebKit's HTTP client takes the JVM's default selector when it first loads.
        this.proxies = ProxyRules.of(config.proxy(), sources.environment(), System.getProperty("os.name", ""));
        JvmProxy.use(proxies);
        this.errorTranslator = new ErrorTranslator(
                clock,
                config.tenant()
                        .map(tenant -> proxies.routeTo(tenant.address().baseUri()))
                        .orElse(Route.direct("")));
        this.cookies = installCookieManager();
    }

    /**
     * The services for what {@code sources} configure; a configuration that cannot be used gives the demo's services
     * with the problem, so the window still opens and names the setting to fix.
     */
    public static AppServices fromSources(
            ConfigSources sources, Messages messages, Clock clock, TaskRunner tasks, LoginSettings loginSettings) {
        try {
            return new AppServices(sources.load(), Optional.empty(), messages, clock, tasks, loginSettings, sources);
        } catch (ConfigException problem) {
            return new AppServices(
                    sources.fallback(), Optional.of(problem), messages, clock, tasks, loginSettings, sources);
        }
    }

    /**
     * WebKit captures the default cookie handler when it loads its first page, so ours must be in place
     * before any WebView exists; only then does clearing it really end the web session.
     */
    private static CookieManager installCookieManager() {
        if (CookieHandler.getDefault() instanceof CookieManager existing) {
            return existing;
        }
        CookieManager manager = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        CookieHandler.setDefault(manager);
        return manager;
    }

    @Override
    public void startInBackground() {
        webData.removeStaleInBackground(); // folders that killed runs left behind
        if (configProblem.isPresent()) {
            signInService.completeExceptionally(configProblem.get());
            return;
        }
        Thread starter = new Thread(
                () -> {
                    try {
                        TenantSettings settings =
                                config.tenant().orElseGet(this::startDemoTenant).withProxies(proxies);
                        SignInService service = new SignInService(settings, clock, messages.locale());
                        service.warmUp();
                        signInService.complete(service);
                    } catch (RuntimeException e) {
                        signInService.completeExceptionally(e);
                    }
                },
                "account-linker-startup");
        starter.setDaemon(true);
        starter.start();
    }

    private TenantSettings startDemoTenant() {
        LocalTenant tenant = LocalTenant.builder()
                .forShippedDemo()
                // Registered exactly, as an admin would in Auth0: every loopback URL now, and the embedded callback
                // (by default on the tenant's own address, known once it has started) below.
                .redirectUris(
                        config.ways().callbackUris().stream().map(URI::toString).toList())
                .logoutUrls(config.ways().signedOutUris().stream()
                        .map(URI::toString)
                        .toList())
                .seedDemoUsers(true)
                .start();
        demoTenant = tenant;
        try {
            TenantSettings settings = config.resolve(TenantAddress.parse("demo", tenant.baseUrl()), tenant.clientId());
            tenant.registerCallbackUrl(settings.redirectUri().toString());
            return settings;
        } catch (ConfigException e) {
            throw new IllegalStateException("The demo tenant's own address is always valid", e);
        }
    }

    @Override
    public AppConfig config() {
        return config;
    }

    @Override
    public Optional<ConfigException> configProblem() {
        return configProblem;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public ErrorTranslator errors() {
        return errorTranslator;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public TaskRunner tasks() {
        return tasks;
    }

    @Override
    public LoginSettings loginSettings() {
        return loginSettings;
    }

    @Override
    public CompletableFuture<SignInService> signInService() {
        return signInService;
    }

    @Override
    public AppServices demoInstead() {
        return new AppServices(
                AppConfig.demoDefaults()
                        .withProxy(config.proxy())
                        .withInstaller(config.installer())
                        .withSignInHosts(config.signInHosts()),
                Optional.empty(),
                messages,
                clock,
                tasks,
                loginSettings,
                sources);
    }

    @Override
    public AppServices reloaded() {
        return fromSources(sources, messages, clock, tasks, loginSettings);
    }

    @Override
    public UserSettingsFile userSettings() {
        return sources.userSettings();
    }

    @Override
    public ThemeSetting themeSetting() {
        return sources.theme();
    }

    /** Read from the local tenant's seed only when asked (the sign-in screen opens its list on demand). */
    @Override
    public List<DemoAccount> demoAccounts() {
        if (!config.demo()) {
            return List.of();
        }
        return LocalTenant.demoAccounts().stream()
                .map(account -> new DemoAccount(
                        account.email(),
                        account.password(),
                        account.connection(),
                        account.userId(),
                        account.linkedTo() == null ? "" : account.linkedTo()))
                .toList();
    }

    @Override
    public ProxySelector proxies() {
        return proxies;
    }

    @Override
    public boolean hasWebSession() {
        return !cookies.getCookieStore().getCookies().isEmpty();
    }

    @Override
    public void clearWebSession() {
        cookies.getCookieStore().removeAll();
    }

    @Override
    public void wipeWebData() {
        webData.delete();
    }

    /**
     * A private folder for WebKit's own storage (local storage, caches), made for this run and deleted on sign-out
     * and when the app quits, so nothing of one person's web session outlives it for the next user.
     */
    @Override
    public File webDataFolder() {
        return webData.path().toFile();
    }

    @Override
    public void close() {
        clearWebSession();
        webData.delete();
        LocalTenant tenant = demoTenant;
        if (tenant != null) {
            tenant.close();
        }
    }
}
