package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.OwnJvm;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.config.ConfigLoader;
import dev.accountlinker.config.Languages;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantAccount;
import dev.accountlinker.ui.signin.BrowserOpener;
import dev.accountlinker.ui.signin.LoginSettings;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app in the pseudo-locale (every text about 40 % longer, accented), in a 1024×700 window, through every screen
 * and dialog there is today: each window is checked by {@link LayoutCheck} for cut or overlapping text and saved
 * as a PNG under {@code target/screenshots/pseudo/} for a person to look at. All problems are reported together.
 */
@OwnJvm("sets the headless screen to 1024x700 (Monocle reads it once per JVM)")
class PseudoLocaleUiTest extends AppUiTestSupport {
    /**
     * The pseudo-locale unless {@code -Dlayout.language=de} (any supported tag) asks to look at a real language:
     * the same walk, the same checks, screenshots under {@code target/screenshots/<tag>/}.
     */
    private static final Locale LANGUAGE = Locale.forLanguageTag(System.getProperty("layout.language", "en-XA"));

    private static final Path SCREENSHOTS =
            Path.of("target", "screenshots", Languages.isPseudo(LANGUAGE) ? "pseudo" : LANGUAGE.toLanguageTag());

    static {
        // Headless, the screen is as small as the window must hold at: a dialog taller than that is cut.
        System.setProperty("headless.geometry", "1024x700-32");
    }

    private static final String GOOGLE = "#link-google-oauth2";

    /** A second GitHub sign-in whose saved information, merged with Alice's, would cross Auth0's 10 KB cap. */
    @Override
    protected LocalTenant.Builder configureTenant(LocalTenant.Builder builder) {
        return builder.account(TenantAccount.builder()
                .connection("github")
                .email("alice.notes@example.com")
                .password("Notes-Demo-1")
                .userId("github|7070707")
                .name("Alice (Notes)")
                .userMetadata(Map.of("notes", "Lorem ipsum dolor sit amet ".repeat(400)))
                .build());
    }

    private final boolean brokenConfiguration;
    private final List<String> problems = new ArrayList<>();
    private final int loopbackPort = freePort();
    private int screens;

    PseudoLocaleUiTest(TestInfo test) {
        brokenConfiguration = test.getTestMethod().orElseThrow().getName().contains("ConfigProblem");
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free port on the loopback interface", e);
        }
    }

    @Override
    protected SignInWays signInWays() {
        return SignInWays.defaults().withLoopbackPort(loopbackPort); // Google in the browser: its wait window too
    }

    @Override
    protected LoginSettings loginSettings() {
        // "Opened", but the person never signs in there: the test moves on with "Nothing opened?".
        return LoginSettings.defaults(url -> BrowserOpener.Outcome.OPENED);
    }

    @Override
    protected AppServices createServices() throws Exception {
        Messages pseudo = Messages.forLocale(LANGUAGE);
        if (!brokenConfiguration) {
            return new AppServices(
                    AppConfig.forTenant(tenantSettings()).withWays(signInWays()),
                    Optional.empty(),
                    pseudo,
                    Clock.systemDefaultZone(),
                    tasks,
                    loginSettings());
        }
        ConfigException problem;
        try {
            ConfigLoader.load(List.of("--domain=acme.eu.auth0.com"), Map.of(), Path.of("absent.properties"));
            throw new AssertionError("a domain without client id must be refused");
        } catch (ConfigException expected) {
            problem = expected;
        }
        return new AppServices(
                AppConfig.demoDefaults().withWays(SignInWays.embeddedOnly()),
                Optional.of(problem),
                pseudo,
                Clock.systemDefaultZone(),
                tasks,
                loginSettings());
    }

    /** The main window at the size the layout must hold at. */
    private void resizeMainWindow() {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        onFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(700);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Checks and saves every window on screen now. */
    private void check(String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        screens++;
        onFx(() -> {
            int index = 0;
            for (Window window : Window.getWindows()) {
                if (!window.isShowing() || window.getScene() == null) {
                    continue;
                }
                String name = String.format("%02d-%s%s", screens, screen, index == 0 ? "" : "-window" + index);
                for (String problem : LayoutCheck.problems(window)) {
                    problems.add(name + ": " + problem);
                }
                LayoutCheck.screenshot(window.getScene(), SCREENSHOTS.resolve(name + ".png"));
                index++;
            }
            return null;
        });
    }

    private boolean shown(String query) {
        return node(query).map(Node::isVisible).orElse(false);
    }

    private void assertNothingCut() {
        assertTrue(problems.isEmpty(), report());
    }

    private String report() {
        return problems.size() + " layout problems in " + LANGUAGE.toLanguageTag() + " (screenshots in "
                + SCREENSHOTS.toAbsolutePath() + "):\n" + String.join("\n", problems);
    }

    /** Runs the walk; when a step fails after a screen showed problems, those are the likely cause: say them. */
    private void walk(Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError stopped) {
            if (problems.isEmpty()) {
                throw stopped;
            }
            throw new AssertionError(report(), stopped);
        }
        assertNothingCut();
    }

    @Test
    void everyScreenAndDialogHoldsTextFortyPercentLonger() {
        walk(this::everyScreenAndDialog);
    }

    private void everyScreenAndDialog() {
        resizeMainWindow();
        waitUntil(() -> onFx(() -> !lookup("#signInButton").query().isDisabled()));
        check("sign-in");

        // The sign-in window: a page that fails to load (Retry), then the tenant's page.
        // always(): the web view's HTTP client sends a GET once more after a dropped connection.
        tenant.faults().inject(Faults.on("GET", "/authorize").always().dropConnection());
        clickOn("#signInButton");
        waitForDialogButton("#loginRetryButton");
        check("sign-in-window-load-failed");
        tenant.faults().clear();
        clickOn("#loginRetryButton");
        waitForLoginForm();
        check("sign-in-window");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice@example.com");
        waitForIdentityCount(1);
        waitUntil(() -> onFx(() -> !lookup(GOOGLE).query().isDisabled()));
        check("settings");

        // Google signs in through the browser: its wait window in each state, then on inside the app.
        clickOn(GOOGLE);
        waitForDialogButton("#browserOpenAgainButton");
        check("browser-waiting");
        clickOn("#browserNothingOpenedLink");
        waitForDialogButton("#browserCopyLinkButton");
        check("browser-no-browser");
        clickOn("#browserCopyLinkButton");
        waitUntil(() -> shown("#browserCopied"));
        check("browser-link-copied");
        clickOn("#browserUseEmbeddedButton");
        submitLoginForm("alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        check("link-confirmation");
        clickOn("#keepSecondMainRadio");
        check("link-confirmation-keep-second");
        clickOn("#keepCurrentMainRadio");

        // Auth0's rate limit answers the merge: the wait with its countdown and Cancel.
        long reset = Instant.now().plusSeconds(30).getEpochSecond();
        tenant.faults()
                .inject(Faults.on("PATCH", "/api/v2/users/")
                        .respond(
                                429,
                                "{\"statusCode\":429,\"error\":"
                                        + "\"Too Many Requests\",\"message\":\"Global limit has been reached\",\"errorCode\":\"too_many_requests\"}")
                        .header("x-ratelimit-limit", "10")
                        .header("x-ratelimit-remaining", "0")
                        .header("x-ratelimit-reset", String.valueOf(reset)));
        confirmLink();
        waitUntil(() -> shown("#linkCancelButton")
                && !text("#linkProgressLabel").isEmpty()
                && onFx(() -> !lookup("#linkCancelButton").query().isDisabled())
                && requestsTo("PATCH", "/api/v2/users/") > 0);
        check("settings-rate-limit-wait");
        clickOn("#linkCancelButton");
        waitForOperationToEnd();
        check("settings-link-cancelled");

        // GitHub in the embedded window, linked; then unlinked.
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        check("settings-linked");
        clickWhenReady("#unlink-github-4242424");
        waitForDialogButton("#confirmUnlinkButton");
        check("unlink-confirmation");
        clickOn("#confirmUnlinkButton");
        waitForIdentityCount(1);
        waitForOperationToEnd();
        check("settings-unlinked");

        // A merge over the 10 KB cap: the dialog says so, and Link becomes "Link without merging" (in both directions).
        linkWith("#link-github", "alice.notes@example.com", "Notes-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        clickOn("#bothAccountsMineCheckBox");
        check("link-confirmation-over-cap");
        clickOn("#keepSecondMainRadio");
        check("link-confirmation-over-cap-keep-second");
        clickOn("#cancelDialogButton");
        waitForOperationToEnd();

        clickWhenReady("#signOutButton");
        waitForDialogButton("#confirmSignOutButton");
        check("sign-out-confirmation");
        clickOn("#confirmSignOutButton");
        waitUntil(() -> node("#signInButton").isPresent() && !statusText().isEmpty());
        // The focus goes back to Sign in once it is enabled again, not to the theme menu that comes first.
        waitUntil(() -> onFx(() -> lookup("#signInButton").query().isFocused()));
        check("signed-out");
    }

    @Test
    void theConfigProblemScreenHoldsTextFortyPercentLonger() {
        walk(() -> {
            resizeMainWindow();
            waitUntil(() -> !statusText().isEmpty());
            check("config-problem");
        });
    }
}
