package dev.accountlinker.ui;

import dev.accountlinker.AccountLinkerApp;
import dev.accountlinker.AppServices;
import dev.accountlinker.config.AppConfig;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.AdjustableClock;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.login.BrowserOpener;
import dev.accountlinker.ui.login.LoginSettings;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.web.WebView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a local tenant and the real app against it, and drives the real login page in the WebView.
 * Every wait is on a condition (TestFX's waitFor), never a sleep.
 */
public abstract class AppUiTestSupport extends FxRobot {
    protected static final long TIMEOUT_SECONDS = 30;

    protected LocalTenant tenant;
    /** The tenant's time: a test may set it back, e.g. so a sign-in is already old when it happens. */
    protected final AdjustableClock tenantClock = new AdjustableClock();
    protected AppServices services;
    protected CallbackRecorder callbacks;
    private Application application;

    /** Deadlines (sign-in window timeouts) pass only when a test calls {@link ManualDeadlines#expireAll()}. */
    protected final ManualDeadlines tasks = new ManualDeadlines();

    /** Override to open "the browser" differently (a scripted browser for the system-browser way). */
    protected LoginSettings loginSettings() {
        return LoginSettings.defaults(url -> BrowserOpener.Outcome.OPENED);
    }

    /** Override to start the app with other services (e.g. a broken configuration). */
    protected AppServices createServices() throws Exception {
        return new AppServices(AppConfig.forTenant(tenantSettings()).withWays(signInWays()), Optional.empty(),
                Messages.forDefaultLocale(), Clock.systemDefaultZone(), tasks, loginSettings());
    }

    /** The embedded window for every sign-in unless a test is about the system-browser way. */
    protected dev.accountlinker.config.SignInWays signInWays() {
        return dev.accountlinker.config.SignInWays.embeddedOnly();
    }

    /** Override to point the app somewhere else than the test tenant. */
    protected TenantSettings tenantSettings() throws Exception {
        return new TenantSettings(TenantAddress.parse("domain", tenant.baseUrl()), tenant.clientId(),
                List.of("google-oauth2", "github"), URI.create(callbacks.redirectUri()));
    }

    @BeforeEach
    void startTenantAndApp() throws Exception {
        callbacks = CallbackRecorder.start();
        List<String> redirectUris = new java.util.ArrayList<>(List.of(callbacks.redirectUri(), LocalTenant.DEFAULT_REDIRECT_URI));
        // As an admin does for a real tenant: every loopback callback URL the system-browser way may use, exactly.
        signInWays().callbackUris().forEach(uri -> redirectUris.add(uri.toString()));
        tenant = configureTenant(LocalTenant.builder())
                .clock(tenantClock)
                .redirectUris(redirectUris)
                .logoutUrls(signInWays().signedOutUris().stream().map(URI::toString).toList())
                .seedDemoUsers(true)
                .start();
        services = createServices();
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(() -> new AccountLinkerApp(services));
    }

    /** Override to start the test tenant differently (e.g. over HTTPS under another name). */
    protected LocalTenant.Builder configureTenant(LocalTenant.Builder builder) {
        return builder;
    }

    protected Application application() {
        return application;
    }

    /** For tests that quit the app and start another one in the same JVM. */
    protected void replaceApplication(Application next) {
        application = next;
    }

    @AfterEach
    void stopAppAndTenant() throws Exception {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
        tenant.close();
        callbacks.close();
    }

    protected void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Condition not met within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    protected <T> T onFx(java.util.concurrent.Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("JavaFX action failed", e);
        }
    }

    protected Optional<Node> node(String query) {
        return lookup(query).tryQuery();
    }

    protected String text(String query) {
        return onFx(() -> lookup(query).queryAs(Label.class).getText());
    }

    protected String statusText() {
        return text("#statusMessage");
    }

    protected WebView loginWebView() {
        waitUntil(() -> node("#loginWebView").isPresent());
        return lookup("#loginWebView").queryAs(WebView.class);
    }

    protected Object script(String javascript) {
        WebView webView = loginWebView();
        return onFx(() -> webView.getEngine().executeScript(javascript));
    }

    /** Waits until the tenant's login form is rendered in the sign-in window. */
    protected void waitForLoginForm() {
        WebView webView = loginWebView();
        waitUntil(() -> Boolean.TRUE.equals(onFx(() -> {
            Object found = webView.getEngine().getDocument() == null ? false
                    : webView.getEngine().executeScript("document.getElementById('username') !== null");
            return found;
        })));
    }

    /** Clicks into a form field of the real page and types, as a person would. */
    protected void typeIntoPage(String elementId, String text) {
        clickOn(pagePoint(elementId));
        // Keys go to the focused node of the target window: the sign-in window, not the main one.
        targetWindow(loginWebView().getScene().getWindow());
        write(text);
    }

    protected Point2D pagePoint(String elementId) {
        WebView webView = loginWebView();
        String box = (String) script("(function(){var r=document.getElementById('" + elementId
                + "').getBoundingClientRect();return r.left+','+r.top+','+r.width+','+r.height;})()");
        String[] parts = box.split(",");
        double x = Double.parseDouble(parts[0]) + Double.parseDouble(parts[2]) / 2;
        double y = Double.parseDouble(parts[1]) + Double.parseDouble(parts[3]) / 2;
        return onFx(() -> webView.localToScreen(x, y));
    }

    /** Fills and submits the login form through the page's DOM (faster than typing; same request). */
    protected void submitLoginForm(String email, String password) {
        waitForLoginForm();
        script("document.getElementById('username').value=" + jsString(email) + ";"
                + "document.getElementById('password').value=" + jsString(password) + ";"
                + "document.getElementById('submit').click();");
    }

    protected static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    protected void signIn(String email, String password) {
        clickOn("#signInButton");
        submitLoginForm(email, password);
        waitForSettingsOf(email);
    }

    protected void waitForSettingsOf(String email) {
        waitUntil(() -> node("#profileEmail").isPresent() && email.equals(text("#profileEmail")));
    }

    /** The identities list ({@code #identitiesTable}: a column of cards now). */
    protected Node identitiesTable() {
        return lookup("#identitiesTable").query();
    }

    /**
     * The identities the screen shows, in order: a TableView's items while the list is one, otherwise the user data
     * of its {@code .identity-card} nodes (the testing contract). Call on the JavaFX thread.
     */
    @SuppressWarnings("unchecked")
    protected List<dev.accountlinker.account.Identity> shownIdentities() {
        Node list = lookup("#identitiesTable").query();
        if (list instanceof TableView<?> table) {
            return List.copyOf((List<dev.accountlinker.account.Identity>) table.getItems());
        }
        return list.lookupAll(".identity-card").stream()
                .map(card -> (dev.accountlinker.account.Identity) card.getUserData())
                .toList();
    }

    protected void waitForIdentityCount(int count) {
        waitUntil(() -> onFx(() -> shownIdentities().size()) == count);
    }

    protected List<String> identitySubjects() {
        return onFx(() -> shownIdentities().stream().map(dev.accountlinker.account.Identity::subject).toList());
    }

    /** Starts linking with the given button and signs the second account in on the tenant's page. */
    protected void linkWith(String buttonId, String email, String password) {
        waitUntil(() -> !lookup(buttonId).query().isDisabled());
        clickOn(buttonId);
        submitLoginForm(email, password);
    }

    /** Waits until a link or unlink has finished and its status message is shown. */
    protected void waitForOperationToEnd() {
        waitUntil(() -> !loginWindowOpen() && !node("#linkProgressBox").map(Node::isVisible).orElse(false)
                && !statusText().isEmpty());
    }

    /** Waits until a dialog's button is on screen, as TestFX's clickOn requires. */
    protected void waitForDialogButton(String id) {
        waitUntil(() -> lookup(id).match(org.testfx.matcher.base.NodeMatchers.isVisible()).tryQuery().isPresent()
                && onFx(() -> lookup(id).query().getScene().getWindow().isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text a person sees in the open dialog (hidden parts, such as the other choice's details, left out). */
    protected String dialogText() {
        return onFx(() -> lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .lookupAll(".label").stream()
                .filter(AppUiTestSupport::shown)
                .map(node -> ((Label) node).getText())
                .filter(text -> text != null)
                .reduce("", (a, b) -> a + "\n" + b));
    }

    /**
     * The visible metadata merge preview of the open link dialog, one line per row: {@code key | main's value (fate) |
     * incoming value (fate)}, a dash where an account has no value.
     */
    protected List<String> mergeRows() {
        return onFx(() -> {
            javafx.scene.layout.GridPane grid = lookup(".merge-preview").queryAllAs(javafx.scene.layout.GridPane.class)
                    .stream().filter(AppUiTestSupport::shown).findFirst().orElseThrow();
            java.util.Map<Integer, String[]> rows = new java.util.TreeMap<>();
            for (Node cell : grid.getChildren()) {
                int row = javafx.scene.layout.GridPane.getRowIndex(cell) == null ? 0 : javafx.scene.layout.GridPane.getRowIndex(cell);
                int column = javafx.scene.layout.GridPane.getColumnIndex(cell) == null ? 0 : javafx.scene.layout.GridPane.getColumnIndex(cell);
                String text = cell instanceof Label label ? label.getText() : cell.getAccessibleText();
                rows.computeIfAbsent(row, r -> new String[3])[column] = text;
            }
            rows.remove(0); // the column headings
            return rows.values().stream().map(cells -> String.join(" | ", cells)).toList();
        });
    }

    /** The accessible text of a node (what a screen reader says for a card). */
    protected String accessibleText(String query) {
        return onFx(() -> lookup(query).query().getAccessibleText());
    }

    private static boolean shown(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Clicks the visible, enabled node of a query once the JavaFX thread is idle. Table cells are reused, so a
     * hidden spare cell can still hold a button with the same id: only the one on screen is clicked.
     */
    protected void clickWhenReady(String query) {
        waitUntil(() -> onFx(() -> lookup(query).queryAll().stream()
                .anyMatch(node -> node.isVisible() && !node.isDisabled() && node.getScene() != null
                        && node.getParent() != null && node.getParent().isVisible())));
        WaitForAsyncUtils.waitForFxEvents();
        Node target = onFx(() -> lookup(query).queryAll().stream()
                .filter(node -> node.isVisible() && !node.isDisabled() && node.getScene() != null
                        && node.getParent() != null && node.getParent().isVisible())
                .findFirst().orElseThrow());
        clickOn(target);
    }

    /**
     * Confirms the open link dialog as the person would: ticks "Both accounts are mine" when the emails differ
     * (every demo pair does), then clicks Link.
     */
    protected void confirmLink() {
        waitForDialogButton("#confirmLinkButton");
        if (node("#bothAccountsMineCheckBox").isPresent()) {
            clickOn("#bothAccountsMineCheckBox");
        }
        clickOn("#confirmLinkButton");
    }

    /** Signs out through the button and its confirmation, as a person would. */
    protected void signOut(boolean federated) {
        clickWhenReady("#signOutButton");
        waitForDialogButton("#confirmSignOutButton");
        if (federated) {
            clickOn("#federatedSignOutCheckBox");
        }
        clickOn("#confirmSignOutButton");
        waitUntil(() -> node("#signInButton").isPresent());
    }

    protected boolean statusIs(String styleClass) {
        return onFx(() -> lookup("#statusMessage").query().getStyleClass().contains(styleClass));
    }

    protected long requestsTo(String method, String pathPart) {
        return tenant.requests().stream()
                .filter(request -> request.method().equals(method) && request.path().contains(pathPart))
                .count();
    }

    protected boolean loginWindowOpen() {
        return node("#loginWebView").isPresent() || node("#loginCancelButton").isPresent();
    }
}
