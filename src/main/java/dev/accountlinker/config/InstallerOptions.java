package dev.accountlinker.config;

import java.util.Optional;

/**
 * What an organisation's build decides, from the installer settings file only (keys {@code product-name},
 * {@code offer-demo}, {@code offer-connect}): the name shown in the window title and on the sign-in screen, and
 * whether the built-in demo and the "Connect your Auth0 tenant" screen are offered at all.
 */
public record InstallerOptions(Optional<String> productName, boolean offerDemo, boolean offerConnect) {
    /** The app as the project ships it: its own name, demo and connect screen offered. */
    public static final InstallerOptions DEFAULT = new InstallerOptions(Optional.empty(), true, true);

    public InstallerOptions {
        productName = productName.map(String::strip).filter(name -> !name.isEmpty());
    }
}
