package dev.accountlinker.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the user configured. In demo mode the tenant is the built-in local one, whose address is only
 * known once it has started: {@link #resolve(TenantAddress, String)} then yields the {@link TenantSettings}.
 *
 * @param proxy     how connections reach the network ({@code --proxy}; automatic when not configured)
 * @param installer what an organisation's build decided (product name, demo and connect screen offered or not)
 */
public record AppConfig(
        boolean demo,
        Optional<TenantSettings> tenant,
        List<String> connections,
        URI redirectUri,
        SignInWays ways,
        ProxySetting proxy,
        InstallerOptions installer) {
    public static final URI DEFAULT_REDIRECT_URI = URI.create("http://127.0.0.1/callback");
    public static final List<String> DEMO_CONNECTIONS = List.of("google-oauth2", "github");

    public AppConfig {
        connections = List.copyOf(connections);
    }

    /** Automatic proxy, no installer settings. */
    public AppConfig(
            boolean demo, Optional<TenantSettings> tenant, List<String> connections, URI redirectUri, SignInWays ways) {
        this(demo, tenant, connections, redirectUri, ways, ProxySetting.AUTOMATIC, InstallerOptions.DEFAULT);
    }

    public static AppConfig demoDefaults() {
        return new AppConfig(true, Optional.empty(), DEMO_CONNECTIONS, DEFAULT_REDIRECT_URI, SignInWays.defaults());
    }

    public static AppConfig forTenant(TenantSettings settings) {
        return new AppConfig(
                false, Optional.of(settings), settings.connections(), settings.redirectUri(), SignInWays.defaults());
    }

    public AppConfig withWays(SignInWays newWays) {
        return new AppConfig(demo, tenant, connections, redirectUri, newWays, proxy, installer);
    }

    public AppConfig withProxy(ProxySetting newProxy) {
        return new AppConfig(demo, tenant, connections, redirectUri, ways, newProxy, installer);
    }

    public AppConfig withInstaller(InstallerOptions newInstaller) {
        return new AppConfig(demo, tenant, connections, redirectUri, ways, proxy, newInstaller);
    }

    /** Settings for a started demo tenant, keeping the configured connections and redirect URI. */
    public TenantSettings resolve(TenantAddress address, String clientId) {
        return new TenantSettings(address, clientId, connections, redirectUri);
    }
}
