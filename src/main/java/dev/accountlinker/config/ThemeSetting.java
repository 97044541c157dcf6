package dev.accountlinker.config;

import java.util.Locale;

/** The {@code theme} setting: light, dark, or whatever the operating system's colour scheme says. */
public enum ThemeSetting {
    LIGHT,
    DARK,
    SYSTEM;

    /** The default when nothing is set: follow the system. */
    public static final ThemeSetting DEFAULT = SYSTEM;

    /** The value as the settings file and the command line write it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws ConfigException naming {@code key} when the value is not light, dark or system */
    public static ThemeSetting parse(String key, String value) throws ConfigException {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (ThemeSetting setting : values()) {
            if (setting.value().equals(text)) {
                return setting;
            }
        }
        throw new ConfigException(key, "config.error.theme", value == null ? "" : value.strip());
    }
}
