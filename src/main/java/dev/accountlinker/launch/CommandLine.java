package dev.accountlinker.launch;

import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console launcher does with its arguments before any window exists: print the usage or the version,
 * refuse a command line it cannot read (an unknown option, an option without its value), or start the app.
 * Values are not checked here: a wrong value, from any source, opens the app with one message naming the setting.
 */
public record CommandLine(Action action, List<String> appArguments, Optional<ConfigException> problem) {
    public static final String HELP = "--help";
    public static final String HELP_SHORT = "-h";
    public static final String VERSION = "--version";

    public enum Action {
        RUN,
        HELP,
        VERSION,
        USAGE_ERROR
    }

    public CommandLine {
        appArguments = List.copyOf(appArguments);
    }

    /** A mistake on the command line wins over {@code --help}/{@code --version}, as in most command-line tools. */
    public static CommandLine parse(List<String> args) {
        List<String> rest = new ArrayList<>();
        boolean help = false;
        boolean version = false;
        for (String arg : args) {
            if (HELP.equals(arg) || HELP_SHORT.equals(arg)) {
                help = true;
            } else if (VERSION.equals(arg)) {
                version = true;
            } else {
                rest.add(arg);
            }
        }
        try {
            ConfigLoader.checkCommandLine(rest);
        } catch (ConfigException problem) {
            return new CommandLine(Action.USAGE_ERROR, rest, Optional.of(problem));
        }
        Action action = help ? Action.HELP : version ? Action.VERSION : Action.RUN;
        return new CommandLine(action, rest, Optional.empty());
    }
}
