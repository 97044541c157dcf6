package dev.accountlinker.logging;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The app's one logger: {@link System.Logger}, written by {@code java.util.logging} into the log file
 * ({@link LogLocation}, {@link RotatingLogFile}) and nowhere else, every record redacted. Nothing is set up until
 * the first record: starting the logging system costs tens of milliseconds, which the first window must not wait for,
 * and a run that logs nothing leaves no file. Records at INFO and above are kept, unless a {@code
 * java.util.logging} configuration sets the level of {@code dev.accountlinker}.
 *
 * <pre>private static final System.Logger LOG = AppLog.logger(Foo.class);</pre>
 */
public final class AppLog {
    /** The logger all of the app's loggers sit under. */
    static final String ROOT = "dev.accountlinker";

    private static final long FILE_LIMIT_BYTES = 1024 * 1024;
    /** The current file and two rotated ones: at most about 3 MB. */
    private static final int FILES = 3;

    private static volatile Path file;
    private static volatile boolean installed;
    /** Held so java.util.logging keeps its configuration: it forgets a logger nobody refers to. */
    private static Logger appLogger;

    private AppLog() {}

    /** The logger for {@code owner}'s records; creating it costs nothing. */
    public static System.Logger logger(Class<?> owner) {
        return new LazyLogger(owner.getName());
    }

    /** The current log file (it may not exist yet: it is made by the first record). */
    public static Path file() {
        Path known = file;
        if (known == null) {
            synchronized (AppLog.class) {
                if (file == null) {
                    file = LogLocation.forThisProcess();
                }
                known = file;
            }
        }
        return known;
    }

    private static void install() {
        if (installed) {
            return;
        }
        synchronized (AppLog.class) {
            if (installed) {
                return;
            }
            Logger logger = Logger.getLogger(ROOT);
            logger.setUseParentHandlers(false); // not on the console: only the redacting file sees the app's records
            if (logger.getLevel() == null) {
                // INFO unless a logging configuration (java.util.logging.config.file) asks for more or less.
                logger.setLevel(java.util.logging.Level.INFO);
            }
            logger.addHandler(new RotatingLogFile(file(), FILE_LIMIT_BYTES, FILES));
            appLogger = logger;
            installed = true;
        }
    }

    /** Sets up the logging at its first use, then hands every call to the platform's logger of the same name. */
    private static final class LazyLogger implements System.Logger {
        private final String name;
        private volatile System.Logger delegate;

        LazyLogger(String name) {
            this.name = name;
        }

        private System.Logger delegate() {
            System.Logger known = delegate;
            if (known == null) {
                install();
                known = System.getLogger(name);
                delegate = known;
            }
            return known;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(System.Logger.Level level) {
            return delegate().isLoggable(level);
        }

        @Override
        public void log(System.Logger.Level level, ResourceBundle bundle, String message, Throwable thrown) {
            delegate().log(level, bundle, message, thrown);
        }

        @Override
        public void log(System.Logger.Level level, ResourceBundle bundle, String format, Object... parameters) {
            delegate().log(level, bundle, format, parameters);
        }
    }
}
