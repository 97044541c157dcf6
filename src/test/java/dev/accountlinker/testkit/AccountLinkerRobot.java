package dev.accountlinker.testkit;

import dev.accountlinker.account.Identity;
import dev.accountlinker.config.SignInWays;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.matcher.base.NodeMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Drives Account Linker through its testing contract (docs/testing.md, "Testing contract") as a person would: real clicks
 * and typing, including into the tenant's login page inside the sign-in window. Every wait is on a condition and
 * ends, at the latest after {@value #TIMEOUT_SECONDS} s, with an {@link AssertionError} that says what did not happen
 * and what the status line said; nothing sleeps.
 * <p>
 * The high-level steps ({@link #signIn}, {@link #link}, {@link #unlink}, {@link #signOut()}, {@link #confirm()},
 * {@link #cancel()}) wait until the app has finished what they started. Being a TestFX {@link FxRobot}, it also
 * clicks, types and looks up nodes for anything the steps do not cover; the lower-level helpers below
 * ({@link #waitUntil}, {@link #submitLoginForm}, {@link #clickWhenReady}…) are those the project's own tests use.
 */
public class AccountLinkerRobot extends FxRobot {
    /** The longest any wait of the robot lasts. */
    public static final long TIMEOUT_SECONDS = 30;

    private static final String[] CONFIRM_BUTTONS = {
        "#confirmLinkButton", "#confirmUnlinkButton", "#confirmSignOutButton"
    };

    static {
        HeadlessDefaults.apply(); // before the toolkit starts, even when a test class extends the robot
    }

    private volatile AccountLinkerSession session;
    private volatile Duration timeout = Duration.ofSeconds(TIMEOUT_SECONDS);

    /** For a test class that extends the robot: the extension attaches it to each test's session. */
    public AccountLinkerRobot() {}

    AccountLinkerRobot(AccountLinkerSession session) {
        this.session = session;
    }

    void attach(AccountLinkerSession current) {
        session = current;
    }

    private AccountLinkerSession session() {
        AccountLinkerSession current = session;
        if (current == null) {
            throw new IllegalStateException("this robot is not attached to a running app: run the test with"
                    + " @AccountLinkerTest or a registered AccountLinkerExtension");
        }
        return current;
    }

    /** How long each wait of this robot lasts at most ({@value #TIMEOUT_SECONDS} s unless set). */
    public AccountLinkerRobot timeout(Duration longest) {
        timeout = longest;
        return this;
    }

    /** Deadlines (sign-in window and browser timeouts, tenant checks) pass only when the test calls {@code expireAll()}. */
    public ManualDeadlines deadlines() {
        return session().deadlines();
    }

    // ---- The steps a person takes ----------------------------------------------------------------------------

    /**
     * Signs in the way the app is configured to (the embedded window, or the system browser for a browser-only
     * setup) and waits until the settings screen shows this account.
     */
    public void signIn(String email, String password) {
        if (ways().useBrowserFor(Optional.empty())) {
            browser().signInNextTime(email, password);
            clickWhenReady("#signInButton");
        } else {
            clickWhenReady("#signInButton");
            submitLoginForm(email, password);
        }
        waitForSettingsOf(email);
    }

    /**
     * Signs in through the system browser with the kit's {@link ScriptedBrowser}: when the sign-in starts in the
     * embedded window, through its "continue in your browser" link. Waits until the settings screen shows the account.
     */
    public void signInThroughBrowser(String email, String password) {
        browser().signInNextTime(email, password);
        clickOn("#signInButton");
        if (!ways().useBrowserFor(Optional.empty())) {
            waitUntil(
                    () -> "no sign-in window with its 'continue in your browser' link",
                    () -> shown("#continueInBrowserLink"));
            clickOn("#continueInBrowserLink");
        }
        waitForSettingsOf(email);
    }

    /**
     * Starts linking with the connection's Link button ({@code #link-<connection>}) and signs the second account in,
     * in the sign-in window or the system browser as the app is configured. Returns once the confirmation is open, or
     * once the app has refused the account (then the confirmation is not open and {@link #status()} says why). When
     * the app first asks the signed-in account to sign in again (its sign-in is over ten minutes old), click the
     * button yourself and {@link #submitLoginForm} once for each of the two sign-ins instead.
     */
    public LinkConfirmation link(String connection, String email, String password) {
        return link("#link-" + nodeIdPart(connection), Optional.of(connection), email, password);
    }

    /**
     * Like {@link #link(String, String, String)} with the "Link another account" button ({@code #linkAccountButton}):
     * the second account may sign in with any connection.
     */
    public LinkConfirmation link(String email, String password) {
        return link("#linkAccountButton", Optional.empty(), email, password);
    }

    private LinkConfirmation link(String button, Optional<String> connection, String email, String password) {
        waitUntil(
                () -> "no enabled Link button " + button + " (buttons shown: " + linkButtonIds() + ")",
                () -> onFx(() -> lookup(button)
                        .tryQuery()
                        .map(node -> !node.isDisabled())
                        .orElse(false)));
        boolean inBrowser = ways().useBrowserFor(connection);
        if (inBrowser) {
            browser().signInNextTime(email, password);
        }
        clickOn(button);
        if (!inBrowser) {
            submitLoginForm(email, password);
        }
        waitUntil(() -> "neither the link confirmation nor a message from the app", () -> {
            confirmAppIfAsked();
            return dialogShowing("#confirmLinkButton")
                    || (isIdle() && !statusText().isEmpty());
        });
        return new LinkConfirmation(this);
    }

    /** Clicks the identity's Unlink button ({@code #unlink-<provider>-<user_id>}) and returns its open confirmation. */
    public Confirmation unlink(String provider, String userId) {
        String button = "#unlink-" + nodeIdPart(provider) + "-" + nodeIdPart(userId);
        waitUntil(
                () -> "no Unlink button " + button + " on screen (identities shown: " + subjectsShown() + ")",
                () -> onFx(() -> clickable(button).isPresent()));
        clickWhenReady(button);
        waitForDialogButton("#confirmUnlinkButton");
        return new Confirmation(this);
    }

    /** Signs out through the button and its confirmation (not from the identity provider: see {@link #signOut(boolean)}). */
    public void signOut() {
        signOut(false);
    }

    /** Signs out through the button and its confirmation, as a person would; {@code federated} ticks "also sign out of…". */
    public void signOut(boolean federated) {
        clickWhenReady("#signOutButton");
        waitForDialogButton("#confirmSignOutButton");
        if (federated) {
            clickOn("#federatedSignOutCheckBox");
        }
        clickOn("#confirmSignOutButton");
        waitUntil(
                () -> "no sign-in screen after signing out",
                () -> node("#signInButton").isPresent());
    }

    /**
     * Confirms the open confirmation (link, unlink or sign-out) and waits until the app is done. For a link whose
     * two accounts have different emails it first ticks "Both accounts are mine", as the person must.
     */
    public Status confirm() {
        waitUntil(() -> "no confirmation to confirm", () -> openConfirmButton().isPresent());
        String button = openConfirmButton().orElseThrow();
        if (button.equals("#confirmLinkButton")
                && node("#bothAccountsMineCheckBox").isPresent()
                && !onFx(() -> lookup("#bothAccountsMineCheckBox")
                        .queryAs(CheckBox.class)
                        .isSelected())) {
            clickOn("#bothAccountsMineCheckBox");
        }
        clickOn(button);
        if (button.equals("#confirmSignOutButton")) {
            waitUntil(
                    () -> "no sign-in screen after signing out",
                    () -> node("#signInButton").isPresent());
        }
        waitUntilIdle();
        return status();
    }

    /**
     * Cancels what is open or running: a confirmation, the sign-in window, the wait for the browser, a link in
     * progress or a tenant check; then waits until the app is idle.
     */
    public Status cancel() {
        String[] cancels = {
            "#cancelDialogButton",
            "#loginCancelButton",
            "#browserCancelButton",
            "#linkCancelButton",
            "#tenantCheckCancelButton",
            "#signInCancelButton"
        };
        waitUntil(
                () -> "nothing to cancel (" + String.join(", ", cancels) + ")",
                () -> onFx(() -> java.util.Arrays.stream(cancels)
                        .anyMatch(id -> clickable(id).isPresent())));
        String cancel = onFx(() -> java.util.Arrays.stream(cancels)
                .filter(id -> clickable(id).isPresent())
                .findFirst()
                .orElseThrow());
        clickWhenReady(cancel);
        waitUntilIdle();
        return status();
    }

    // ---- What the person sees --------------------------------------------------------------------------------

    /**
     * The identities of the signed-in account in the order shown, once the account is loaded. Reads a table's or
     * list's items while {@code identitiesTable} is one, and the {@code .identity-card} nodes (their user data is the
     * identity) otherwise.
     */
    public List<ShownIdentity> identities() {
        waitUntil(
                () -> node("#identitiesTable").isEmpty()
                        ? "no identities list (the settings screen is not showing)"
                        : "identities still loading",
                () -> node("#identitiesTable").isPresent() && !shown("#busyBox"));
        return onFx(this::identitiesShown);
    }

    /** The status line: its text and kind ({@link Status#NONE} while it is empty). */
    public Status status() {
        return onFx(() -> {
            Optional<Node> label = lookup("#statusMessage").tryQuery();
            if (label.isEmpty()
                    || ((Label) label.get()).getText() == null
                    || ((Label) label.get()).getText().isEmpty()) {
                return Status.NONE;
            }
            List<String> classes = label.get().getStyleClass();
            Status.Kind kind = classes.contains("error")
                    ? Status.Kind.ERROR
                    : classes.contains("success") ? Status.Kind.SUCCESS : Status.Kind.INFO;
            return new Status(((Label) label.get()).getText(), kind);
        });
    }

    /**
     * Waits until nothing is under way: only the main window is open (no sign-in window, browser wait or dialog) and
     * it shows no progress (signing in, loading the account, linking or unlinking, checking a tenant).
     */
    public void waitUntilIdle() {
        waitUntil(() -> "the app still busy: " + String.join(", ", busyParts()), this::isIdle);
    }

    // ---- Lower-level helpers (the project's own tests use them) ----------------------------------------------

    /** Waits until the condition holds; the failure names the status line and the open windows. */
    public void waitUntil(Callable<Boolean> condition) {
        waitUntil(() -> "condition not met", condition);
    }

    /** Waits until the condition holds; the failure starts with {@code failure} (computed when it fails), e.g. "identities still loading". */
    public void waitUntil(Supplier<String> failure, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            String what;
            try {
                what = failure.get();
            } catch (RuntimeException | AssertionError unreadable) {
                what = "condition not met";
            }
            throw new AssertionError(
                    what + " after " + seconds(timeout) + " s; status: " + describeStatus() + "; windows: "
                            + windowTitles() + loginPageError(),
                    e);
        }
    }

    /** Runs on the JavaFX thread and returns the result. */
    public <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("JavaFX action failed", e);
        }
    }

    public Optional<Node> node(String query) {
        return lookup(query).tryQuery();
    }

    /** The text of a label. */
    public String text(String query) {
        return onFx(() -> lookup(query).queryAs(Label.class).getText());
    }

    /** The status line's text; empty while no screen with a status line is shown (so a wait for it can poll). */
    public String statusText() {
        return onFx(() -> lookup("#statusMessage")
                .tryQueryAs(Label.class)
                .map(Label::getText)
                .orElse(""));
    }

    public boolean statusIs(String styleClass) {
        return onFx(() -> lookup("#statusMessage").query().getStyleClass().contains(styleClass));
    }

    /** How many requests with this method the tenant saw on a path containing {@code pathPart}. */
    public long requestsTo(String method, String pathPart) {
        return session().tenant().requestsTo(method, pathPart);
    }

    public boolean loginWindowOpen() {
        return node("#loginWebView").isPresent() || node("#loginCancelButton").isPresent();
    }

    public WebView loginWebView() {
        waitUntil(
                () -> "no sign-in window (#loginWebView)",
                () -> node("#loginWebView").isPresent());
        return lookup("#loginWebView").queryAs(WebView.class);
    }

    /** Runs JavaScript in the sign-in window's page. */
    public Object script(String javascript) {
        WebView webView = loginWebView();
        return onFx(() -> webView.getEngine().executeScript(javascript));
    }

    /** Waits until the tenant's login form is rendered in the sign-in window. */
    public void waitForLoginForm() {
        WebView webView = loginWebView();
        waitUntil(
                () -> "no login form in the sign-in window",
                () -> Boolean.TRUE.equals(onFx(() -> webView.getEngine().getDocument() != null
                        && Boolean.TRUE.equals(
                                webView.getEngine().executeScript("document.getElementById('username') !== null")))));
    }

    /** Clicks into a form field of the real page and types, as a person would. */
    public void typeIntoPage(String elementId, String text) {
        clickOn(pagePoint(elementId));
        // Keys go to the focused node of the target window: the sign-in window, not the main one.
        targetWindow(loginWebView().getScene().getWindow());
        write(text);
    }

    /** The screen point at the middle of a page element, for clicking it. */
    public Point2D pagePoint(String elementId) {
        WebView webView = loginWebView();
        String box = (String) script("(function(){var r=document.getElementById('" + elementId
                + "').getBoundingClientRect();return r.left+','+r.top+','+r.width+','+r.height;})()");
        String[] parts = box.split(",");
        double x = Double.parseDouble(parts[0]) + Double.parseDouble(parts[2]) / 2;
        double y = Double.parseDouble(parts[1]) + Double.parseDouble(parts[3]) / 2;
        return onFx(() -> webView.localToScreen(x, y));
    }

    /** Fills and submits the login form through the page's DOM (faster than typing; the same request). */
    public void submitLoginForm(String email, String password) {
        waitForLoginForm();
        script("document.getElementById('username').value=" + jsString(email) + ";"
                + "document.getElementById('password').value=" + jsString(password) + ";"
                + "document.getElementById('submit').click();");
    }

    public static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Waits until the settings screen shows this account's email, clicking Continue on the tenant's "confirm this app"
     * page if the sign-in window shows it meanwhile (see {@link #confirmAppIfAsked()}).
     */
    public void waitForSettingsOf(String email) {
        waitUntil(
                () -> "no settings screen of " + email
                        + (node("#profileEmail").isPresent() ? " (it shows " + text("#profileEmail") + ")" : ""),
                () -> {
                    confirmAppIfAsked();
                    return node("#profileEmail").isPresent() && email.equals(text("#profileEmail"));
                });
    }

    /**
     * When the sign-in window shows the tenant's "confirm this app" page (Auth0 asks it after every sign-in whose
     * callback is a loopback address or a custom scheme), clicks its Continue button as the person who started the
     * sign-in would, once per page. The kit's default embedded callback is the tenant's own {@code /mobile}, which
     * Auth0 does not ask about; a test that configures a loopback one meets the page. True when it clicked.
     */
    public boolean confirmAppIfAsked() {
        Optional<Node> window = node("#loginWebView");
        if (window.isEmpty() || !(window.get() instanceof WebView webView)) {
            return false;
        }
        boolean waiting = Boolean.TRUE.equals(onFx(() -> webView.getEngine().getDocument() != null
                && Boolean.TRUE.equals(webView.getEngine()
                        .executeScript("(function(){var f=document.getElementById('confirm-app-form');"
                                + "return f!==null&&document.readyState==='complete'&&!f.dataset.clicked;})()"))));
        if (!waiting) {
            return false;
        }
        Point2D button = pagePoint("confirm");
        script("document.getElementById('confirm-app-form').dataset.clicked='yes';");
        clickOn(button);
        return true;
    }

    /** Waits until the list shows this many identities. */
    public void waitForIdentityCount(int count) {
        waitUntil(
                () -> "not " + count + " identities (the list shows " + subjectsShown() + ")",
                () -> onFx(() -> node("#identitiesTable").isPresent()
                        && identitiesShown().size() == count));
    }

    /** The {@code provider|user_id} of every identity shown, once the account is loaded. */
    public List<String> identitySubjects() {
        return identities().stream().map(ShownIdentity::subject).toList();
    }

    /** Starts linking with the given button and signs the second account in on the tenant's page. */
    public void linkWith(String buttonId, String email, String password) {
        // Visible as well as enabled: after a failed link the list is read again and its buttons come back shown.
        clickWhenReady(buttonId);
        submitLoginForm(email, password);
    }

    /** Waits until a link or unlink has finished and its status message is shown. */
    public void waitForOperationToEnd() {
        waitUntil(
                () -> "the operation has not ended with a message",
                () -> !loginWindowOpen()
                        && !node("#linkProgressBox").map(Node::isVisible).orElse(false)
                        && !statusText().isEmpty());
    }

    /** Waits until a dialog's button is on screen, as TestFX's clickOn requires. */
    public void waitForDialogButton(String id) {
        waitUntil(() -> "no dialog with " + id, () -> dialogShowing(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a person sees in the open dialog (hidden parts, such as the other choice's details, left out). */
    public String dialogText() {
        return onFx(() -> lookup(".dialog-pane").queryAs(DialogPane.class).lookupAll(".label").stream()
                .filter(AccountLinkerRobot::shown)
                .map(node -> ((Label) node).getText())
                .filter(text -> text != null)
                .reduce("", (a, b) -> a + "\n" + b));
    }

    /**
     * Clicks the visible, enabled node of a query once the JavaFX thread is idle. Table cells are reused, so a
     * hidden spare cell can still hold a button with the same id: only the one on screen is clicked.
     */
    public void clickWhenReady(String query) {
        waitUntil(
                () -> "nothing clickable at " + query,
                () -> onFx(() -> clickable(query).isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(onFx(() -> clickable(query).orElseThrow()));
    }

    /**
     * Confirms the open link dialog as the person would: ticks "Both accounts are mine" when the emails differ
     * (every demo pair does), then clicks Link. Does not wait for the link to finish (see {@link #confirm()}).
     */
    public void confirmLink() {
        waitForDialogButton("#confirmLinkButton");
        if (node("#bothAccountsMineCheckBox").isPresent()) {
            clickOn("#bothAccountsMineCheckBox");
        }
        clickOn("#confirmLinkButton");
    }

    /** Chooses which account stays main in the open link confirmation. */
    void chooseMain(LinkConfirmation.Main main) {
        String id = main == LinkConfirmation.Main.CURRENT ? "#keepCurrentMainRadio" : "#keepSecondMainRadio";
        waitForDialogButton(id);
        if (onFx(() -> lookup(id).queryAs(RadioButton.class).isDisabled())) {
            throw new AssertionError("keeping the " + main.name().toLowerCase(java.util.Locale.ROOT)
                    + " account as main is not possible here: " + dialogText());
        }
        clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(
                () -> id + " not selected",
                () -> onFx(() -> lookup(id).queryAs(RadioButton.class).isSelected()));
    }

    boolean dialogShowing(String id) {
        return lookup(id).match(NodeMatchers.isVisible()).tryQuery().isPresent()
                && onFx(() -> lookup(id)
                        .tryQuery()
                        .map(node -> node.getScene() != null
                                && node.getScene().getWindow() != null
                                && node.getScene().getWindow().isShowing())
                        .orElse(false));
    }

    /** The app has nothing under way: one window, no progress shown in it. */
    public boolean isIdle() {
        return busyParts().isEmpty();
    }

    private List<String> busyParts() {
        return onFx(() -> {
            List<String> busy = new ArrayList<>();
            List<Stage> stages = showingStages();
            if (stages.size() > 1) {
                busy.add("open windows: " + stages.stream().map(Stage::getTitle).collect(Collectors.joining(", ")));
            }
            if (shownNow("#signInProgress")) {
                busy.add("signing in");
            }
            if (shownNow("#busyBox")) {
                busy.add("loading the account");
            }
            if (shownNow("#linkProgressBox")) {
                busy.add("in progress: "
                        + lookup("#linkProgressLabel")
                                .tryQuery()
                                .map(n -> ((Label) n).getText())
                                .orElse(""));
            }
            if (shownNow("#tenantCheckProgressBox")) {
                busy.add("checking the tenant");
            }
            return busy;
        });
    }

    private Optional<String> openConfirmButton() {
        for (String id : CONFIRM_BUTTONS) {
            if (dialogShowing(id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private boolean shown(String query) {
        return onFx(() -> shownNow(query));
    }

    /** On the JavaFX thread: a node of the query is in a showing window, with it and its parents visible. */
    private boolean shownNow(String query) {
        return lookup(query).queryAll().stream()
                .anyMatch(node -> node.getScene() != null
                        && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing()
                        && shown(node));
    }

    private Optional<Node> clickable(String query) {
        return lookup(query).queryAll().stream()
                .filter(node -> node.isVisible()
                        && !node.isDisabled()
                        && node.getScene() != null
                        && node.getParent() != null
                        && node.getParent().isVisible())
                .findFirst();
    }

    private static boolean shown(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** On the JavaFX thread: the identities the list holds now. */
    private List<ShownIdentity> identitiesShown() {
        Node list = lookup("#identitiesTable").query();
        List<?> items;
        if (list instanceof TableView<?> table) {
            items = table.getItems();
        } else if (list instanceof ListView<?> listView) {
            items = listView.getItems();
        } else {
            items = list.lookupAll(".identity-card").stream()
                    .map(Node::getUserData)
                    .toList();
        }
        return items.stream()
                .filter(Identity.class::isInstance)
                .map(item -> ShownIdentity.of((Identity) item))
                .toList();
    }

    private String subjectsShown() {
        try {
            return onFx(() -> node("#identitiesTable").isEmpty()
                    ? "no list"
                    : identitiesShown().stream()
                            .map(ShownIdentity::subject)
                            .toList()
                            .toString());
        } catch (AssertionError e) {
            return "unreadable";
        }
    }

    private String linkButtonIds() {
        return onFx(() -> lookup(".button").queryAll().stream()
                .map(Node::getId)
                .filter(id -> id != null && id.startsWith("link"))
                .sorted()
                .toList()
                .toString());
    }

    private String describeStatus() {
        try {
            return status().toString();
        } catch (RuntimeException | AssertionError e) {
            return "unreadable";
        }
    }

    private String windowTitles() {
        try {
            return onFx(() -> showingStages().stream()
                    .map(stage -> "\"" + stage.getTitle() + "\"")
                    .toList()
                    .toString());
        } catch (AssertionError e) {
            return "unreadable";
        }
    }

    /** What the tenant's login page in the sign-in window says is wrong, if it says so. */
    private String loginPageError() {
        try {
            if (node("#loginWebView").isEmpty()) {
                return "";
            }
            WebView webView = lookup("#loginWebView").queryAs(WebView.class);
            Object error = onFx(
                    () -> webView.getEngine().getDocument() == null
                            ? null
                            : webView.getEngine()
                                    .executeScript(
                                            "(function(){var e=document.getElementById('error');return e?e.textContent:null;})()"));
            return error instanceof String text && !text.isBlank() ? "; the sign-in page says: " + text.strip() : "";
        } catch (RuntimeException | AssertionError e) {
            return "";
        }
    }

    private static List<Stage> showingStages() {
        return Window.getWindows().stream()
                .filter(window -> window instanceof Stage && window.isShowing())
                .map(window -> (Stage) window)
                .toList();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? String.valueOf(duration.toSeconds())
                : String.valueOf(duration.toMillis() / 1000.0);
    }

    private SignInWays ways() {
        return session().services().config().ways();
    }

    private ScriptedBrowser browser() {
        return session().browser();
    }

    /** Node ids keep {@code [A-Za-z0-9_-]}; anything else becomes {@code _} (the testing contract). */
    static String nodeIdPart(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** What a person reads on a node: a label's text, else what a screen reader says for it (an account card). */
    String shownText(String query) {
        return onFx(() -> {
            Node node = lookup(query).query();
            return node instanceof Labeled labeled ? labeled.getText() : node.getAccessibleText();
        });
    }
}
