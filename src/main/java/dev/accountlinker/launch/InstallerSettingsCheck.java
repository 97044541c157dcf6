package dev.accountlinker.launch;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an organisation's installer settings file when the installers are built ({@code packaging/build.sh
 * --settings FILE}), so a typo stops the build with the app's own message instead of greeting every user of the
 * installer with it. Prints one line; exit status 0 when the file can be used, 1 when not.
 */
public final class InstallerSettingsCheck {
    private InstallerSettingsCheck() {}

    public static void main(String[] args) {
        Messages messages = Messages.forDefaultLocale();
        if (args.length != 1) {
            System.err.println(messages.get("installerCheck.usage"));
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        String problem = check(file, messages);
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
        System.out.println(describe(file, messages));
    }

    /** The message naming what is wrong with the file, or null when it can be used. */
    static String check(Path file, Messages messages) {
        if (!Files.isRegularFile(file)) {
            return messages.get("installerCheck.missing", file.toString());
        }
        try {
            ConfigLoader.load(List.of(), Map.of(), null, Optional.of(file));
            return null;
        } catch (ConfigException unusable) {
            return messages.get(
                    "installerCheck.problem",
                    file.toString(),
                    messages.format(new ErrorTranslator(Clock.systemUTC()).translate(unusable)));
        }
    }

    private static String describe(Path file, Messages messages) {
        try {
            AppConfig config = ConfigLoader.load(List.of(), Map.of(), null, Optional.of(file));
            String tenant = config.demo()
                    ? messages.get("installerCheck.noTenant")
                    : config.tenant().orElseThrow().address().baseUrl();
            return messages.get(
                    "installerCheck.ok",
                    file.toString(),
                    tenant,
                    config.installer().productName().orElse(messages.get("app.title")),
                    String.valueOf(config.installer().offerDemo()),
                    String.valueOf(config.installer().offerConnect()));
        } catch (ConfigException checkedAbove) {
            throw new IllegalStateException(checkedAbove);
        }
    }
}
