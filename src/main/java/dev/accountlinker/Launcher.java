package dev.accountlinker;

import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.ThemeSetting;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.launch.AppVersion;
import dev.accountlinker.launch.CommandLine;
import dev.accountlinker.launch.StartupProblem;
import dev.accountlinker.launch.Usage;
import dev.accountlinker.logging.AppLog;
import dev.accountlinker.net.ProxyRules;
import dev.accountlinker.ui.theme.SystemColorScheme;
import javafx.application.Application;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The program's entry point, a plain main class (JavaFX on the class path and jpackage need one that does not
 * extend {@link Application}). Before JavaFX starts it answers {@code --help} and {@code --version} and refuses
 * an unreadable command line, on the console, with no window; if JavaFX then cannot start (no display, no GTK 3)
 * it says so in one line instead of a stack trace.
 */
public final class Launcher {
    /** Exit status for a command line that cannot be read, as command-line tools do. */
    public static final int USAGE_ERROR = 2;
    /** Exit status when the app cannot start on this desktop. */
    public static final int CANNOT_START = 1;

    private Launcher() {}

    public static void main(String[] args) {
        ProxyRules.useSystemProxiesByDefault(); // read by the JDK once, at the first connection
        CommandLine commandLine = CommandLine.parse(List.of(args));
        Messages messages = messages(commandLine, System.getenv());
        switch (commandLine.action()) {
            case HELP -> System.out.print(Usage.text(messages, ConfigLoader.defaultSettingsFile()));
            case VERSION -> System.out.println(messages.get("launcher.version", AppVersion.current()));
            case USAGE_ERROR -> {
                System.err.println(usageError(messages, commandLine.problem().orElseThrow()));
                System.exit(USAGE_ERROR);
            }
            case RUN -> {
                // The desktop's light or dark preference is asked while JavaFX starts: known by the first window.
                if (ConfigSources.ofProcess(List.of(args)).theme() == ThemeSetting.SYSTEM) {
                    SystemColorScheme.readEarly();
                }
                // JavaFX's own texts (such as a text field's context menu) then speak the app's language too.
                Locale.setDefault(messages.locale());
                launch(args, messages, System.err);
            }
        }
    }

    /** The chosen language's messages (--help, --version and mistakes are said in it too), else the system's. */
    static Messages messages(CommandLine commandLine, Map<String, String> environment) {
        return Messages.forLocale(new ConfigSources(
                        commandLine.appArguments(),
                        environment,
                        ConfigLoader.defaultSettingsFile(),
                        ConfigLoader.installerSettingsFile())
                .language(Locale.getDefault()));
    }

    static String usageError(Messages messages, ConfigException problem) {
        if (problem.messageKey().equals("config.error.unknownArgument")) {
            return messages.get("launcher.error.unknownOption", problem.settingKey());
        }
        List<Object> arguments = new ArrayList<>();
        arguments.add(problem.settingKey());
        arguments.addAll(problem.arguments());
        return messages.get("launcher.error.commandLine", messages.get(problem.messageKey(), arguments.toArray()));
    }

    private static void launch(String[] args, Messages messages, PrintStream console) {
        try {
            Application.launch(AccountLinkerApp.class, args);
        } catch (RuntimeException | Error failure) {
            Optional<StartupProblem> known = StartupProblem.of(failure);
            if (known.isPresent()) {
                console.println(messages.get(known.get().messageKey()));
            } else {
                // Not a missing desktop piece but a bug: the trace goes to the log file, for the report.
                console.println(messages.get("launcher.error.unexpected", String.valueOf(failure)));
                AppLog.logger(Launcher.class).log(System.Logger.Level.ERROR, "JavaFX could not start", failure);
                console.println(messages.get("launcher.error.details", AppLog.file()));
            }
            console.flush();
            System.exit(CANNOT_START);
        }
    }
}
