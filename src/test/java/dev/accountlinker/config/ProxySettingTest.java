package dev.accountlinker.config;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --proxy}, {@code AUTH0_PROXY} and the settings key {@code proxy}. */
class ProxySettingTest {
    @TempDir
    Path folder;

    @Test
    void aProxyComesFromTheCommandLineTheEnvironmentOrTheSettingsFile() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "proxy=http://file.proxy.test:3128\n");
        assertEquals(
                new ProxySetting.Http("file.proxy.test", 3128),
                ConfigLoader.load(List.of(), Map.of(), file).proxy());
        assertEquals(
                new ProxySetting.Http("env.proxy.test", 8080),
                ConfigLoader.load(List.of(), Map.of("AUTH0_PROXY", "http://env.proxy.test:8080/"), file)
                        .proxy());
        assertEquals(
                ProxySetting.DIRECT,
                ConfigLoader.load(List.of("--proxy=none"), Map.of("AUTH0_PROXY", "http://env.proxy.test:8080"), file)
                        .proxy());
        assertEquals(
                ProxySetting.AUTOMATIC,
                ConfigLoader.load(List.of(), Map.of(), folder.resolve("absent.properties"))
                        .proxy());
        assertEquals(
                new ProxySetting.Http("::1", 3128),
                ConfigLoader.load(List.of("--proxy", "http://[::1]:3128"), Map.of(), file)
                        .proxy());
    }

    @Test
    void aRejectedProxyOrDomainIsRepeatedWithoutItsUserNameAndPasswordFromEverySource() throws Exception {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        ErrorTranslator translator = new ErrorTranslator(Clock.systemUTC());
        Path settingsFile = folder.resolve("settings.properties");
        Path installerFile = folder.resolve("installer.properties");
        String proxy = "http://alice:s3cret@proxy.acme.test:3128";
        String domain = "https://alice:s3cret@acme.eu.auth0.com";
        record Source(List<String> args, Map<String, String> environment, String file, String installer) {}
        List<Source> sources = List.of(
                new Source(List.of("--proxy=" + proxy), Map.of(), "", ""),
                new Source(List.of(), Map.of("AUTH0_PROXY", proxy), "", ""),
                new Source(List.of(), Map.of(), "proxy=" + proxy + "\n", ""),
                new Source(List.of(), Map.of(), "", "proxy=" + proxy + "\n"),
                new Source(List.of("--domain=" + domain, "--client-id=Acme1"), Map.of(), "", ""),
                new Source(List.of(), Map.of("AUTH0_DOMAIN", domain, "AUTH0_CLIENT_ID", "Acme1"), "", ""),
                new Source(List.of(), Map.of(), "domain=alice:s3cret@acme.eu.auth0.com\nclient-id=Acme1\n", ""),
                new Source(List.of(), Map.of(), "", "domain=" + domain + "\nclient-id=Acme1\n"));
        for (Source source : sources) {
            Files.writeString(settingsFile, source.file());
            Files.writeString(installerFile, source.installer());
            ConfigException problem = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(
                            source.args(), source.environment(), settingsFile, java.util.Optional.of(installerFile)),
                    source.toString());
            String shown = english.format(translator.translate(problem));
            assertTrue(shown.contains("***@"), shown);
            assertFalse(shown.contains("s3cret") || shown.contains("alice"), shown);
            assertFalse(String.valueOf(problem.getMessage()).contains("s3cret"), problem.getMessage());
            assertFalse(
                    problem.arguments().toString().contains("s3cret"),
                    problem.arguments().toString());
        }
        assertEquals(
                "The setting proxy is not a proxy address: \"http://***@proxy.acme.test:3128\". Use http://host:port"
                        + " (for example http://proxy.example.com:3128), or none for a direct connection. A user name and"
                        + " password in the address are not supported.",
                english.format(translator.translate(assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load(List.of("--proxy=" + proxy), Map.of(), folder.resolve("absent"))))));
    }

    @Test
    void theUserNameAndPasswordOfAnyAddressInAMessageAreHidden() {
        assertEquals("http://***@proxy.test:3128", ConfigException.withoutUserInfo("http://u:p@proxy.test:3128"));
        assertEquals("http://***@proxy.test:3128", ConfigException.withoutUserInfo("http://u@proxy.test:3128"));
        assertEquals(
                "HTTPS://***@acme.test/a@b",
                ConfigException.withoutUserInfo("HTTPS://u:p@ss@acme.test/a@b"),
                "up to the last @ of the address, never past its path");
        assertEquals("***@proxy.test:3128", ConfigException.withoutUserInfo("u:p@proxy.test:3128"));
        assertEquals("--proxy=http://***@h:1", ConfigException.withoutUserInfo("--proxy=http://u:p@h:1"));
        assertEquals(
                "/home/jo@corp/settings.properties",
                ConfigException.withoutUserInfo("/home/jo@corp/settings.properties"),
                "a path is not an address");
        assertEquals("C:\\Users\\jo:x@corp", ConfigException.withoutUserInfo("C:\\Users\\jo:x@corp"));
        assertEquals("alice@example.com", ConfigException.withoutUserInfo("alice@example.com"));
    }

    @Test
    void anythingButHttpHostPortOrNoneIsRefusedWithAMessageThatSaysWhatToWrite() {
        for (String bad : List.of(
                "proxy.test:3128",
                "https://proxy.test:3128",
                "http://proxy.test",
                "http://user:secret@proxy.test:3128",
                "http://proxy.test:3128/path",
                "socks5://proxy.test:1080",
                "http://proxy.test:99999")) {
            ConfigException problem = assertThrows(
                    ConfigException.class,
                    () -> ConfigLoader.load(List.of("--proxy=" + bad), Map.of(), folder.resolve("absent")),
                    bad);
            assertEquals("proxy", problem.settingKey(), bad);
            assertEquals("config.error.proxy", problem.messageKey(), bad);
        }
        ConfigException problem = assertThrows(
                ConfigException.class,
                () -> ConfigLoader.load(List.of("--proxy=proxy.test:3128"), Map.of(), folder.resolve("absent")));
        assertEquals(
                "The setting proxy is not a proxy address: \"proxy.test:3128\". Use http://host:port (for example"
                        + " http://proxy.example.com:3128), or none for a direct connection. A user name and password in the"
                        + " address are not supported.",
                Messages.forLocale(Locale.ENGLISH).format(new ErrorTranslator(Clock.systemUTC()).translate(problem)));
    }
}
