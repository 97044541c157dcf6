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
        assertEquals("Native", none.get(RegistrationItem.APPLICATION_TYPE));
        assertEquals(
                "read:current_user update:current_user_identities update:current_user_metadata",
                none.get(RegistrationItem.SCOPES),
                "no OIDC scopes: the dashboard does not ask for them");

        Map<RegistrationItem, String> acme =
                RegistrationValues.valuesFor(demo, ConnectFieldRules.address("acme.eu.auth0.com"), messages);
        assertEquals("https://acme.eu.auth0.com/api/v2/", acme.get(RegistrationItem.API));
        assertEquals(none.get(RegistrationItem.CALLBACK_URLS), acme.get(RegistrationItem.CALLBACK_URLS));
    }
}
