package dev.accountlinker.ui.connect;

import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.ConfigSources;
import dev.accountlinker.config.UserSettingsFile;
import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connect screen's field rules on their own: plain values in, words out, against a real settings file. */
class ConnectFieldRulesTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final ConnectFieldRules rules = new ConnectFieldRules(messages, new ErrorTranslator(Clock.systemUTC()));

    @TempDir
    Path folder;

    @Test
    void onlyTheDomainAndTheClientIdAreRequired() {
        assertEquals(
                Optional.of("Enter your tenant’s domain, e.g. acme.eu.auth0.com."),
                rules.problem(ConnectField.DOMAIN, ""));
        assertTrue(rules.problem(ConnectField.CLIENT_ID, "").orElseThrow().startsWith("Enter the client ID"));
        assertEquals(Optional.empty(), rules.problem(ConnectField.CONNECTIONS, ""));
        assertEquals(Optional.empty(), rules.problem(ConnectField.BROWSER_CONNECTIONS, ""));
    }

    @Test
    void aWrongValueIsToldInTheFieldsOwnWords() {
        assertEquals(
                Optional.of("Not a domain: \"acme\". Use a host like acme.eu.auth0.com, or an address like"
                        + " https://login.example.com."),
                rules.problem(ConnectField.DOMAIN, "acme"));
        assertTrue(rules.problem(ConnectField.DOMAIN, "http://acme.eu.auth0.com")
                .orElseThrow()
                .startsWith("Plain http:// is allowed only for a tenant on this computer"));
        assertTrue(rules.problem(ConnectField.CLIENT_ID, "bad id")
                .orElseThrow()
                .startsWith("Not a client ID: \"bad id\"."));
        assertTrue(rules.problem(ConnectField.CONNECTIONS, "github, bad name")
                .orElseThrow()
                .startsWith("Not a connection name: \"bad name\"."));
        assertTrue(rules.problem(ConnectField.BROWSER_CONNECTIONS, "bad name")
                .orElseThrow()
                .startsWith("Not a connection name: \"bad name\"."));
    }

    @Test
    void aDomainWithAUserNameAndPasswordIsRefusedWithoutRepeatingThem() {
        for (String typed : List.of("https://alice:s3cret@acme.eu.auth0.com", "alice:s3cret@acme.eu.auth0.com")) {
            String shown = rules.problem(ConnectField.DOMAIN, typed).orElseThrow();
            assertTrue(shown.contains("***@acme.eu.auth0.com"), shown);
            assertFalse(shown.contains("s3cret") || shown.contains("alice"), shown);
        }
    }

    @Test
    void goodValuesHaveNoProblem() {
        assertEquals(Optional.empty(), rules.problem(ConnectField.DOMAIN, "acme.eu.auth0.com"));
        assertEquals(Optional.empty(), rules.problem(ConnectField.DOMAIN, "http://127.0.0.1:8765"));
        assertEquals(Optional.empty(), rules.problem(ConnectField.CLIENT_ID, "AbCdEf123"));
        assertEquals(Optional.empty(), rules.problem(ConnectField.CONNECTIONS, "github, google-oauth2"));
        for (String browser : List.of("*", "none", "github")) {
            assertEquals(Optional.empty(), rules.problem(ConnectField.BROWSER_CONNECTIONS, browser), browser);
        }
    }

    @Test
    void theAddressIsThereOnlyForAUsableDomain() {
        assertEquals(
                "https://acme.eu.auth0.com",
                ConnectFieldRules.address("acme.eu.auth0.com").orElseThrow().baseUrl());
        assertEquals(Optional.empty(), ConnectFieldRules.address("acme"));
        assertEquals(Optional.empty(), ConnectFieldRules.address(""));
    }

    @Test
    void aBadValueOfAFieldInTheSettingsFileMarksThatField() throws Exception {
        UserSettingsFile file = settingsFile("domain=http://acme.eu.auth0.com\nclient-id=Acme1\n");
        ConnectFieldRules.FileProblem problem = rules.fileProblem(loadProblem(file), file);
        assertEquals(Optional.of(ConnectField.DOMAIN), problem.markedField());
        assertEquals(
                "Your settings file " + file.path() + " has a value that cannot be used. Fix the marked field"
                        + " and save.",
                problem.message());
    }

    @Test
    void aMissingClientIdMarksItsField() throws Exception {
        UserSettingsFile file = settingsFile("domain=acme.eu.auth0.com\n");
        assertEquals(
                Optional.of(ConnectField.CLIENT_ID),
                rules.fileProblem(loadProblem(file), file).markedField());
    }

    @Test
    void anUnknownKeyIsToldInFullWithWhatSavingRemoves() throws Exception {
        UserSettingsFile file = settingsFile("domain=acme.eu.auth0.com\nclientid=Acme1\n");
        ConnectFieldRules.FileProblem problem = rules.fileProblem(loadProblem(file), file);
        assertEquals(Optional.empty(), problem.markedField());
        assertTrue(
                problem.message().startsWith("Unknown setting \"clientid\" in " + file.path() + "."),
                problem.message());
        assertTrue(
                problem.message().endsWith(" Saving repairs the file with the values below and removes: clientid."),
                problem.message());
    }

    @Test
    void anHttpRedirectUriToANameIsToldInFullAndSavingRemovesIt() throws Exception {
        // http:// only for a loopback IP literal: localhost is a name a hosts file or DNS may send elsewhere.
        UserSettingsFile file =
                settingsFile("domain=acme.eu.auth0.com\nclient-id=Acme1\nredirect-uri=http://localhost/callback\n");
        ConnectFieldRules.FileProblem problem = rules.fileProblem(loadProblem(file), file);
        assertEquals(Optional.empty(), problem.markedField(), "the screen has no field for it");
        assertTrue(
                problem.message()
                        .startsWith("The setting redirect-uri uses http:// for \"http://localhost/callback\". Plain"
                                + " http is allowed only for this computer’s loopback address written as a number"
                                + " (127.0.0.1 or [::1])"),
                problem.message());
        assertTrue(problem.message().endsWith(" removes: redirect-uri."), problem.message());

        UserSettingsFile loopback =
                settingsFile("domain=acme.eu.auth0.com\nclient-id=Acme1\nredirect-uri=http://127.0.0.1/callback\n");
        assertEquals(List.of(), loopback.droppedOnSave(java.util.Set.of()), "the old loopback callback stays");
    }

    @Test
    void theFieldsStartWithTheFilesValuesOrATenantConfiguredElsewhere() throws Exception {
        Path file = folder.resolve("settings.properties");
        assertEquals(
                Map.of("domain", "a.eu.auth0.com"),
                ConnectFieldRules.initialValues(Map.of("domain", "a.eu.auth0.com"), AppConfig.demoDefaults()));

        AppConfig elsewhere = ConfigLoader.load(
                List.of(),
                Map.of(
                        "AUTH0_DOMAIN",
                        "acme.eu.auth0.com",
                        "AUTH0_CLIENT_ID",
                        "Acme1",
                        "AUTH0_CONNECTIONS",
                        "github, google-oauth2"),
                file);
        assertEquals(
                Map.of("domain", "acme.eu.auth0.com", "client-id", "Acme1", "connections", "github, google-oauth2"),
                ConnectFieldRules.initialValues(Map.of(), elsewhere));
        assertEquals(
                "mine.eu.auth0.com",
                ConnectFieldRules.initialValues(Map.of("domain", "mine.eu.auth0.com"), elsewhere)
                        .get("domain"),
                "what the file says is what the person would save");

        AppConfig local = ConfigLoader.load(
                List.of(), Map.of("AUTH0_DOMAIN", "http://127.0.0.1:8765", "AUTH0_CLIENT_ID", "Acme1"), file);
        assertEquals(
                "http://127.0.0.1:8765",
                ConnectFieldRules.initialValues(Map.of(), local).get("domain"),
                "an address that is not plain https keeps its scheme and port");
    }

    private UserSettingsFile settingsFile(String content) throws Exception {
        Path path = folder.resolve("settings.properties");
        Files.writeString(path, content);
        return new UserSettingsFile(path);
    }

    private static ConfigException loadProblem(UserSettingsFile file) {
        try {
            ConfigSources.settingsFileOnly(file.path()).load();
        } catch (ConfigException problem) {
            return problem;
        }
        throw new AssertionError("the settings file should not load");
    }
}
