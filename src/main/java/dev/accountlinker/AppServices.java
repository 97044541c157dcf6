package dev.accountlinker;

import dev.accountlinker.auth.SignInService;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.Messages;

import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the screens share. Nothing slow happens in the constructor: the demo tenant and the sign-in
 * client are started by {@link #startInBackground()} once the first window is on screen.
 */
public final class AppServices implements AutoCloseable {
    private final AppConfig config;
    private final Optional<ConfigException> configProblem;
    private final Messages messages;
    private final Clock clock;
    private final ErrorTranslator errorTranslator;
    private final CookieManager cookies;
    private final CompletableFuture<SignInService> signInService = new CompletableFuture<>();
    private volatile LocalTenant demoTenant;
    private final dev.accountlinker.ui.login.WebDataFolder webData = dev.accountlinker.ui.login.WebDataFolder.inTemporaryFolder();
    private java.util.function.Consumer<String> browserOpener;
    private java.time.Duration loginTimeout = dev.accountlinker.ui.login.LoginWindow.DEFAULT_TIMEOUT;

    public AppServices(AppConfig config, Optional<ConfigException> configProblem, Messages messages, Clock clock) {
        this.config = config;
        this.configProblem = configProblem;
        this.messages = messages;
        this.clock = clock;
        this.errorTranslator = new ErrorTranslator(clock);
        this.cookies = installCookieManager();
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

    /** Starts the demo tenant (if used) and builds the sign-in client, on a background thread. */
    public void startInBackground() {
        webData.removeStaleInBackground(); // folders that killed runs left behind
        if (configProblem.isPresent()) {
            signInService.completeExceptionally(configProblem.get());
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                TenantSettings settings = config.tenant().orElseGet(this::startDemoTenant);
                SignInService service = new SignInService(settings, clock);
                service.warmUp();
                signInService.complete(service);
            } catch (RuntimeException e) {
                signInService.completeExceptionally(e);
            }
        }, "account-linker-startup");
        starter.setDaemon(true);
        starter.start();
    }

    private TenantSettings startDemoTenant() {
        LocalTenant tenant = LocalTenant.builder()
                .redirectUris(java.util.List.of(config.redirectUri().toString()))
                .seedDemoUsers(true)
                .start();
        demoTenant = tenant;
        try {
            return config.resolve(TenantAddress.parse("demo", tenant.baseUrl()), tenant.clientId());
        } catch (ConfigException e) {
            throw new IllegalStateException("The demo tenant's own address is always valid", e);
        }
    }

    public AppConfig config() {
        return config;
    }

    public Optional<ConfigException> configProblem() {
        return configProblem;
    }

    public Messages messages() {
        return messages;
    }

    public Clock clock() {
        return clock;
    }

    public ErrorTranslator errors() {
        return errorTranslator;
    }

    public CompletableFuture<SignInService> signInService() {
        return signInService;
    }

    /**
     * Services for the built-in demo tenant instead of a broken configuration, keeping what the app itself
     * set up (language, clock, browser opener, sign-in timeout). Call {@link #close()} on this one.
     */
    public AppServices demoInstead() {
        AppServices demo = new AppServices(AppConfig.demoDefaults(), Optional.empty(), messages, clock)
                .withLoginTimeout(loginTimeout);
        return browserOpener == null ? demo : demo.withBrowserOpener(browserOpener);
    }

    /** How long a sign-in window waits for the user before it gives up. */
    public java.time.Duration loginTimeout() {
        return loginTimeout;
    }

    public AppServices withLoginTimeout(java.time.Duration timeout) {
        this.loginTimeout = timeout;
        return this;
    }

    /** Opens a URL in the user's default browser; the app sets HostServices.showDocument, tests a scripted browser. */
    public java.util.function.Consumer<String> browserOpener() {
        return browserOpener != null ? browserOpener : url -> { };
    }

    public boolean hasBrowserOpener() {
        return browserOpener != null;
    }

    public AppServices withBrowserOpener(java.util.function.Consumer<String> opener) {
        this.browserOpener = opener;
        return this;
    }

    public Optional<LocalTenant> demoTenant() {
        return Optional.ofNullable(demoTenant);
    }

    /** Forgets the web session (SSO cookie) of every sign-in window. */
    public void clearWebSession() {
        cookies.getCookieStore().removeAll();
    }

    /**
     * A private folder for WebKit's own storage (local storage, caches), made for this run and deleted when
     * the app quits, so nothing of one person's web session outlives the app for the next user.
     */
    public java.io.File webDataDirectory() {
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
