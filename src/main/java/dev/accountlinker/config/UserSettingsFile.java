package dev.accountlinker.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's settings file as the connect screen reads and writes it. Reading is tolerant (a broken file reads as
 * what could be understood, or nothing). Saving changes only the keys the screen edits and keeps the rest of the
 * file as the person wrote it (comments, order, other valid settings such as {@code loopback-port}); an unknown key
 * or an unusable value of another key is dropped, which is how saving repairs a broken file. The new content is
 * written to a temporary file in the same folder and moved over the old one in one step, so a crash never leaves a
 * half-written file; on systems with POSIX permissions only the user may read it (0600). It never holds a token:
 * only settings are written.
 */
public final class UserSettingsFile {
    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]");
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Set<PosixFilePermission> USER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = "# Account Linker settings (UTF-8 text, key=value). See --help for every key.";

    private final Path path;

    public UserSettingsFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** The user's own settings file (see {@link ConfigLoader#defaultSettingsFile()}). */
    public static UserSettingsFile standard() {
        return new UserSettingsFile(ConfigLoader.defaultSettingsFile());
    }

    public Path path() {
        return path;
    }

    /** The values in the file as written (the last one of a repeated key), or none when it cannot be read as text. */
    public Map<String, String> values() {
        return readValues(path);
    }

    /** {@link #values()} of any file, never failing. */
    static Map<String, String> readValues(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Entry entry : entries(readText(file))) {
            if (entry.key() != null) {
                values.put(entry.key(), entry.value());
            }
        }
        return values;
    }

    /**
     * The keys of the file that saving would drop: unknown keys, and values that cannot be used, of the keys the
     * screen does not edit.
     */
    public List<String> droppedOnSave(Set<String> editedKeys) {
        List<String> dropped = new ArrayList<>();
        values().forEach((key, value) -> {
            if (!editedKeys.contains(key) && !usable(key, value)) {
                dropped.add(key);
            }
        });
        return dropped;
    }

    /**
     * Sets the given keys (a blank value removes the key, so its default applies) and writes the file atomically.
     *
     * @throws IOException when the folder cannot be made or the file cannot be written; the old file is then unchanged
     */
    public void save(Map<String, String> edits) throws IOException {
        Path folder = SettingsFolder.ensure(path.getParent());
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        byte[] content = render(edits).getBytes(StandardCharsets.UTF_8);
        Path temporary = posix
                ? Files.createTempFile(
                        folder, ".settings-", ".tmp", PosixFilePermissions.asFileAttribute(USER_ONLY_FILE))
                : Files.createTempFile(folder, ".settings-", ".tmp");
        try {
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // on disk before it replaces the old file
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException sameFolderButNoAtomicMove) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The new content: the old lines with the edited keys replaced and unusable ones left out. */
    String render(Map<String, String> edits) {
        List<Entry> entries = entries(readText(path));
        Map<String, String> lastValues = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.key() != null) {
                lastValues.put(entry.key(), entry.value());
            }
        }
        String newline = entries.stream().anyMatch(entry -> entry.text().contains("\r\n")) ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        if (entries.isEmpty()) {
            out.append(HEADER).append(newline);
        }
        Set<String> written = new HashSet<>();
        for (Entry entry : entries) {
            String key = entry.key();
            if (key == null) {
                out.append(entry.text()).append(newline); // a comment or a blank line
            } else if (edits.containsKey(key)) {
                if (written.add(key) && !isBlank(edits.get(key))) {
                    out.append(line(key, edits.get(key))).append(newline);
                }
            } else if (usable(key, lastValues.get(key))) {
                out.append(entry.text()).append(newline);
            }
        }
        edits.forEach((key, value) -> {
            if (!written.contains(key) && !isBlank(value)) {
                out.append(line(key, value)).append(newline);
            }
        });
        return out.toString();
    }

    private static boolean usable(String key, String value) {
        if (!ConfigLoader.settingsFileKeys().contains(key)) {
            return false;
        }
        try {
            ConfigLoader.checkValue(key, value);
            return true;
        } catch (ConfigException unusable) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String line(String key, String value) {
        return key + "=" + escape(value.strip());
    }

    /** A value as the properties format reads it back unchanged (UTF-8 is written as is). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The file's text, or "" when it is missing, unreadable or not UTF-8 text (saving then starts afresh). */
    private static String readText(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notText) {
            return "";
        } catch (IOException unreadable) {
            return "";
        }
        if (text.startsWith(BYTE_ORDER_MARK)) {
            text = text.substring(1);
        }
        return BINARY.matcher(text).find() ? "" : text;
    }

    /**
     * A logical line of the file: a comment or blank line (no key), or one setting, which may continue over several
     * lines (a line ending in an odd number of backslashes).
     */
    private record Entry(String text, String key, String value) {}

    private static List<Entry> entries(String text) {
        List<Entry> entries = new ArrayList<>();
        if (text.isEmpty()) {
            return entries;
        }
        String[] lines = text.split("\r?\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String first = lines[i];
            String trimmed = first.stripLeading();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                entries.add(new Entry(first, null, null));
                continue;
            }
            StringBuilder logical = new StringBuilder(first);
            String last = first;
            while (endsWithOddBackslashes(last) && i + 1 < count) {
                last = lines[++i];
                logical.append('\n').append(last);
            }
            Properties one = new Properties();
            try {
                one.load(new StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException malformed) {
                continue; // a malformed escape: the line is dropped, as loading the file refuses it
            }
            for (String key : one.stringPropertyNames()) {
                entries.add(new Entry(logical.toString(), key, one.getProperty(key)));
            }
        }
        return entries;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
