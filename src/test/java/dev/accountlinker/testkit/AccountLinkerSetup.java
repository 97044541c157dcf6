package dev.accountlinker.testkit;

import dev.accountlinker.AppServices;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.signin.LoginSettings;

import java.util.List;

/**
 * What a kit test starts: every method has the kit's default, and each can be replaced. Testers usually get one from
 * {@link AccountLinkerExtension#builder()}; a base class of many tests can implement it instead. The methods are
 * called in the order they are listed, once per test; those that take the {@link AccountLinkerSession} run after
 * the tenant has started.
 */
public interface AccountLinkerSetup {
    /** The connections the app offers a Link button for. */
    default List<String> connections() {
        return List.of("google-oauth2", "github");
    }

    /** Which sign-ins happen in the system browser, and on which loopback port: by default every one is embedded. */
    default SignInWays signInWays() {
        return SignInWays.embeddedOnly();
    }

    /**
     * The local tenant, from a builder that already has the demo accounts, the test's clock and every redirect and
     * logout URL the app uses: add users ({@code seedDemoUsers(false).account(...)}), HTTPS, lifetimes, a rate limit.
     */
    default LocalTenant.Builder tenant(LocalTenant.Builder tenant) {
        return tenant;
    }

    /** How sign-in windows behave; by default the kit's {@link ScriptedBrowser} is the system browser. */
    default LoginSettings loginSettings(AccountLinkerSession session) throws Exception {
        return LoginSettings.defaults(session.browser());
    }

    /** The app's settings for the test tenant (address, client, connections, redirect URI, timeouts). */
    default TenantSettings tenantSettings(AccountLinkerSession session) throws Exception {
        return session.defaultTenantSettings();
    }

    /** The services the app starts with: replace them to start on another configuration altogether. */
    default AppServices services(AccountLinkerSession session) throws Exception {
        return session.defaultServices();
    }
}
