package dev.accountlinker.ui.connect;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.connect.TenantCheck;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;

import java.time.Duration;
import java.util.Optional;

/**
 * What the connect screen needs from the app.
 *
 * @param current      the configuration in use now: its redirect URI and loopback ports go into "What to register"
 * @param problem      the configuration problem that opened the screen, if any (the field it names is marked)
 * @param checkTimeout how long the check may take before it is stopped and reported as timed out
 */
public record ConnectContext(
        Messages messages,
        ErrorTranslator errors,
        TaskRunner tasks,
        TenantCheck check,
        UserSettingsFile settingsFile,
        AppConfig current,
        Optional<ConfigException> problem,
        Duration checkTimeout) {
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(20);
}
