package dev.accountlinker.config;

import dev.accountlinker.errors.ErrorTranslator;
import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path folder;

    private Path missingFile() {
        return folder.resolve("absent.properties");
    }

    @Test
    void nothingConfiguredMeansTheDemoTenant() throws Exception {
        AppConfig config = ConfigLoader.load(List.of(), Map.of(), missingFile());
        assertTrue(config.demo());
        assertTrue(config.tenant().isEmpty());
        assertEquals(AppConfig.DEMO_CONNECTIONS, config.connections());
        assertEquals(java.util.Optional.empty(), config.redirectUri(), "the default follows the tenant's address");
    }

    @Test
    void withoutARedirectUriTheEmbeddedCallbackIsMobileOnTheTenantsOwnDomain() throws Exception {
        TenantSettings settings = ConfigLoader.load(
                        List.of(), Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "abc"), missingFile())
                .tenant()
                .orElseThrow();
        assertEquals(URI.create("https://acme.eu.auth0.com/mobile"), settings.redirectUri());

        AppConfig demo = ConfigLoader.load(List.of(), Map.of(), missingFile());
        assertEquals(
                URI.create("http://127.0.0.1:8765/mobile"),
                demo.resolve(TenantAddress.parse("demo", "http://127.0.0.1:8765"), "client")
                        .redirectUri(),
                "the demo tenant's base URL");
    }

    @Test
    void theOldLoopbackCallbackStillWorksWhenConfigured() throws Exception {
        TenantSettings settings = ConfigLoader.load(
                        List.of("--redirect-uri=http://127.0.0.1/callback"),
                        Map.of("AUTH0_DOMAIN", "acme.eu.auth0.com", "AUTH0_CLIENT_ID", "abc"),
                        missingFile())
                .tenant()
                .orElseThrow();
        assertEquals(AppConfig.LEGACY_LOOPBACK_REDIRECT_URI, settings.redirectUri());
    }

    @Test
    void httpRedirectUrisAreAcceptedOnlyForLoopbackIpLiterals() throws Exception {
        for (String accepted : List.of(
                "http://127.0.0.1/callback",
                "http://127.0.0.1:7000/cb",
                "http://[::1]:7000/cb",
                "https://a.b/mobile")) {
            assertEquals(URI.create(accepted), ConfigLoader.parseRedirectUri(accepted), accepted);
        }
        for (String refused : List.of(
                "http://localhost/callback",
                "http://LOCALHOST:7000/cb",
                "http://app.example.com/callback",
                "http://10.0.0.1/callback",
                "http://127.0.0.1.example.com/cb")) {
            ConfigException problem =
                    assertThrows(ConfigException.class, () -> ConfigLoader.parseRedirectUri(refused), refused);
            assertEquals("redirect-uri", problem.settingKey(), refused);
            assertEquals("config.error.redirectUriInsecure", problem.messageKey(), refused);
            assertEquals(
                    "The setting redirect-uri uses http:// for \"" + refused + "\". Plain http is allowed only for"
                            + " this computer’s loopback address written as a number (127.0.0.1 or [::1]), not"
                            + " localhost or any other host. Leave the setting out to use https://YOUR-DOMAIN/mobile,"
                            + " or use an https:// URL.",
                    dev.accountlinker.i18n.Messages.forLocale(java.util.Locale.ENGLISH)
                            .format(new dev.accountlinker.errors.ErrorTranslator(
                                            java.time.Clock.systemUTC(), dev.accountlinker.net.Route.direct(""))
                                    .translate(problem)),
                    refused);
        }
    }

    @Test
    void commandLineBeatsEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "domain=file.eu.auth0.com\nclient-id=fromFile\nconnections=github\n");
        Map<String, String> env = Map.of("AUTH0_DOMAIN", "env.eu.auth0.com", "AUTH0_CLIENT_ID", "fromEnv");

        TenantSettings settings = ConfigLoader.load(List.of("--client-id=fromArgs"), env, file)
                .tenant()
                .orElseThrow();

        assertEquals("https://env.eu.auth0.com", settings.address().baseUrl());
        assertEquals("fromArgs", settings.clientId());
        assertEquals(List.of("github"), settings.connections());
    }

    @Test
    void demoFlagWinsOverAConfiguredTenant() throws Exception {
        AppConfig config = ConfigLoader.load(
                List.of("--demo", "--connections=github, google-oauth2 ,github"),
                Map.of("AUTH0_DOMAIN", "acme.auth0.com", "AUTH0_CLIENT_ID", "abc"),
                missingFile());
        assertTrue(config.demo());
        assertEquals(List.of("github", "google-oauth2"), config.connections());
    }

    @Test
    void spaceSeparatedValuesAndLocalBaseUrlsWork() throws Exception {
        TenantSettings settings = ConfigLoader.load(
                        List.of(
                                "--domain",
                                "http://127.0.0.1:8765/",
                                "--client-id",
                                "abc",
                                "--redirect-uri=http://127.0.0.1:7000/cb"),
                        Map.of(),
                        missingFile())
                .tenant()
                .orElseThrow();
        assertEquals("http://127.0.0.1:8765", settings.address().baseUrl());
        assertEquals("http://127.0.0.1:8765/", settings.address().issuer());
        assertEquals("http://127.0.0.1:8765/api/v2/", settings.address().managementAudience());
        assertEquals(URI.create("http://127.0.0.1:7000/cb"), settings.redirectUri());
    }

    @Test
    void aDomainWithoutClientIdNamesTheMissingKey() {
        ConfigException problem = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of("--domain=acme.auth0.com"), Map.of(), missingFile()));
        assertEquals("client-id", problem.settingKey());
        assertEquals("config.error.missingSetting", problem.messageKey());
    }

    @Test
    void theMissingClientIdMessageNamesItsEnvironmentVariableAndTheSettingsFilesFullPath() {
        Path file = folder.resolve("settings.properties");
        ConfigException problem = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(List.of("--domain=acme.auth0.com"), Map.of(), file));
        assertEquals(
                "The setting client-id is missing. Set it on the command line (--client-id=…), in the environment"
                        + " (AUTH0_CLIENT_ID) or in the settings file " + file.toAbsolutePath() + ".",
                render(problem));
    }

    @Test
    void anOptionWithoutItsValueSaysSo() {
        ConfigException problem =
                assertThrows(ConfigException.class, () -> ConfigLoader.checkCommandLine(List.of("--demo", "--domain")));
        assertEquals("The option --domain needs a value (--domain=…).", render(problem));
    }

    @Test
    void httpIsAcceptedOnlyForLoopbackTenants() throws Exception {
        for (String local : List.of(
                "http://127.0.0.1:8765",
                "http://127.10.20.30",
                "http://localhost:3000",
                "http://LOCALHOST",
                "http://[::1]:8765",
                "https://127.0.0.1:8443",
                "https://acme.eu.auth0.com")) {
            TenantSettings settings = ConfigLoader.load(
                            List.of("--domain=" + local, "--client-id=abc"), Map.of(), missingFile())
                    .tenant()
                    .orElseThrow();
            assertEquals(
                    local.toLowerCase(java.util.Locale.ROOT), settings.address().baseUrl(), local);
        }
        for (String remote : List.of(
                "http://acme.eu.auth0.com",
                "http://10.0.0.5:8765",
                "http://128.0.0.1",
                "http://127.0.0.1.nip.io",
                "http://localhost.example.org",
                "http://[::2]",
                "http://[::ffff:10.0.0.1]",
                "HTTP://acme.eu.auth0.com")) {
            ConfigException problem = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(List.of("--domain=" + remote, "--client-id=abc"), Map.of(), missingFile()),
                    remote);
            assertEquals("domain", problem.settingKey(), remote);
            assertEquals("config.error.domainInsecure", problem.messageKey(), remote);
        }
    }

    @Test
    void httpToARemoteTenantIsRefusedFromEverySourceWithAMessageThatSaysWhyAndWhatToDo() throws IOException {
        String expected = "The setting domain uses http:// for \"http://acme.eu.auth0.com\". Plain http is allowed only"
                + " for a tenant on this computer (127.0.0.1, ::1, localhost): over a network, clear text would expose"
                + " your sign-in codes and tokens. Use https://acme.eu.auth0.com or just the domain acme.eu.auth0.com.";
        ConfigException fromArgument = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        List.of("--domain=http://acme.eu.auth0.com", "--client-id=abc"), Map.of(), missingFile()));
        assertEquals(expected, render(fromArgument));

        ConfigException fromEnvironment = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(
                        List.of(),
                        Map.of("AUTH0_DOMAIN", "http://acme.eu.auth0.com", "AUTH0_CLIENT_ID", "abc"),
                        missingFile()));
        assertEquals(expected, render(fromEnvironment));

        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "domain=http://acme.eu.auth0.com\nclient-id=abc\n");
        ConfigException fromFile =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(), Map.of(), file));
        assertEquals(expected, render(fromFile));
    }

    @Test
    void aSettingsFileWithBinaryOrWronglyEncodedContentIsInvalidNotUnreadable() throws IOException {
        Path file = folder.resolve("settings.properties");
        List<byte[]> contents = List.of(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D
                }, // a picture saved by mistake
                "domain=acme.eu.auth0.com\nclient-id=Jos\u00e9\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                "domain=acme\u0000.eu.auth0.com\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "domain=acme.eu.auth0.com\nclient-id=\\uZZZZ\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (byte[] content : contents) {
            Files.write(file, content);
            ConfigException problem =
                    assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(), Map.of(), file));
            assertEquals("config.error.invalidFileContent", problem.messageKey());
            assertEquals(
                    "The settings file " + file.toAbsolutePath() + " has invalid content: it is not a text file in"
                            + " UTF-8. Write it as lines of key=value text, e.g. domain=acme.eu.auth0.com.",
                    render(problem));
        }
    }

    @Test
    void aUtf8SettingsFileWithAByteOrderMarkIsRead() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "\uFEFFdomain=acme.eu.auth0.com\nclient-id=abc\n");
        assertEquals(
                "abc",
                ConfigLoader.load(List.of(), Map.of(), file)
                        .tenant()
                        .orElseThrow()
                        .clientId());
    }

    @Test
    void aSettingsFileThatCannotBeReadSaysSoNotThatItsContentIsInvalid() throws IOException {
        Path folderInTheWay = Files.createDirectories(folder.resolve("settings.properties"));
        ConfigException problem =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(), Map.of(), folderInTheWay));
        assertEquals("config.error.unreadableFile", problem.messageKey());
        assertEquals(
                "The settings file " + folderInTheWay.toAbsolutePath() + " could not be read. Check that it is a"
                        + " file your user may read.",
                render(problem));
    }

    @Test
    void aSettingsFileWithoutReadPermissionCannotBeRead() throws IOException {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "domain=acme.eu.auth0.com\n");
        boolean permissionsApply = file.toFile().setReadable(false, false) && !Files.isReadable(file);
        org.junit.jupiter.api.Assumptions.assumeTrue(permissionsApply, "file permissions do not apply (root)");
        ConfigException problem =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(), Map.of(), file));
        assertEquals("config.error.unreadableFile", problem.messageKey());
    }

    /** The message the app shows for a problem, as the window would. */
    private static String render(ConfigException problem) {
        dev.accountlinker.i18n.Messages messages = dev.accountlinker.i18n.Messages.forLocale(Locale.ENGLISH);
        return messages.format(
                new dev.accountlinker.errors.ErrorTranslator(java.time.Clock.systemUTC()).translate(problem));
    }

    @Test
    void aClientIdWithoutDomainNamesTheMissingKey() {
        ConfigException problem = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of(), Map.of("AUTH0_CLIENT_ID", "abc"), missingFile()));
        assertEquals("domain", problem.settingKey());
    }

    @Test
    void malformedDomainsAreRefused() {
        for (String domain : List.of(
                "not a domain",
                "ftp://acme.auth0.com",
                "https://acme.auth0.com/path",
                "https://user@acme.auth0.com",
                "https://acme.auth0.com?x=1",
                "localhost",
                "-bad-.com")) {
            ConfigException problem = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(List.of("--domain=" + domain, "--client-id=abc"), Map.of(), missingFile()),
                    domain);
            assertEquals("domain", problem.settingKey(), domain);
            assertEquals("config.error.domain", problem.messageKey(), domain);
        }
    }

    @Test
    void unknownArgumentsAndFileKeysAreNamed() throws IOException {
        ConfigException argument = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of("--domian=acme.auth0.com"), Map.of(), missingFile()));
        assertEquals("--domian", argument.settingKey());
        assertEquals("config.error.unknownArgument", argument.messageKey());

        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "domain=acme.auth0.com\nclientid=abc\n");
        ConfigException fileKey =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(), Map.of(), file));
        assertEquals("clientid", fileKey.settingKey());
        assertEquals("config.error.unknownFileKey", fileKey.messageKey());

        // The messages list every known option and setting, read from the code, so a new one needs no new text.
        assertTrue(
                render(argument)
                        .endsWith(
                                "Known options: --domain, --client-id, --connections, --redirect-uri,"
                                        + " --browser-connections, --loopback-port, --sign-in-hosts, --proxy, --theme, --language, --demo."),
                render(argument));
        assertTrue(
                render(fileKey)
                        .startsWith(
                                "Unknown setting \"clientid\" in " + file.toAbsolutePath() + ". Known settings:"
                                        + " domain, client-id, connections, redirect-uri, browser-connections, loopback-port, sign-in-hosts, proxy, theme, language."),
                render(fileKey));
    }

    @Test
    void theLanguageComesFromTheCommandLineTheEnvironmentOrTheFileElseTheSystem() throws IOException {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "language=fr\n");
        Map<String, String> env = Map.of("AUTH0_LANGUAGE", "es");
        assertEquals(
                Locale.forLanguageTag("pt-BR"),
                ConfigLoader.language(List.of("--language=pt-BR"), env, file, Optional.empty(), Locale.GERMANY));
        assertEquals(
                Locale.forLanguageTag("es"),
                ConfigLoader.language(List.of(), env, file, Optional.empty(), Locale.GERMANY));
        assertEquals(Locale.FRENCH, ConfigLoader.language(List.of(), Map.of(), file, Optional.empty(), Locale.GERMANY));
        assertEquals(
                Locale.GERMANY,
                ConfigLoader.language(List.of(), Map.of(), missingFile(), Optional.empty(), Locale.GERMANY));
        assertEquals(
                Locale.ENGLISH,
                ConfigLoader.language(List.of(), Map.of(), missingFile(), Optional.empty(), Locale.JAPAN));
        assertEquals(
                Locale.forLanguageTag("en-XA"),
                ConfigLoader.language(List.of("--language", "en-XA"), Map.of(), file, Optional.empty(), Locale.US));
    }

    @Test
    void anOrganisationsBuildMayChooseTheLanguageBelowThePersonsOwnSettings() throws IOException {
        Path installer = folder.resolve("installer.properties");
        Files.writeString(installer, "language=de\n");
        assertEquals(
                Locale.GERMAN,
                ConfigLoader.language(List.of(), Map.of(), missingFile(), Optional.of(installer), Locale.US));
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "language=fr\n");
        assertEquals(
                Locale.FRENCH, ConfigLoader.language(List.of(), Map.of(), file, Optional.of(installer), Locale.US));
    }

    @Test
    void anUnknownLanguageFallsBackToTheSystemsAndIsReportedByLoadNamingTheSetting() throws Exception {
        List<String> args = List.of("--language=it");
        assertEquals(
                Locale.GERMANY,
                ConfigLoader.language(args, Map.of(), missingFile(), Optional.empty(), Locale.GERMANY),
                "the messages must exist to report the problem: in the system's language");
        ConfigException problem =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(args, Map.of(), missingFile()));
        assertEquals("language", problem.settingKey());
        assertEquals(
                "The setting language is not a language Account Linker speaks: \"it\". Use one of en, de, fr, es,"
                        + " pt-BR, or leave it unset to follow your system’s language.",
                render(problem));
        assertEquals(
                Locale.ENGLISH,
                ConfigLoader.language(
                        List.of("--frobnicate"), Map.of(), missingFile(), Optional.empty(), Locale.ENGLISH),
                "an unreadable command line is the launcher's to report");
        assertEquals(
                Locale.FRENCH,
                ConfigLoader.language(
                        List.of("--frobnicate"),
                        Map.of("AUTH0_LANGUAGE", "fr"),
                        missingFile(),
                        Optional.empty(),
                        Locale.ENGLISH),
                "... in the environment's language");
        assertTrue(
                ConfigLoader.load(List.of("--language=de"), Map.of(), missingFile())
                        .demo(),
                "a language alone is no tenant");
    }

    @Test
    void badConnectionNamesAndRedirectUrisAreRefused() {
        ConfigException connection = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of("--connections=github,bad name"), Map.of(), missingFile()));
        assertEquals("connections", connection.settingKey());
        for (String redirect : List.of("myapp:callback", "/callback", "http:///callback", "http://127.0.0.1/cb#frag")) {
            ConfigException problem = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(List.of("--redirect-uri=" + redirect), Map.of(), missingFile()),
                    redirect);
            assertEquals("redirect-uri", problem.settingKey(), redirect);
        }
    }

    @Test
    void browserConnectionsDefaultToProvidersThatBlockEmbeddedBrowsers() throws Exception {
        AppConfig config = ConfigLoader.load(List.of(), Map.of(), missingFile());
        assertTrue(config.ways().useBrowserFor(java.util.Optional.of("google-oauth2")));
        assertFalse(config.ways().useBrowserFor(java.util.Optional.of("github")));
        assertFalse(config.ways().useBrowserFor(java.util.Optional.empty()), "the main sign-in is embedded by default");
    }

    @Test
    void theSignInHostsDefaultToTheProvidersTheAppKnowsAndComeFromEverySource() throws Exception {
        assertEquals(
                AppConfig.DEFAULT_SIGN_IN_HOSTS,
                ConfigLoader.load(List.of(), Map.of(), missingFile()).signInHosts());
        assertTrue(AppConfig.DEFAULT_SIGN_IN_HOSTS.containsAll(List.of(
                "accounts.google.com",
                "github.com",
                "login.microsoftonline.com",
                "appleid.apple.com",
                "www.facebook.com")));
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "sign-in-hosts=login.file.example\n");
        Path installer = folder.resolve("installer.properties");
        Files.writeString(installer, "sign-in-hosts=acme.okta.com, Login.MicrosoftOnline.com\n");
        assertEquals(
                List.of("acme.okta.com", "login.microsoftonline.com"),
                ConfigLoader.load(List.of(), Map.of(), missingFile(), java.util.Optional.of(installer))
                        .signInHosts(),
                "an organisation's build lists its own identity providers");
        assertEquals(
                List.of("login.file.example"),
                ConfigLoader.load(List.of(), Map.of(), file, java.util.Optional.of(installer))
                        .signInHosts());
        assertEquals(
                List.of("login.env.example", "github.com"),
                ConfigLoader.load(
                                List.of(),
                                Map.of("AUTH0_SIGN_IN_HOSTS", "login.env.example,github.com,github.com"),
                                file)
                        .signInHosts());
        assertEquals(
                List.of(),
                ConfigLoader.load(List.of("--sign-in-hosts=none"), Map.of("AUTH0_SIGN_IN_HOSTS", "x.example"), file)
                        .signInHosts(),
                "none: the tenant's own pages only");
        assertEquals(
                List.of("localhost", "127.0.0.1", "[::1]"),
                ConfigLoader.load(List.of("--sign-in-hosts", "localhost, 127.0.0.1, [::1]"), Map.of(), file)
                        .signInHosts());
        assertEquals(
                List.of("accounts.google.com"),
                ConfigLoader.load(
                                List.of(
                                        "--domain=acme.auth0.com",
                                        "--client-id=abc",
                                        "--sign-in-hosts=accounts.google.com"),
                                Map.of(),
                                missingFile())
                        .signInHosts(),
                "for a configured tenant as for the demo");
    }

    @Test
    void aSignInHostThatIsNotAHostNameIsRefusedWithWhatToWrite() {
        for (String bad : List.of(
                "https://accounts.google.com",
                "accounts.google.com:443",
                "accounts.google.com/o/oauth2",
                "*.google.com",
                "bad host",
                "999.1.1.1",
                "[not-ipv6]")) {
            ConfigException problem = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(List.of("--sign-in-hosts=github.com," + bad), Map.of(), missingFile()),
                    bad);
            assertEquals("sign-in-hosts", problem.settingKey(), bad);
            assertEquals("config.error.signInHost", problem.messageKey(), bad);
            assertEquals(Optional.of(ConfigException.Source.COMMAND_LINE), problem.source());
        }
        ConfigException problem = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of(), Map.of("AUTH0_SIGN_IN_HOSTS", "https://x.example"), missingFile()));
        assertEquals(
                "The setting sign-in-hosts contains something that is not a host name: \"https://x.example\". Write"
                        + " host names only, separated by commas (for example accounts.google.com, github.com), without"
                        + " https:// or a port, or none.",
                dev.accountlinker.i18n.Messages.forLocale(java.util.Locale.ENGLISH)
                        .format(new dev.accountlinker.errors.ErrorTranslator(java.time.Clock.systemUTC())
                                .translate(problem)));
    }

    @Test
    void theLoopbackPortsDefaultToTheDocumentedRegistrableOnes() throws Exception {
        SignInWays ways = ConfigLoader.load(List.of(), Map.of(), missingFile()).ways();
        assertEquals(List.of(28471, 28472, 28473), ways.loopbackPorts());
        assertEquals(
                List.of(
                        URI.create("http://127.0.0.1:28471/callback"),
                        URI.create("http://127.0.0.1:28472/callback"),
                        URI.create("http://127.0.0.1:28473/callback")),
                ways.callbackUris());
        assertEquals(
                List.of(
                        URI.create("http://127.0.0.1:28471/signed-out"),
                        URI.create("http://127.0.0.1:28472/signed-out"),
                        URI.create("http://127.0.0.1:28473/signed-out")),
                ways.signedOutUris());
        AppConfig forTenant =
                ConfigLoader.load(List.of("--domain=acme.auth0.com", "--client-id=abc"), Map.of(), missingFile());
        assertEquals(SignInWays.DEFAULT_LOOPBACK_PORTS, forTenant.ways().loopbackPorts());
    }

    @Test
    void aLoopbackPortIsExactlyThatPortFromEverySource(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "loopback-port=40001\n");
        assertEquals(
                List.of(40001),
                ConfigLoader.load(List.of(), Map.of(), file).ways().loopbackPorts(),
                "settings file");
        assertEquals(
                List.of(40002),
                ConfigLoader.load(List.of(), Map.of("AUTH0_LOOPBACK_PORT", "40002"), file)
                        .ways()
                        .loopbackPorts(),
                "environment over the file");
        SignInWays fromArgs = ConfigLoader.load(
                        List.of("--loopback-port", "40003"), Map.of("AUTH0_LOOPBACK_PORT", "40002"), file)
                .ways();
        assertEquals(List.of(40003), fromArgs.loopbackPorts(), "command line over both, and no fallback");
        assertEquals(List.of(URI.create("http://127.0.0.1:40003/callback")), fromArgs.callbackUris());
        assertEquals(List.of(URI.create("http://127.0.0.1:40003/signed-out")), fromArgs.signedOutUris());
        assertEquals(
                List.of(1024),
                ConfigLoader.load(List.of("--loopback-port=1024"), Map.of(), missingFile())
                        .ways()
                        .loopbackPorts());
        assertEquals(
                List.of(65535),
                ConfigLoader.load(List.of("--loopback-port=65535"), Map.of(), missingFile())
                        .ways()
                        .loopbackPorts());
    }

    @Test
    void anyFreePortIsRefusedBecauseItCouldNeverBeRegistered() {
        for (List<String> args : List.of(List.of("--loopback-port=0"), List.of("--loopback-port=00"))) {
            ConfigException any =
                    assertThrows(ConfigException.class, () -> ConfigLoader.load(args, Map.of(), missingFile()));
            assertEquals("loopback-port", any.settingKey());
            assertEquals("config.error.portAny", any.messageKey());
        }
        ConfigException fromEnvironment = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of(), Map.of("AUTH0_LOOPBACK_PORT", "0"), missingFile()));
        assertEquals("config.error.portAny", fromEnvironment.messageKey());
        String message = Messages.forLocale(Locale.ENGLISH)
                .format(new ErrorTranslator(Clock.systemUTC()).translate(fromEnvironment));
        assertTrue(
                message.contains("loopback-port")
                        && message.contains("cannot be 0")
                        && message.contains("28471, 28472, 28473"),
                message);
    }

    @Test
    void loopbackPortsOutsideTheUnprivilegedRangeAreRefused() {
        for (String value : List.of("80", "1023", "65536", "99999", "-1", "abc", "28471,28472", "2847 1")) {
            ConfigException port = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(List.of("--loopback-port=" + value), Map.of(), missingFile()),
                    value);
            assertEquals("loopback-port", port.settingKey(), value);
            assertEquals("config.error.port", port.messageKey(), value);
        }
    }

    @Test
    void browserConnectionsAndLoopbackPortCanBeSet() throws Exception {
        AppConfig all =
                ConfigLoader.load(List.of("--browser-connections=*", "--loopback-port=53682"), Map.of(), missingFile());
        assertTrue(all.ways().useBrowserFor(java.util.Optional.empty()));
        assertEquals(List.of(53682), all.ways().loopbackPorts());
        AppConfig none = ConfigLoader.load(List.of(), Map.of("AUTH0_BROWSER_CONNECTIONS", "none"), missingFile());
        assertFalse(none.ways().useBrowserFor(java.util.Optional.of("google-oauth2")));
        ConfigException port = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of("--loopback-port=99999"), Map.of(), missingFile()));
        assertEquals("loopback-port", port.settingKey());
        assertEquals("config.error.port", port.messageKey());
    }

    @Test
    void emptyArgumentsFromTheRunCommandAreIgnored() throws Exception {
        assertTrue(ConfigLoader.load(List.of(""), Map.of(), missingFile()).demo());
    }

    @Test
    void theDefaultSettingsFileLivesInTheUsersConfigFolder() {
        Path file = ConfigLoader.defaultSettingsFile();
        assertEquals("settings.properties", file.getFileName().toString());
        assertFalse(file.toString().isBlank());
    }

    @Test
    void theThemeComesFromTheCommandLineTheEnvironmentOrTheSettingsFileAndDefaultsToTheSystems() throws IOException {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "theme=dark\n");
        assertEquals(
                ThemeSetting.SYSTEM,
                ConfigLoader.theme(List.of(), Map.of(), missingFile(), java.util.Optional.empty()));
        assertEquals(ThemeSetting.DARK, ConfigLoader.theme(List.of(), Map.of(), file, java.util.Optional.empty()));
        assertEquals(
                ThemeSetting.LIGHT,
                ConfigLoader.theme(List.of(), Map.of("AUTH0_THEME", "Light"), file, java.util.Optional.empty()));
        assertEquals(
                ThemeSetting.SYSTEM,
                ConfigLoader.theme(
                        List.of("--theme=system"), Map.of("AUTH0_THEME", "light"), file, java.util.Optional.empty()));
    }

    @Test
    void anUnknownThemeIsNamedByLoadingAndStartsWithTheDefault() throws IOException {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "theme=purple\n");
        ConfigException problem =
                assertThrows(ConfigException.class, () -> ConfigLoader.load(List.of(), Map.of(), file));
        assertEquals("theme", problem.settingKey());
        assertEquals("config.error.theme", problem.messageKey());
        assertEquals(ConfigException.Source.SETTINGS_FILE, problem.source().orElseThrow());
        assertEquals(
                "The setting theme must be light, dark or system, not \"purple\".",
                Messages.forLocale(Locale.ENGLISH).format(new ErrorTranslator(Clock.systemUTC()).translate(problem)));
        assertEquals(ThemeSetting.SYSTEM, ConfigLoader.theme(List.of(), Map.of(), file, java.util.Optional.empty()));
        assertTrue(ConfigLoader.settingsFileKeys().contains("theme"), "the theme menu may save it");
    }
}
