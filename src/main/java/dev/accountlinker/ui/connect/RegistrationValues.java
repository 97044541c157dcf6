package dev.accountlinker.ui.connect;

import dev.accountlinker.auth.SignInService;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.i18n.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "What to register in Auth0": the exact values to enter in the dashboard for this app, read from the configuration
 * in use (its redirect URI, or the default on the typed domain, and its loopback ports), so they always match what
 * the app will send; nothing the app does not use.
 */
final class RegistrationValues {
    /** Every OIDC application gets these; the dashboard asks only for the API's own scopes. */
    private static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email");

    private final AppConfig current;
    private final Messages messages;
    private final Map<RegistrationItem, ReadOnlyStringWrapper> values = new EnumMap<>(RegistrationItem.class);

    RegistrationValues(AppConfig current, Messages messages) {
        this.current = current;
        this.messages = messages;
        for (RegistrationItem item : RegistrationItem.values()) {
            values.put(item, new ReadOnlyStringWrapper(""));
        }
    }

    /** Follows the domain typed so far (the API's identifier and the embedded callback are on the tenant's address). */
    void update(Optional<TenantAddress> address) {
        valuesFor(current, address, messages)
                .forEach((item, value) -> values.get(item).set(value));
    }

    ReadOnlyStringProperty property(RegistrationItem item) {
        return values.get(item).getReadOnlyProperty();
    }

    /** Every item's value; the API's identifier is a placeholder until a usable address is typed. */
    static Map<RegistrationItem, String> valuesFor(
            AppConfig current, Optional<TenantAddress> address, Messages messages) {
        List<String> callbacks = new ArrayList<>();
        // The embedded sign-in's callback on the tenant's own domain (verifiable: no "confirm this app"), then the
        // system browser's loopback ones, which Auth0 confirms in the browser.
        callbacks.add(current.redirectUri()
                .map(URI::toString)
                .or(() -> address.map(AppConfig::defaultRedirectUri).map(URI::toString))
                .orElse(messages.get("connect.registration.callbackPlaceholder")));
        current.ways().callbackUris().forEach(uri -> callbacks.add(uri.toString()));
        Map<RegistrationItem, String> values = new EnumMap<>(RegistrationItem.class);
        values.put(RegistrationItem.APPLICATION_TYPE, messages.get("connect.registration.native"));
        values.put(RegistrationItem.CALLBACK_URLS, String.join(", ", callbacks));
        values.put(
                RegistrationItem.LOGOUT_URLS,
                current.ways().signedOutUris().stream().map(URI::toString).collect(Collectors.joining(", ")));
        values.put(
                RegistrationItem.API,
                address.map(TenantAddress::managementAudience)
                        .orElse(messages.get("connect.registration.apiPlaceholder")));
        values.put(
                RegistrationItem.SCOPES,
                Arrays.stream(SignInService.SCOPE.split(" "))
                        .filter(scope -> !OIDC_SCOPES.contains(scope))
                        .collect(Collectors.joining(" ")));
        return values;
    }
}
