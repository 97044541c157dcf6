package dev.accountlinker.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the user configured. In demo mode the tenant is the built-in local one, whose address is only
 * known once it has started: {@link #resolve(TenantAddress, String)} then yields the {@link TenantSettings}.
 *
 * @param redirectUri the embedded sign-in's callback as configured ({@code redirect-uri}); empty: the default on the
 *                  tenant's own address, {@link #defaultRedirectUri(TenantAddress)}
 * @param proxy     how connections reach the network ({@code --proxy}; automatic when not configured)
 * @param installer what an organisation's build decided (product name, demo and connect screen offered or not)
 * @param signInHosts the identity providers' hosts the embedded sign-in window may show besides the tenant's own
 *                    ({@code --sign-in-hosts}; {@link #DEFAULT_SIGN_IN_HOSTS} when not configured)
 */
public record AppConfig(
        boolean demo,
        Optional<TenantSettings> tenant,
        List<String> connections,
        Optional<URI> redirectUri,
        SignInWays ways,
        ProxySetting proxy,
        InstallerOptions installer,
        List<String> signInHosts) {
    /**
     * Path of the default embedded callback on the tenant's own domain: Auth0's WPF/WinForms quickstart registers
     * {@code https://{yourDomain}/mobile} for its embedded browser. Auth0 treats it as verifiable (no "confirm this
     * app" screen), and the sign-in window catches it before any request is made.
     */
    public static final String DEFAULT_CALLBACK_PATH = "/mobile";
    /** The embedded default up to 0.1.0: still accepted when configured explicitly (Auth0 then asks to confirm). */
    public static final URI LEGACY_LOOPBACK_REDIRECT_URI = URI.create("http://127.0.0.1/callback");

    public static final List<String> DEMO_CONNECTIONS = List.of("google-oauth2", "github");
    /**
     * Where the providers the app knows (see the connection names in the bundles and {@code Icons.forProvider}) let
     * a person sign in: Google, GitHub, Microsoft (work and personal accounts), Apple, Facebook, LinkedIn, X.
     */
    public static final List<String> DEFAULT_SIGN_IN_HOSTS = List.of(
            "accounts.google.com",
            "github.com",
            "login.microsoftonline.com",
            "login.live.com",
            "account.live.com",
            "appleid.apple.com",
            "www.facebook.com",
            "m.facebook.com",
            "www.linkedin.com",
            "api.twitter.com",
            "twitter.com",
            "x.com");

    public AppConfig {
        connections = List.copyOf(connections);
        signInHosts = List.copyOf(signInHosts);
    }

    /** The default sign-in hosts. */
    public AppConfig(
            boolean demo,
            Optional<TenantSettings> tenant,
            List<String> connections,
            Optional<URI> redirectUri,
            SignInWays ways,
            ProxySetting proxy,
            InstallerOptions installer) {
        this(demo, tenant, connections, redirectUri, ways, proxy, installer, DEFAULT_SIGN_IN_HOSTS);
    }

    /** Automatic proxy, no installer settings. */
    public AppConfig(
            boolean demo,
            Optional<TenantSettings> tenant,
            List<String> connections,
            Optional<URI> redirectUri,
            SignInWays ways) {
        this(demo, tenant, connections, redirectUri, ways, ProxySetting.AUTOMATIC, InstallerOptions.DEFAULT);
    }

    public static AppConfig demoDefaults() {
        return new AppConfig(true, Optional.empty(), DEMO_CONNECTIONS, Optional.empty(), SignInWays.defaults());
    }

    public static AppConfig forTenant(TenantSettings settings) {
        return new AppConfig(
                false,
                Optional.of(settings),
                settings.connections(),
                Optional.of(settings.redirectUri()),
                SignInWays.defaults());
    }

    public AppConfig withWays(SignInWays newWays) {
        return new AppConfig(demo, tenant, connections, redirectUri, newWays, proxy, installer, signInHosts);
    }

    public AppConfig withProxy(ProxySetting newProxy) {
        return new AppConfig(demo, tenant, connections, redirectUri, ways, newProxy, installer, signInHosts);
    }

    public AppConfig withInstaller(InstallerOptions newInstaller) {
        return new AppConfig(demo, tenant, connections, redirectUri, ways, proxy, newInstaller, signInHosts);
    }

    public AppConfig withSignInHosts(List<String> newSignInHosts) {
        return new AppConfig(demo, tenant, connections, redirectUri, ways, proxy, installer, newSignInHosts);
    }

    /** Settings for a started demo tenant, keeping the configured connections and redirect URI (or the default). */
    public TenantSettings resolve(TenantAddress address, String clientId) {
        return new TenantSettings(address, clientId, connections, redirectUriFor(address));
    }

    /** The embedded callback for this tenant: the configured one, else {@link #defaultRedirectUri(TenantAddress)}. */
    public URI redirectUriFor(TenantAddress address) {
        return redirectUri.orElseGet(() -> defaultRedirectUri(address));
    }

    /** {@code https://{domain}/mobile}; for a tenant on this computer ({@code http://127.0.0.1:PORT}) its base URL too. */
    public static URI defaultRedirectUri(TenantAddress address) {
        return URI.create(address.baseUrl() + DEFAULT_CALLBACK_PATH);
    }
}
