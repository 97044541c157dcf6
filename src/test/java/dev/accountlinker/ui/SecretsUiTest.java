package dev.accountlinker.ui;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.TenantFlows;
import dev.accountlinker.logging.AppLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens never leave memory: a full sign-in and link with every logger at its most verbose level leaves no
 * token in the logs, on the console, in the temporary folder or in the user's configuration and preference
 * folders; and the web session does not survive sign-out or quitting.
 */
class SecretsUiTest extends AppUiTestSupport {
    /** A JWT: base64url JSON header and payload, then a signature. Access and ID tokens both look like this. */
    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{10,}");

    private final List<String> logLines = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Handler capture;
    /** The levels this test raises, as they were, given back afterwards: other classes share this JVM. */
    private final Map<Logger, Level> levelsBefore = new HashMap<>();

    private long startMillis;

    @BeforeEach
    void captureEverything() {
        startMillis = System.currentTimeMillis() - 1000;
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        line.append(' ').append(parameter);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                synchronized (logLines) {
                    logLines.add(line.toString());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = LogManager.getLogManager().getLogger("");
        root.addHandler(capture);
        mostVerbose(root);
        for (String name :
                List.of("okhttp3", "com.auth0", "com.sun.webkit", "javafx", "dev.accountlinker", "sun.net")) {
            mostVerbose(Logger.getLogger(name));
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, console), true));
        System.setErr(new PrintStream(new Tee(originalErr, console), true));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        LogManager.getLogManager().getLogger("").removeHandler(capture);
        levelsBefore.forEach(Logger::setLevel);
    }

    private void mostVerbose(Logger logger) {
        levelsBefore.put(logger, logger.getLevel());
        logger.setLevel(Level.ALL);
    }

    @Test
    void noTokenIsLoggedPrintedOrWrittenDuringSignInAndLink() throws Exception {
        signIn("alice@example.com", "Alice-Demo-1");
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
        waitForIdentityCount(2);
        signOut(true);

        // The pattern does catch this tenant's real tokens (so a clean scan means something).
        String realToken = TenantFlows.signIn(tenant, null, "bob@example.com", "Bob-Demo-1")
                .getIdToken();
        assertTrue(JWT.matcher(realToken).find());

        synchronized (logLines) {
            assertFalse(logLines.isEmpty(), "the capture sees log records at the most verbose level");
            for (String line : logLines) {
                assertFalse(JWT.matcher(line).find(), "a log line carries a token");
            }
        }
        assertFalse(JWT.matcher(console.toString(StandardCharsets.UTF_8)).find(), "the console carries a token");

        List<Path> scanned = new ArrayList<>();
        scanForTokens(Path.of(System.getProperty("java.io.tmpdir")), scanned);
        String home = System.getProperty("user.home");
        scanForTokens(Path.of(home, ".config", "account-linker"), scanned);
        scanForTokens(Path.of(home, ".java"), scanned);
        scanForTokens(Path.of(home, ".account-linker"), scanned);
        scanForTokens(AppLog.file().getParent(), scanned); // the app's log file, at whatever level it was set to
    }

    private void scanForTokens(Path folder, List<Path> scanned) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        // Another test JVM (two UI forks) may delete its own folders under the temp folder while this walks it:
        // what vanishes between listing and reading held nothing of this JVM's, so it is skipped, not an error.
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    scanFile(file, scanned);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void scanFile(Path file, List<Path> scanned) {
        File plain = file.toFile();
        if (plain.lastModified() < startMillis || plain.length() > 20_000_000 || !plain.canRead()) {
            return;
        }
        String content;
        try {
            content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException unreadableOrGone) {
            return;
        }
        scanned.add(file);
        assertFalse(JWT.matcher(content).find(), "a token was written to " + file);
    }

    @Test
    void quittingClearsTheWebSessionSoTheNextPersonMustSignIn() throws Exception {
        signIn("alice@example.com", "Alice-Demo-1");
        File webData = services.webDataFolder();
        assertTrue(webData.isDirectory());

        FxToolkit.cleanupApplication(application());
        FxToolkit.cleanupStages();
        assertFalse(webData.exists(), "WebKit's data folder is deleted when the app quits");

        // The next person starts the app on the same machine (same JVM-wide cookie handler).
        AppServices next = new AppServices(
                AppConfig.forTenant(tenantSettings()),
                Optional.empty(),
                Messages.forDefaultLocale(),
                Clock.systemDefaultZone(),
                new FxTaskRunner(),
                loginSettings());
        replaceApplication(FxToolkit.setupApplication(() -> new AccountLinkerApp(next)));
        clickOn("#signInButton");
        waitForLoginForm();
        assertTrue(node("#profileEmail").isEmpty(), "no single-sign-on session of the previous person answered");
    }

    /** Writes to two streams: the console keeps working while the test reads what was printed. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            synchronized (second) {
                second.write(bytes, offset, length);
            }
        }
    }
}
