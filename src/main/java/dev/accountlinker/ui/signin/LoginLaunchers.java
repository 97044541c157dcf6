package dev.accountlinker.ui.signin;

import dev.accountlinker.config.SignInWays;

import java.util.Optional;
import java.util.function.Supplier;

/** The two ways to get a code, made fresh for every attempt, and the configuration that picks one. */
public record LoginLaunchers(Supplier<LoginLauncher> embedded, Supplier<LoginLauncher> browser, SignInWays ways) {
    /** Whether a sign-in for this connection (empty: the main sign-in) starts in the system browser. */
    public boolean startsInBrowser(Optional<String> connection) {
        return ways.useBrowserFor(connection);
    }
}
