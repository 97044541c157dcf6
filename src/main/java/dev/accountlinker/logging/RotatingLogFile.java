package dev.accountlinker.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The log file: opened at the first record (never at start-up), readable by its owner only where the system has
 * POSIX permissions, and capped: past {@code limitBytes} it becomes {@code account-linker.1.log} (the older ones move
 * up, the oldest of {@code files} goes) and a new one starts. Every record is redacted ({@link LogRedaction}) after
 * it is formatted, so a secret in an exception's message or stack trace is caught too.
 */
public final class RotatingLogFile extends Handler {
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final long limitBytes;
    private final int files;
    private final boolean posix =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private OutputStream out;
    private long written;

    /**
     * @param file       the current file ({@code …/account-linker.log}); its folder is made when first needed
     * @param limitBytes the size past which the file is rotated
     * @param files      how many files are kept, the current one included (at least 1)
     */
    public RotatingLogFile(Path file, long limitBytes, int files) {
        this.file = file.toAbsolutePath();
        this.limitBytes = limitBytes;
        this.files = Math.max(1, files);
        setFormatter(new LineFormatter());
        setLevel(Level.ALL);
    }

    /** The rotated file {@code n} (1 the newest): {@code account-linker.1.log}. */
    public Path rotated(int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return file.resolveSibling(stem + "." + n + extension);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] line;
        try {
            line = LogRedaction.redact(getFormatter().format(record)).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("A log record could not be formatted", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (out == null) {
                open();
            }
            if (written > 0 && written + line.length > limitBytes) {
                rotate();
            }
            out.write(line);
            out.flush();
            written += line.length;
        } catch (IOException | RuntimeException e) {
            closeQuietly(); // the next record tries again (a full disk may have room by then)
            // The error manager says so once, on the console: the only place left.
            reportError("Cannot write the log file " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void open() throws IOException {
        Path folder = file.getParent();
        FileAttribute<?>[] folderAttributes =
                posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)} : none();
        Files.createDirectories(folder, folderAttributes);
        FileAttribute<?>[] fileAttributes =
                posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)} : none();
        FileChannel channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                fileAttributes);
        if (posix) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE); // a file from before, made under another umask
        }
        written = channel.size();
        out = Channels.newOutputStream(channel);
    }

    private void rotate() throws IOException {
        closeQuietly();
        for (int n = files - 1; n >= 1; n--) {
            Path source = n == 1 ? file : rotated(n - 1);
            if (Files.exists(source)) {
                Files.move(source, rotated(n), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (files == 1) {
            Files.deleteIfExists(file);
        }
        open();
    }

    private static FileAttribute<?>[] none() {
        return new FileAttribute<?>[0];
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                reportError("Cannot write the log file " + file, e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError("Cannot close the log file " + file, e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
    }

    /** {@code 2026-12-07T14:05:09.123+01:00 WARNING dev.accountlinker.Foo: message}, then the stack trace, if any. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

        @Override
        public String format(LogRecord record) {
            StringBuilder text = new StringBuilder();
            text.append(TIME.format(record.getInstant().atZone(ZoneId.systemDefault())))
                    .append(' ')
                    .append(record.getLevel().getName())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace);
            }
            return text.toString();
        }
    }
}
