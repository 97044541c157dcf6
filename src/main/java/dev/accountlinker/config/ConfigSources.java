package dev.accountlinker.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the configuration comes from, kept so it can be read again: after the connect screen saved the settings
 * file, the app continues exactly as it would start next time.
 *
 * @param settingsFile  the user's settings file (the connect screen writes it)
 * @param installerFile the installer settings file of an organisation's build, if any
 */
public record ConfigSources(
        List<String> args, Map<String, String> environment, Path settingsFile, Optional<Path> installerFile) {
    public ConfigSources {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    /** This process: its arguments, environment, the user's settings file and the installer's, if any. */
    public static ConfigSources ofProcess(List<String> args) {
        return new ConfigSources(
                args, System.getenv(), ConfigLoader.defaultSettingsFile(), ConfigLoader.installerSettingsFile());
    }

    /** Only a settings file (tests, and nothing given on the command line or in the environment). */
    public static ConfigSources settingsFileOnly(Path settingsFile) {
        return new ConfigSources(List.of(), Map.of(), settingsFile, Optional.empty());
    }

    public ConfigSources withInstallerFile(Path file) {
        return new ConfigSources(args, environment, settingsFile, Optional.of(file));
    }

    public AppConfig load() throws ConfigException {
        return ConfigLoader.load(args, environment, settingsFile, installerFile);
    }

    /** The demo, keeping what is still known of a configuration that cannot be used (see {@link ConfigLoader#fallback}). */
    public AppConfig fallback() {
        return ConfigLoader.fallback(args, environment, settingsFile, installerFile);
    }

    /** The theme to start with (see {@link ConfigLoader#theme}); never fails. */
    public ThemeSetting theme() {
        return ConfigLoader.theme(args, environment, settingsFile, installerFile);
    }

    /** The language to speak (see {@link ConfigLoader#language}); never fails. */
    public Locale language(Locale system) {
        return ConfigLoader.language(args, environment, settingsFile, installerFile, system);
    }

    public UserSettingsFile userSettings() {
        return new UserSettingsFile(settingsFile);
    }
}
