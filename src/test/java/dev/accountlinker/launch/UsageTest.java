package dev.accountlinker.launch;

import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @Test
    void everyOptionHasItsDescriptionAndEnvironmentVariable() {
        String usage = Usage.text(messages, Path.of("/home/someone/.config/account-linker/settings.properties"));
        for (ConfigLoader.Option option : ConfigLoader.options()) {
            String key = "option." + option.name();
            assertTrue(messages.has(key), "no description for --" + option.name() + " (" + key + ")");
            assertTrue(option.isFlag() || messages.has(key + ".value"), "no value name for --" + option.name());
            assertTrue(usage.contains("--" + option.name()), option.name());
            assertTrue(usage.contains(messages.get(key)), key);
            option.environmentVariable().ifPresent(variable -> assertTrue(usage.contains(variable), variable));
        }
        assertTrue(usage.contains("/home/someone/.config/account-linker/settings.properties"), usage);
        assertTrue(usage.contains("--help") && usage.contains("--version"), usage);
        assertTrue(usage.contains("--language=LANGUAGE") && usage.contains("AUTH0_LANGUAGE"), usage);
    }

    @Test
    void theHelpSpeaksTheChosenLanguage() {
        String usage = Usage.text(Messages.forLocale(Locale.GERMAN), Path.of("/home/jemand/settings.properties"));
        assertTrue(usage.startsWith("Aufruf: account-linker [OPTION]…"), usage);
        assertTrue(usage.contains("--language=SPRACHE") && usage.contains("AUTH0_LANGUAGE"), usage);
        assertTrue(usage.contains("Sprache der App und der Anmeldeseite: en, de, fr, es oder pt-BR"), usage);
    }
}
