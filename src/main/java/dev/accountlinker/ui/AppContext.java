package dev.accountlinker.ui;

import dev.accountlinker.auth.SignInService;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.signin.LoginSettings;

import java.io.File;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the screens need from the application, wired once at start (the root package's {@code AppServices}
 * implements it): the UI depends on this interface, never on the root package.
 */
public interface AppContext extends AutoCloseable {
    AppConfig config();

    /** A configuration that could not be used; the sign-in screen names the setting and offers the demo. */
    Optional<ConfigException> configProblem();

    Messages messages();

    ErrorTranslator errors();

    /** The clock every rule about time uses (token expiry, "try again at"). */
    Clock clock();

    TaskRunner tasks();

    LoginSettings loginSettings();

    /** Completes once the tenant (the demo one, if used) and the sign-in client are ready. */
    CompletableFuture<SignInService> signInService();

    /** Starts what is slow to start (demo tenant, HTTP clients) off the UI thread; called after the first frame. */
    void startInBackground();

    /** WebKit's private storage folder for this run, made on first use and deleted on close. */
    File webDataFolder();

    /** True when the sign-in windows hold cookies (someone signed in in the embedded window). */
    boolean hasWebSession();

    /** Forgets the web session (SSO cookie) of every sign-in window. */
    void clearWebSession();

    /**
     * Deletes WebKit's data folder and what the sign-in windows stored there (local storage, caches): the next
     * {@link #webDataFolder()} is a fresh, empty one. Signing out does this, so the next person starts clean.
     */
    void wipeWebData();

    /** A context for the built-in demo tenant instead of a broken configuration, keeping language, runner and login settings. */
    AppContext demoInstead();

    /**
     * A context read again from where this one's configuration came from (after the connect screen saved the
     * settings file): what the app would start with now. Keeps language, runner and login settings.
     */
    AppContext reloaded();

    /** The user's settings file, which the connect screen reads and writes. */
    UserSettingsFile userSettings();

    /** The theme to start with (the {@code theme} setting, else following the system); the menu saves a new choice. */
    ThemeSetting themeSetting();

    /** The built-in demo tenant's accounts, for the sign-in screen to list in demo mode; empty otherwise. */
    List<DemoAccount> demoAccounts();

    /** The proxy rules every connection follows (the connect screen's check uses them too). */
    ProxySelector proxies();

    /** Stops the demo tenant and deletes the web session's traces; the task runner stays for the next context. */
    @Override
    void close();
}
