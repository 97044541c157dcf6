package dev.accountlinker.ui.settings;

import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;
import dev.accountlinker.ui.signin.SignInFlows;

import java.time.Clock;

/**
 * What the settings screen needs from the app: the tenant, words, error messages, where work runs, how sign-ins
 * start and when Management API requests are sent again.
 */
public record SettingsContext(
        TenantSettings tenant,
        Messages messages,
        ErrorTranslator errors,
        TaskRunner tasks,
        SignInFlows signIns,
        RequestPolicy requests) {
    /** The clock of the request policy: countdowns and "how old is this sign-in" use the same time. */
    public Clock clock() {
        return requests.clock();
    }
}
