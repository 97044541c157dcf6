package dev.accountlinker.launch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandLineTest {
    @Test
    void helpAndVersionAreAnsweredBeforeAnythingStarts() {
        assertEquals(
                CommandLine.Action.HELP, CommandLine.parse(List.of("--help")).action());
        assertEquals(
                CommandLine.Action.HELP,
                CommandLine.parse(List.of("--demo", "-h")).action());
        assertEquals(
                CommandLine.Action.VERSION,
                CommandLine.parse(List.of("--version", "--domain=acme.eu.auth0.com"))
                        .action());
        assertEquals(
                CommandLine.Action.HELP,
                CommandLine.parse(List.of("--version", "--help")).action());
    }

    @Test
    void optionsTheAppKnowsRunItAndValuesAreLeftToTheApp() {
        CommandLine run = CommandLine.parse(List.of("--domain=http://acme.eu.auth0.com", "--client-id", "abc", ""));
        assertEquals(CommandLine.Action.RUN, run.action(), "a wrong value is the app's to show, naming the setting");
        assertEquals(List.of("--domain=http://acme.eu.auth0.com", "--client-id", "abc", ""), run.appArguments());
        assertEquals(CommandLine.Action.RUN, CommandLine.parse(List.of()).action());
    }

    @Test
    void anUnknownOptionOrAMissingValueIsAUsageErrorEvenWithHelp() {
        CommandLine unknown = CommandLine.parse(List.of("--help", "--frobnicate"));
        assertEquals(CommandLine.Action.USAGE_ERROR, unknown.action());
        assertEquals("--frobnicate", unknown.problem().orElseThrow().settingKey());
        assertEquals(
                "config.error.unknownArgument", unknown.problem().orElseThrow().messageKey());

        CommandLine missingValue = CommandLine.parse(List.of("--demo", "--client-id"));
        assertEquals(CommandLine.Action.USAGE_ERROR, missingValue.action());
        assertEquals(
                "config.error.missingValue",
                missingValue.problem().orElseThrow().messageKey());

        assertEquals(
                CommandLine.Action.USAGE_ERROR,
                CommandLine.parse(List.of("stray")).action());
    }
}
