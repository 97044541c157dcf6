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
import static org.junit.jupiter.api.Assertions.assertThrows;

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
