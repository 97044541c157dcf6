package dev.accountlinker.config;

import dev.accountlinker.config.ConfigException.Source;

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
import java.util.stream.Collectors;

/**
 * Reads the configuration. Precedence, highest first: command line ({@code --key=value}), environment,
 * the user's settings file, the installer settings file (an organisation's build), demo. With nothing configured
 * the app runs against its built-in demo tenant.
 */
public final class ConfigLoader {
    public static final String DOMAIN = "domain";
    public static final String CLIENT_ID = "client-id";
    public static final String CONNECTIONS = "connections";
    public static final String REDIRECT_URI = "redirect-uri";
    public static final String DEMO = "demo";
    public static final String BROWSER_CONNECTIONS = "browser-connections";
    public static final String LOOPBACK_PORT = "loopback-port";
    /**
     * The identity providers' hosts the embedded sign-in window may show besides the tenant's own (RFC 8252 8.12):
     * host names, or {@code none} for the tenant's pages only.
     */
    public static final String SIGN_IN_HOSTS = "sign-in-hosts";

    public static final String PROXY = "proxy";
    /** light, dark or system: the app's colour theme (the theme menu writes it to the settings file). */
    public static final String THEME = "theme";
    /** en, de, fr, es or pt-BR: the app's language, and the one Universal Login is asked to speak. */
    public static final String LANGUAGE = "language";
    /** Installer settings file only: the name in the window title and on the sign-in screen. */
    public static final String PRODUCT_NAME = "product-name";
    /** Installer settings file only: whether the built-in demo is offered (true/false). */
    public static final String OFFER_DEMO = "offer-demo";
    /** Installer settings file only: whether the "Connect your Auth0 tenant" screen is offered (true/false). */
    public static final String OFFER_CONNECT = "offer-connect";
    /**
     * System property naming the installer settings file; the packaged launcher's configuration sets it when the
     * app image was built with one ({@code packaging/build.sh --settings FILE}).
     */
    public static final String INSTALLER_SETTINGS_PROPERTY = "accountlinker.installerSettings";

    private static final Map<String, String> ENVIRONMENT_NAMES = Map.of(
            DOMAIN, "AUTH0_DOMAIN",
            CLIENT_ID, "AUTH0_CLIENT_ID",
            CONNECTIONS, "AUTH0_CONNECTIONS",
            REDIRECT_URI, "AUTH0_REDIRECT_URI",
            BROWSER_CONNECTIONS, "AUTH0_BROWSER_CONNECTIONS",
            LOOPBACK_PORT, "AUTH0_LOOPBACK_PORT",
            SIGN_IN_HOSTS, "AUTH0_SIGN_IN_HOSTS",
            PROXY, "AUTH0_PROXY",
            THEME, "AUTH0_THEME",
            LANGUAGE, "AUTH0_LANGUAGE");
    private static final List<String> VALUE_KEYS = List.of(
            DOMAIN,
            CLIENT_ID,
            CONNECTIONS,
            REDIRECT_URI,
            BROWSER_CONNECTIONS,
            LOOPBACK_PORT,
            SIGN_IN_HOSTS,
            PROXY,
            THEME,
            LANGUAGE);
    private static final List<String> INSTALLER_ONLY_KEYS = List.of(PRODUCT_NAME, OFFER_DEMO, OFFER_CONNECT);
    private static final int MAX_PRODUCT_NAME = 60;
    private static final Pattern CONNECTION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    /** Control characters a text file of settings never holds (tab, line breaks and form feed are fine). */
    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]");

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern CLIENT_ID_CHARS = Pattern.compile("[A-Za-z0-9_.-]+");

    /** A value and where it came from. */
    private record Sourced(String text, Source source) {}

    private interface Parser<T> {
        T parse(String value) throws ConfigException;
    }

    private ConfigLoader() {}

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

    /** The installer settings file named by {@link #INSTALLER_SETTINGS_PROPERTY}, if any. */
    public static Optional<Path> installerSettingsFile() {
        String value = System.getProperty(INSTALLER_SETTINGS_PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
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

    public static AppConfig load(List<String> args, Map<String, String> environment, Path settingsFile)
            throws ConfigException {
        return load(args, environment, settingsFile, Optional.empty());
    }

    /**
     * @param installerFile the installer settings file of an organisation's build: below the user's settings file,
     *                      above the demo; it may also hold {@code product-name}, {@code offer-demo} and
     *                      {@code offer-connect}
     */
    public static AppConfig load(
            List<String> args, Map<String, String> environment, Path settingsFile, Optional<Path> installerFile)
            throws ConfigException {
        Map<String, String> fromArgs = new LinkedHashMap<>();
        boolean demoRequested;
        try {
            demoRequested = parseArguments(args, fromArgs);
        } catch (ConfigException problem) {
            throw problem.from(Source.COMMAND_LINE);
        }
        Map<String, String> fromFile = readSettingsFile(settingsFile, VALUE_KEYS, Source.SETTINGS_FILE);
        Map<String, String> fromInstaller = installerFile.isPresent()
                ? readSettingsFile(installerFile.get(), installerKeys(), Source.INSTALLER_FILE)
                : Map.of();

        Map<String, Sourced> merged = new LinkedHashMap<>();
        for (String key : VALUE_KEYS) {
            Sourced value = firstPresent(
                    new Sourced(fromArgs.get(key), Source.COMMAND_LINE),
                    new Sourced(environment.get(ENVIRONMENT_NAMES.get(key)), Source.ENVIRONMENT),
                    new Sourced(fromFile.get(key), Source.SETTINGS_FILE),
                    new Sourced(fromInstaller.get(key), Source.INSTALLER_FILE));
            if (value != null) {
                merged.put(key, value);
            }
        }

        List<String> connections = parsed(merged, CONNECTIONS, ConfigLoader::parseConnections, null);
        Optional<URI> redirectUri =
                Optional.ofNullable(parsed(merged, REDIRECT_URI, ConfigLoader::parseRedirectUri, null));
        SignInWays ways = new SignInWays(
                parsed(
                        merged,
                        BROWSER_CONNECTIONS,
                        ConfigLoader::parseBrowserConnections,
                        SignInWays.DEFAULT_BROWSER_CONNECTIONS),
                parsed(
                        merged,
                        LOOPBACK_PORT,
                        value -> List.of(parseLoopbackPort(value)),
                        SignInWays.DEFAULT_LOOPBACK_PORTS));
        List<String> signInHosts =
                parsed(merged, SIGN_IN_HOSTS, ConfigLoader::parseSignInHosts, AppConfig.DEFAULT_SIGN_IN_HOSTS);
        ProxySetting proxy = parsed(merged, PROXY, value -> ProxySetting.parse(PROXY, value), ProxySetting.AUTOMATIC);
        parsed(merged, THEME, value -> ThemeSetting.parse(THEME, value), ThemeSetting.DEFAULT); // applied by theme(...)
        parsed(merged, LANGUAGE, value -> Languages.parse(LANGUAGE, value), null); // applied by language(...)
        InstallerOptions installer = installerOptions(fromInstaller);

        if (demoRequested && !installer.offerDemo()) {
            // An organisation's build that hides the demo: --demo must not start it behind the organisation's back.
            throw new ConfigException(DEMO, "config.error.demoNotOffered", OFFER_DEMO).from(Source.COMMAND_LINE);
        }
        boolean tenantConfigured = merged.containsKey(DOMAIN) || merged.containsKey(CLIENT_ID);
        if (demoRequested || !tenantConfigured) {
            return new AppConfig(
                    true,
                    Optional.empty(),
                    connections != null ? connections : AppConfig.DEMO_CONNECTIONS,
                    redirectUri,
                    ways,
                    proxy,
                    installer,
                    signInHosts);
        }
        for (String required : List.of(DOMAIN, CLIENT_ID)) {
            if (!merged.containsKey(required)) {
                // Where the other half came from: there the missing one belongs too.
                Source where =
                        merged.get(required.equals(DOMAIN) ? CLIENT_ID : DOMAIN).source();
                throw new ConfigException(
                                required,
                                "config.error.missingSetting",
                                ENVIRONMENT_NAMES.get(required),
                                settingsFile == null
                                        ? defaultSettingsFile().toAbsolutePath().toString()
                                        : settingsFile.toAbsolutePath().toString())
                        .from(where);
            }
        }
        TenantAddress address = parsed(merged, DOMAIN, value -> TenantAddress.parse(DOMAIN, value), null);
        String clientId = parsed(merged, CLIENT_ID, ConfigLoader::parseClientId, null);
        return new AppConfig(
                false,
                Optional.of(new TenantSettings(
                        address,
                        clientId,
                        connections != null ? connections : List.of(),
                        redirectUri.orElseGet(() -> AppConfig.defaultRedirectUri(address)))),
                connections != null ? connections : List.of(),
                redirectUri,
                ways,
                proxy,
                installer,
                signInHosts);
    }

    /**
     * What is still known when the configuration cannot be used: the installer's choices (product name, demo and
     * connect screen offered) and the proxy, each where it can be read; the defaults otherwise.
     */
    public static AppConfig fallback(
            List<String> args, Map<String, String> environment, Path settingsFile, Optional<Path> installerFile) {
        InstallerOptions installer = InstallerOptions.DEFAULT;
        Map<String, String> fromInstaller = Map.of();
        if (installerFile.isPresent()) {
            try {
                fromInstaller = readSettingsFile(installerFile.get(), installerKeys(), Source.INSTALLER_FILE);
                installer = installerOptions(fromInstaller);
            } catch (ConfigException unusable) {
                fromInstaller = Map.of();
            }
        }
        ProxySetting proxy = readLeniently(
                PROXY,
                args,
                environment,
                settingsFile,
                fromInstaller,
                value -> ProxySetting.parse(PROXY, value),
                ProxySetting.AUTOMATIC);
        return AppConfig.demoDefaults().withProxy(proxy).withInstaller(installer);
    }

    /**
     * The theme to start with: the {@code theme} setting from its highest-precedence source (command line,
     * environment, the user's settings file, the installer's), or {@link ThemeSetting#DEFAULT}. Never fails: the
     * first window needs a theme before anything can be said, so a wrong value is reported by {@link #load} instead
     * (and the default is used meanwhile).
     */
    public static ThemeSetting theme(
            List<String> args, Map<String, String> environment, Path settingsFile, Optional<Path> installerFile) {
        return readLeniently(
                THEME,
                args,
                environment,
                settingsFile,
                installerValues(installerFile),
                value -> ThemeSetting.parse(THEME, value),
                ThemeSetting.DEFAULT);
    }

    /**
     * The language the app speaks: the {@code language} setting when it is one the app speaks, otherwise the
     * system's (see {@link Languages#fromSystem}). Never fails: the messages must exist before anything can be said,
     * so a wrong value is reported by {@link #load} instead, in the system's language. An unreadable command line
     * is reported in the language of the environment or the settings file.
     */
    public static Locale language(
            List<String> args,
            Map<String, String> environment,
            Path settingsFile,
            Optional<Path> installerFile,
            Locale system) {
        return readLeniently(
                LANGUAGE,
                args,
                environment,
                settingsFile,
                installerValues(installerFile),
                value -> Languages.parse(LANGUAGE, value),
                Languages.fromSystem(system));
    }

    private static Map<String, String> installerValues(Optional<Path> installerFile) {
        return installerFile.map(UserSettingsFile::readValues).orElse(Map.of());
    }

    /**
     * One setting from its highest-precedence source that can be read at all, parsed; {@code otherwise} when no
     * source has it or its value cannot be used (loading reports that).
     */
    private static <T> T readLeniently(
            String key,
            List<String> args,
            Map<String, String> environment,
            Path settingsFile,
            Map<String, String> fromInstaller,
            Parser<T> parser,
            T otherwise) {
        Map<String, String> fromArgs = new LinkedHashMap<>();
        try {
            parseArguments(args, fromArgs);
        } catch (ConfigException unreadable) {
            fromArgs.clear();
        }
        Sourced value = firstPresent(
                new Sourced(fromArgs.get(key), Source.COMMAND_LINE),
                new Sourced(environment.get(ENVIRONMENT_NAMES.get(key)), Source.ENVIRONMENT),
                new Sourced(UserSettingsFile.readValues(settingsFile).get(key), Source.SETTINGS_FILE),
                new Sourced(fromInstaller.get(key), Source.INSTALLER_FILE));
        if (value == null) {
            return otherwise;
        }
        try {
            return parser.parse(value.text());
        } catch (ConfigException unusable) {
            return otherwise;
        }
    }

    /**
     * Checks one value as the settings file would hold it (e.g. as a person types it on the connect screen).
     *
     * @throws ConfigException naming the key, as loading would
     */
    public static void checkValue(String key, String value) throws ConfigException {
        switch (key) {
            case DOMAIN -> TenantAddress.parse(DOMAIN, value);
            case CLIENT_ID -> parseClientId(value == null ? "" : value.strip());
            case CONNECTIONS -> parseConnections(value);
            case REDIRECT_URI -> parseRedirectUri(value);
            case BROWSER_CONNECTIONS -> parseBrowserConnections(value);
            case LOOPBACK_PORT -> parseLoopbackPort(value);
            case SIGN_IN_HOSTS -> parseSignInHosts(value);
            case PROXY -> ProxySetting.parse(PROXY, value);
            case THEME -> ThemeSetting.parse(THEME, value);
            case LANGUAGE -> Languages.parse(LANGUAGE, value);
            default ->
                throw new ConfigException(
                        key,
                        "config.error.unknownFileKey",
                        key,
                        defaultSettingsFile().toAbsolutePath().toString(),
                        String.join(", ", VALUE_KEYS));
        }
    }

    /** The keys a user's settings file may hold. */
    public static List<String> settingsFileKeys() {
        return VALUE_KEYS;
    }

    private static List<String> installerKeys() {
        List<String> keys = new ArrayList<>(VALUE_KEYS);
        keys.addAll(INSTALLER_ONLY_KEYS);
        return List.copyOf(keys);
    }

    private static InstallerOptions installerOptions(Map<String, String> fromInstaller) throws ConfigException {
        Optional<String> productName = Optional.ofNullable(fromInstaller.get(PRODUCT_NAME))
                .map(String::strip)
                .filter(name -> !name.isEmpty());
        if (productName.isPresent() && productName.get().length() > MAX_PRODUCT_NAME) {
            throw new ConfigException(PRODUCT_NAME, "config.error.productName", productName.get(), MAX_PRODUCT_NAME)
                    .from(Source.INSTALLER_FILE);
        }
        return new InstallerOptions(
                productName,
                parseFlag(OFFER_DEMO, fromInstaller.get(OFFER_DEMO)),
                parseFlag(OFFER_CONNECT, fromInstaller.get(OFFER_CONNECT)));
    }

    private static boolean parseFlag(String key, String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new ConfigException(key, "config.error.flag", value.strip()).from(Source.INSTALLER_FILE);
        };
    }

    private static <T> T parsed(Map<String, Sourced> merged, String key, Parser<T> parser, T absent)
            throws ConfigException {
        Sourced value = merged.get(key);
        if (value == null) {
            return absent;
        }
        try {
            return parser.parse(value.text());
        } catch (ConfigException problem) {
            throw problem.from(value.source());
        }
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
        return options().stream().map(option -> "--" + option.name()).collect(Collectors.joining(", "));
    }

    private static Map<String, String> readSettingsFile(Path file, List<String> allowedKeys, Source source)
            throws ConfigException {
        try {
            return readSettingsFile(
                    file,
                    allowedKeys,
                    source == Source.INSTALLER_FILE
                            ? "config.error.unknownInstallerKey"
                            : "config.error.unknownFileKey");
        } catch (ConfigException problem) {
            throw problem.from(source);
        }
    }

    private static Map<String, String> readSettingsFile(Path file, List<String> allowedKeys, String unknownKeyMessage)
            throws ConfigException {
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
            if (!allowedKeys.contains(name)) {
                throw new ConfigException(name, unknownKeyMessage, name, where, String.join(", ", allowedKeys));
            }
            values.put(name, properties.getProperty(name));
        }
        return values;
    }

    private static Sourced firstPresent(Sourced... candidates) {
        for (Sourced candidate : candidates) {
            if (candidate.text() != null && !candidate.text().isBlank()) {
                return new Sourced(candidate.text().strip(), candidate.source());
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
            throw new ConfigException(
                    LOOPBACK_PORT,
                    "config.error.portAny",
                    value,
                    SignInWays.DEFAULT_LOOPBACK_PORTS.stream()
                            .map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!SignInWays.isAcceptableLoopbackPort(port)) {
            throw new ConfigException(LOOPBACK_PORT, "config.error.port", value);
        }
        return port;
    }

    /**
     * Host names (or IP literals), separated by commas, lower-cased, or {@code none}. Only hosts: the sign-in window
     * compares the host of each page, whatever its port; a scheme, port, path or wildcard is refused so that what an
     * admin writes is exactly what is allowed.
     */
    static List<String> parseSignInHosts(String value) throws ConfigException {
        String text = value.strip();
        if (text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<String> hosts = new ArrayList<>();
        for (String part : text.split(",")) {
            String host = part.strip().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                continue;
            }
            if (!TenantAddress.isHostName(host)) {
                throw new ConfigException(SIGN_IN_HOSTS, "config.error.signInHost", part.strip());
            }
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return List.copyOf(hosts);
    }

    static URI parseRedirectUri(String value) throws ConfigException {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            // Only http(s): the embedded browser cannot even report a custom-scheme redirect without a
            // JVM-wide URL handler. The default is https on the tenant's own domain; http only for a loopback IP
            // literal (127.0.0.1, [::1]), the default up to 0.1.0: a name such as localhost may resolve elsewhere, and
            // an http URL on another host would send the code in clear text if the catch in the window ever failed.
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (!web
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null
                    || uri.getRawQuery() != null) {
                throw new ConfigException(REDIRECT_URI, "config.error.redirectUri", value);
            }
            if ("http".equalsIgnoreCase(scheme) && !isLoopbackIpLiteral(uri.getHost())) {
                throw new ConfigException(REDIRECT_URI, "config.error.redirectUriInsecure", value.strip());
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(REDIRECT_URI, "config.error.redirectUri", value);
        }
    }

    /** 127.0.0.0/8 or {@code [::1]} written as an address: never a name, which DNS or a hosts file could redirect. */
    static boolean isLoopbackIpLiteral(String host) {
        if (host.startsWith("[")) {
            return TenantAddress.isLoopback(host);
        }
        return !host.equalsIgnoreCase("localhost")
                && host.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && TenantAddress.isLoopback(host);
    }
}
