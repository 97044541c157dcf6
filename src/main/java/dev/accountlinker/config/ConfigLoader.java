package dev.accountlinker.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads the configuration. Precedence, highest first: command line ({@code --key=value}), environment,
 * settings file, demo. With nothing configured the app runs against its built-in demo tenant.
 */
public final class ConfigLoader {
    public static final String DOMAIN = "domain";
    public static final String CLIENT_ID = "client-id";
    public static final String CONNECTIONS = "connections";
    public static final String REDIRECT_URI = "redirect-uri";
    public static final String DEMO = "demo";
    public static final String BROWSER_CONNECTIONS = "browser-connections";
    public static final String LOOPBACK_PORT = "loopback-port";
    public static final String LANGUAGE = "language";

    private static final Map<String, String> ENVIRONMENT_NAMES = Map.of(
            DOMAIN, "AUTH0_DOMAIN",
            CLIENT_ID, "AUTH0_CLIENT_ID",
            CONNECTIONS, "AUTH0_CONNECTIONS",
            REDIRECT_URI, "AUTH0_REDIRECT_URI",
            BROWSER_CONNECTIONS, "AUTH0_BROWSER_CONNECTIONS",
            LOOPBACK_PORT, "AUTH0_LOOPBACK_PORT",
            LANGUAGE, "AUTH0_LANGUAGE");
    private static final List<String> VALUE_KEYS =
            List.of(DOMAIN, CLIENT_ID, CONNECTIONS, REDIRECT_URI, BROWSER_CONNECTIONS, LOOPBACK_PORT, LANGUAGE);
    private static final Pattern CONNECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** Control characters a text file of settings never holds (tab, line breaks and form feed are fine). */
    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]");
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern CLIENT_ID_CHARS = Pattern.compile("[A-Za-z0-9_.-]+");

    private ConfigLoader() {
    }

    /** The settings file in the user's configuration folder (it need not exist). */
    public static Path defaultSettingsFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "AccountLinker", "settings.properties");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "AccountLinker", "settings.properties");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("account-linker").resolve("settings.properties");
    }

    /** A command-line option: its name without {@code --} and its environment variable (none for a flag). */
    public record Option(String name, Optional<String> environmentVariable) {
        public boolean isFlag() {
            return environmentVariable.isEmpty();
        }
    }

    /** Every option the app reads, in the order the README and {@code --help} list them. */
    public static List<Option> options() {
        List<Option> options = new ArrayList<>();
        for (String key : VALUE_KEYS) {
            options.add(new Option(key, Optional.of(ENVIRONMENT_NAMES.get(key))));
        }
        options.add(new Option(DEMO, Optional.empty()));
        return List.copyOf(options);
    }

    /**
     * Checks only the shape of the command line (known options, each value option with a value), not the values:
     * the launcher reports these mistakes on the console before any window opens.
     */
    public static void checkCommandLine(List<String> args) throws ConfigException {
        parseArguments(args, new LinkedHashMap<>());
    }

    /**
     * The language the app speaks: the {@code language} setting (command line, environment, settings file) when it
     * is one the app speaks, otherwise the system's (see {@link Languages#fromSystem}). Never fails: the messages
     * must exist before anything can be said, so a wrong value is reported by {@link #load} instead, in the
     * system's language.
     */
    public static Locale language(List<String> args, Map<String, String> environment, Path settingsFile, Locale system) {
        String value;
        try {
            value = merged(args, environment, settingsFile).settings().get(LANGUAGE);
        } catch (ConfigException unreadableCommandLine) {
            try {
                // The launcher reports the command line in the language of the environment or the settings file.
                value = merged(List.of(), environment, settingsFile).settings().get(LANGUAGE);
            } catch (ConfigException unreadableFile) {
                value = null;
            }
        }
        try {
            return value != null ? Languages.parse(LANGUAGE, value) : Languages.fromSystem(system);
        } catch (ConfigException unusable) {
            return Languages.fromSystem(system);
        }
    }

    private record Merged(Map<String, String> settings, boolean demoRequested) {
    }

    /** Every value setting from its highest-precedence source. */
    private static Merged merged(List<String> args, Map<String, String> environment, Path settingsFile)
            throws ConfigException {
        Map<String, String> fromArgs = new LinkedHashMap<>();
        boolean demoRequested = parseArguments(args, fromArgs);
        Map<String, String> fromFile = readSettingsFile(settingsFile);
        Map<String, String> merged = new LinkedHashMap<>();
        for (String key : VALUE_KEYS) {
            String value = firstPresent(fromArgs.get(key), environment.get(ENVIRONMENT_NAMES.get(key)), fromFile.get(key));
            if (value != null) {
                merged.put(key, value);
            }
        }
        return new Merged(merged, demoRequested);
    }

    public static AppConfig load(List<String> args, Map<String, String> environment, Path settingsFile)
            throws ConfigException {
        Merged all = merged(args, environment, settingsFile);
        Map<String, String> merged = all.settings();
        boolean demoRequested = all.demoRequested();
        if (merged.containsKey(LANGUAGE)) {
            Languages.parse(LANGUAGE, merged.get(LANGUAGE)); // chosen by language(...); only checked here
        }

        List<String> connections = merged.containsKey(CONNECTIONS)
                ? parseConnections(merged.get(CONNECTIONS)) : null;
        URI redirectUri = merged.containsKey(REDIRECT_URI)
                ? parseRedirectUri(merged.get(REDIRECT_URI)) : AppConfig.DEFAULT_REDIRECT_URI;

        SignInWays ways = new SignInWays(
                merged.containsKey(BROWSER_CONNECTIONS) ? parseBrowserConnections(merged.get(BROWSER_CONNECTIONS))
                        : SignInWays.DEFAULT_BROWSER_CONNECTIONS,
                merged.containsKey(LOOPBACK_PORT) ? List.of(parseLoopbackPort(merged.get(LOOPBACK_PORT)))
                        : SignInWays.DEFAULT_LOOPBACK_PORTS);

        boolean tenantConfigured = merged.containsKey(DOMAIN) || merged.containsKey(CLIENT_ID);
        if (demoRequested || !tenantConfigured) {
            return new AppConfig(true, Optional.empty(),
                    connections != null ? connections : AppConfig.DEMO_CONNECTIONS, redirectUri, ways);
        }
        for (String required : List.of(DOMAIN, CLIENT_ID)) {
            if (!merged.containsKey(required)) {
                throw new ConfigException(required, "config.error.missingSetting", ENVIRONMENT_NAMES.get(required),
                        settingsFile == null ? defaultSettingsFile().toAbsolutePath().toString()
                                : settingsFile.toAbsolutePath().toString());
            }
        }
        TenantAddress address = TenantAddress.parse(DOMAIN, merged.get(DOMAIN));
        String clientId = parseClientId(merged.get(CLIENT_ID));
        return AppConfig.forTenant(new TenantSettings(address, clientId,
                connections != null ? connections : List.of(), redirectUri)).withWays(ways);
    }

    private static boolean parseArguments(List<String> args, Map<String, String> into) throws ConfigException {
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg == null || arg.isBlank()) {
                continue; // an empty argument comes from an unset ${app.args} in the Maven run command
            }
            if (!arg.startsWith("--")) {
                throw new ConfigException(arg, "config.error.unknownArgument", arg, knownOptions());
            }
            String body = arg.substring(2);
            int equals = body.indexOf('=');
            String key = equals < 0 ? body : body.substring(0, equals);
            if (key.equals(DEMO) && equals < 0) {
                demo = true;
                continue;
            }
            if (!VALUE_KEYS.contains(key)) {
                throw new ConfigException("--" + key, "config.error.unknownArgument", "--" + key, knownOptions());
            }
            String value;
            if (equals >= 0) {
                value = body.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new ConfigException("--" + key, "config.error.missingValue");
            }
            into.put(key, value);
        }
        return demo;
    }

    /** The option names for the "unknown option" message, so a new option is listed there without a new text. */
    private static String knownOptions() {
        return options().stream().map(option -> "--" + option.name()).collect(java.util.stream.Collectors.joining(", "));
    }

    private static Map<String, String> readSettingsFile(Path file) throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        if (file == null || Files.notExists(file)) {
            return values; // no settings file is the normal case
        }
        String where = file.toAbsolutePath().toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            throw new ConfigException(where, "config.error.invalidFileContent", where);
        } catch (IOException e) {
            // Permissions, a folder in the way, a disk error: the content itself is not the problem.
            throw new ConfigException(where, "config.error.unreadableFile", where);
        }
        if (text.startsWith(BYTE_ORDER_MARK)) {
            text = text.substring(1); // some Windows editors start UTF-8 files with one
        }
        if (BINARY.matcher(text).find()) {
            throw new ConfigException(where, "config.error.invalidFileContent", where);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException malformedEscape) {
            throw new ConfigException(where, "config.error.invalidFileContent", where);
        }
        for (String name : properties.stringPropertyNames()) {
            if (!VALUE_KEYS.contains(name)) {
                throw new ConfigException(name, "config.error.unknownFileKey", name, where, String.join(", ", VALUE_KEYS));
            }
            values.put(name, properties.getProperty(name));
        }
        return values;
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }

    private static String parseClientId(String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            throw new ConfigException(CLIENT_ID, "config.error.missing");
        }
        if (!CLIENT_ID_CHARS.matcher(value).matches()) {
            throw new ConfigException(CLIENT_ID, "config.error.clientId", value);
        }
        return value;
    }

    static List<String> parseConnections(String value) throws ConfigException {
        return parseConnectionNames(CONNECTIONS, value);
    }

    private static List<String> parseConnectionNames(String settingKey, String value) throws ConfigException {
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!CONNECTION_NAME.matcher(name).matches()) {
                throw new ConfigException(settingKey, "config.error.connection", name);
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Connection names, {@code *} for every sign-in, or {@code none}. */
    static List<String> parseBrowserConnections(String value) throws ConfigException {
        String text = value.strip();
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        if (text.equals(SignInWays.ALL)) {
            return List.of(SignInWays.ALL);
        }
        return parseConnectionNames(BROWSER_CONNECTIONS, text);
    }

    /**
     * Exactly one fixed port, no fallback. Not 0 (any free port) any more: Auth0 matches callback URLs as exact
     * strings, port included, so a port chosen at run time could never be registered.
     */
    static int parseLoopbackPort(String value) throws ConfigException {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(LOOPBACK_PORT, "config.error.port", value);
        }
        if (port == 0) {
            throw new ConfigException(LOOPBACK_PORT, "config.error.portAny", value,
                    SignInWays.DEFAULT_LOOPBACK_PORTS.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!SignInWays.isAcceptableLoopbackPort(port)) {
            throw new ConfigException(LOOPBACK_PORT, "config.error.port", value);
        }
        return port;
    }

    static URI parseRedirectUri(String value) throws ConfigException {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            // Only http(s): the embedded browser cannot even report a custom-scheme redirect without a
            // JVM-wide URL handler, and a loopback http URI is what RFC 8252 recommends anyway.
            // Unlike the tenant's address, http:// to any host is safe here: the embedded sign-in catches the
            // redirect inside the WebView and cancels it, so this URL is never requested and the code in it never
            // crosses a network (the system-browser way uses its own 127.0.0.1 listener).
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (!web || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawQuery() != null) {
                throw new ConfigException(REDIRECT_URI, "config.error.redirectUri", value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(REDIRECT_URI, "config.error.redirectUri", value);
        }
    }
}
