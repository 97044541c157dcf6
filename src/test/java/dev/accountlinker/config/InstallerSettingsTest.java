package dev.accountlinker.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installer settings file of an organisation's build: below the user's settings file, above the demo
 * (command line, environment, user settings file, installer settings, demo), and the only place for the product
 * name and for hiding the demo and the connect screen.
 */
class InstallerSettingsTest {
    @TempDir
    Path folder;

    private Path userFile;
    private Path installerFile;

    private void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    private AppConfig load(List<String> args, Map<String, String> environment) throws ConfigException {
        return ConfigLoader.load(args, environment, userFile, Optional.of(installerFile));
    }

    @Test
    void anOrganisationsBuildStartsOnItsTenantWithItsNameAndWithoutDemoOrConnectScreen() throws Exception {
        userFile = folder.resolve("absent.properties");
        installerFile = folder.resolve("installer.properties");
        write(
                installerFile,
                "domain=acme.eu.auth0.com\nclient-id=AcmeNative1\nconnections=github\n"
                        + "product-name=Acme Sign-ins\noffer-demo=false\noffer-connect=false\n");

        AppConfig config = load(List.of(), Map.of());

        assertFalse(config.demo());
        assertEquals(
                "https://acme.eu.auth0.com",
                config.tenant().orElseThrow().address().baseUrl());
        assertEquals("AcmeNative1", config.tenant().orElseThrow().clientId());
        assertEquals(List.of("github"), config.connections());
        assertEquals(new InstallerOptions(Optional.of("Acme Sign-ins"), false, false), config.installer());
    }

    @Test
    void theUsersOwnSettingsFileWinsOverTheInstallersKeyByKey() throws Exception {
        userFile = folder.resolve("settings.properties");
        installerFile = folder.resolve("installer.properties");
        write(installerFile, "domain=acme.eu.auth0.com\nclient-id=AcmeNative1\nconnections=github\n");
        write(userFile, "client-id=MyOwnClient\n");

        AppConfig config = load(List.of(), Map.of());

        assertEquals(
                "https://acme.eu.auth0.com",
                config.tenant().orElseThrow().address().baseUrl());
        assertEquals("MyOwnClient", config.tenant().orElseThrow().clientId());
        assertEquals(List.of("github"), config.connections());
    }

    @Test
    void environmentAndCommandLineWinOverBothFiles() throws Exception {
        userFile = folder.resolve("settings.properties");
        installerFile = folder.resolve("installer.properties");
        write(installerFile, "domain=acme.eu.auth0.com\nclient-id=AcmeNative1\n");
        write(userFile, "domain=mine.eu.auth0.com\n");

        AppConfig fromEnvironment = load(List.of(), Map.of("AUTH0_DOMAIN", "env.eu.auth0.com"));
        assertEquals(
                "https://env.eu.auth0.com",
                fromEnvironment.tenant().orElseThrow().address().baseUrl());

        AppConfig fromArguments =
                load(List.of("--domain=args.eu.auth0.com"), Map.of("AUTH0_DOMAIN", "env.eu.auth0.com"));
        assertEquals(
                "https://args.eu.auth0.com",
                fromArguments.tenant().orElseThrow().address().baseUrl());
        assertEquals("AcmeNative1", fromArguments.tenant().orElseThrow().clientId());

        assertTrue(load(List.of("--demo"), Map.of()).demo(), "--demo still starts the demo");
    }

    @Test
    void withoutInstallerSettingsEverythingIsOffered() throws Exception {
        userFile = folder.resolve("absent.properties");
        AppConfig config = ConfigLoader.load(List.of(), Map.of(), userFile);
        assertTrue(config.demo());
        assertEquals(InstallerOptions.DEFAULT, config.installer());

        installerFile = folder.resolve("installer.properties");
        write(installerFile, "product-name=Acme Sign-ins\n");
        AppConfig named = load(List.of(), Map.of());
        assertTrue(named.demo(), "a name alone configures no tenant");
        assertTrue(named.installer().offerDemo());
        assertTrue(named.installer().offerConnect());
    }

    @Test
    void installerOnlyKeysAreRefusedInTheUsersFileAndBadValuesNamed() throws Exception {
        userFile = folder.resolve("settings.properties");
        installerFile = folder.resolve("installer.properties");
        write(installerFile, "");
        write(userFile, "offer-demo=false\n");
        ConfigException inUserFile = assertThrows(ConfigException.class, () -> load(List.of(), Map.of()));
        assertEquals("config.error.unknownFileKey", inUserFile.messageKey());
        assertEquals(Optional.of(ConfigException.Source.SETTINGS_FILE), inUserFile.source());

        write(userFile, "");
        write(installerFile, "offer-demo=maybe\n");
        ConfigException flag = assertThrows(ConfigException.class, () -> load(List.of(), Map.of()));
        assertEquals("offer-demo", flag.settingKey());
        assertEquals("config.error.flag", flag.messageKey());
        assertEquals(Optional.of(ConfigException.Source.INSTALLER_FILE), flag.source());

        write(installerFile, "offer-dem0=false\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> load(List.of(), Map.of()));
        assertEquals("config.error.unknownInstallerKey", unknown.messageKey());
    }

    @Test
    void whenTheConfigurationCannotBeUsedTheInstallersChoicesStillHold() throws Exception {
        userFile = folder.resolve("settings.properties");
        installerFile = folder.resolve("installer.properties");
        write(installerFile, "product-name=Acme Sign-ins\noffer-demo=false\nproxy=http://proxy.acme.test:3128\n");
        write(userFile, "domain=not a domain\nclient-id=abc\n");

        assertThrows(ConfigException.class, () -> load(List.of(), Map.of()));
        AppConfig fallback = ConfigLoader.fallback(List.of(), Map.of(), userFile, Optional.of(installerFile));

        assertTrue(fallback.demo());
        assertEquals(Optional.of("Acme Sign-ins"), fallback.installer().productName());
        assertFalse(fallback.installer().offerDemo());
        assertEquals(new ProxySetting.Http("proxy.acme.test", 3128), fallback.proxy());
    }

    @Test
    void eachProblemSaysWhereTheValueCameFrom() throws Exception {
        userFile = folder.resolve("settings.properties");
        installerFile = folder.resolve("installer.properties");
        write(installerFile, "");
        write(userFile, "domain=http://acme.eu.auth0.com\nclient-id=abc\n");
        assertEquals(
                Optional.of(ConfigException.Source.SETTINGS_FILE),
                assertThrows(ConfigException.class, () -> load(List.of(), Map.of()))
                        .source());
        assertEquals(
                Optional.of(ConfigException.Source.ENVIRONMENT),
                assertThrows(
                                ConfigException.class,
                                () -> load(List.of(), Map.of("AUTH0_DOMAIN", "http://acme.eu.auth0.com")))
                        .source());
        assertEquals(
                Optional.of(ConfigException.Source.COMMAND_LINE),
                assertThrows(ConfigException.class, () -> load(List.of("--domain=http://acme.eu.auth0.com"), Map.of()))
                        .source());

        // A domain in the settings file without a client id: the file is where the missing one belongs.
        write(userFile, "domain=acme.eu.auth0.com\n");
        ConfigException missing = assertThrows(ConfigException.class, () -> load(List.of(), Map.of()));
        assertEquals("client-id", missing.settingKey());
        assertEquals(Optional.of(ConfigException.Source.SETTINGS_FILE), missing.source());

        write(userFile, "domian=acme.eu.auth0.com\n");
        assertEquals(
                Optional.of(ConfigException.Source.SETTINGS_FILE),
                assertThrows(ConfigException.class, () -> load(List.of(), Map.of()))
                        .source());
    }
}
