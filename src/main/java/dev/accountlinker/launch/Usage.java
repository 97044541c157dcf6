package dev.accountlinker.launch;

import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.i18n.Messages;

import java.nio.file.Path;

/**
 * The {@code --help} text: every option with its environment variable and meaning, and the settings file's path.
 * Built from {@link ConfigLoader#options()}, so a new option shows up here (its description is
 * {@code option.<name>} in the message bundle, its value's name {@code option.<name>.value}).
 */
public final class Usage {
    private Usage() {}

    public static String text(Messages messages, Path settingsFile) {
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append(messages.get("launcher.usage.synopsis")).append(newline);
        text.append(messages.get("launcher.usage.fromSource")).append(newline).append(newline);
        text.append(messages.get("launcher.usage.description")).append(newline).append(newline);
        text.append(messages.get("launcher.usage.options")).append(newline);
        for (ConfigLoader.Option option : ConfigLoader.options()) {
            String name = "--" + option.name();
            String left = option.isFlag() ? name : name + "=" + messages.get("option." + option.name() + ".value");
            appendOption(text, left, option.environmentVariable().orElse(""), messages.get("option." + option.name()));
        }
        appendOption(text, CommandLine.HELP + ", " + CommandLine.HELP_SHORT, "", messages.get("option.help"));
        appendOption(text, CommandLine.VERSION, "", messages.get("option.version"));
        text.append(newline);
        text.append(messages.get(
                        "launcher.usage.settingsFile",
                        settingsFile.toAbsolutePath().toString()))
                .append(newline);
        text.append(messages.get("launcher.usage.problems")).append(newline);
        return text.toString();
    }

    private static void appendOption(StringBuilder text, String left, String environmentVariable, String description) {
        String newline = System.lineSeparator();
        text.append("  ")
                .append(String.format("%-36s %s", left, environmentVariable).stripTrailing())
                .append(newline);
        text.append("      ").append(description).append(newline);
    }
}
