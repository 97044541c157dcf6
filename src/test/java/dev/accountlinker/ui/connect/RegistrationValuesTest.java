package dev.accountlinker.ui.connect;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "What to register in Auth0" computed from a configuration, without a screen. */
class RegistrationValuesTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @Test
    void theApiFollowsTheDomainAndTheRestFollowsTheConfiguration() {
        AppConfig demo = AppConfig.demoDefaults();
        Map<RegistrationItem, String> none = RegistrationValues.valuesFor(demo, Optional.empty(), messages);
        assertEquals("https://YOUR-DOMAIN/api/v2/", none.get(RegistrationItem.API));
        assertEquals("Native (first-party)", none.get(RegistrationItem.APPLICATION_TYPE));
        assertEquals(
                "https://YOUR-DOMAIN/mobile, http://127.0.0.1:28471/callback, http://127.0.0.1:28472/callback,"
                        + " http://127.0.0.1:28473/callback",
                none.get(RegistrationItem.CALLBACK_URLS),
                "the embedded callback on the tenant's domain, then the system browser's loopback ones");
        assertEquals(
                "read:current_user update:current_user_identities update:current_user_metadata",
                none.get(RegistrationItem.SCOPES),
                "no OIDC scopes: the dashboard does not ask for them");

        Map<RegistrationItem, String> acme =
                RegistrationValues.valuesFor(demo, ConnectFieldRules.address("acme.eu.auth0.com"), messages);
        assertEquals("https://acme.eu.auth0.com/api/v2/", acme.get(RegistrationItem.API));
        assertEquals(
                "https://acme.eu.auth0.com/mobile, http://127.0.0.1:28471/callback, http://127.0.0.1:28472/callback,"
                        + " http://127.0.0.1:28473/callback",
                acme.get(RegistrationItem.CALLBACK_URLS));
        assertEquals(
                "http://127.0.0.1:28471/signed-out, http://127.0.0.1:28472/signed-out, http://127.0.0.1:28473/signed-out",
                acme.get(RegistrationItem.LOGOUT_URLS));
    }

    @Test
    void anExplicitRedirectUriIsListedInsteadOfTheDefault() {
        AppConfig legacy = new AppConfig(
                true,
                Optional.empty(),
                AppConfig.DEMO_CONNECTIONS,
                Optional.of(AppConfig.LEGACY_LOOPBACK_REDIRECT_URI),
                dev.accountlinker.config.SignInWays.defaults());
        assertEquals(
                "http://127.0.0.1/callback, http://127.0.0.1:28471/callback, http://127.0.0.1:28472/callback,"
                        + " http://127.0.0.1:28473/callback",
                RegistrationValues.valuesFor(legacy, ConnectFieldRules.address("acme.eu.auth0.com"), messages)
                        .get(RegistrationItem.CALLBACK_URLS));
    }
}
