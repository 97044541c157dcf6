package dev.accountlinker.ui;

import dev.accountlinker.AppServices;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.testkit.AccountLinkerExtension;
import dev.accountlinker.testkit.AccountLinkerRobot;
import dev.accountlinker.testkit.AccountLinkerSession;
import dev.accountlinker.testkit.AccountLinkerSetup;
import dev.accountlinker.testkit.AdjustableClock;
import dev.accountlinker.testkit.CallbackRecorder;
import dev.accountlinker.testkit.ManualDeadlines;
import dev.accountlinker.ui.signin.LoginSettings;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The project's UI tests run on the testers' kit: each test class is an {@link AccountLinkerRobot} (every helper
 * comes from there) that the kit's {@link AccountLinkerExtension} starts a tenant and the app for. This class only
 * keeps the names the tests were written with: the fields for the test's tenant, app and deadlines, and the hooks a
 * test overrides to choose the kit's options (each maps onto an {@link AccountLinkerSetup} method).
 */
public abstract class AppUiTestSupport extends AccountLinkerRobot {
    @RegisterExtension
    final AccountLinkerExtension app = AccountLinkerExtension.withSetup(new AccountLinkerSetup() {
        @Override
        public SignInWays signInWays() {
            return AppUiTestSupport.this.signInWays();
        }

        @Override
        public LocalTenant.Builder tenant(LocalTenant.Builder builder) {
            return configureTenant(builder);
        }

        @Override
        public LoginSettings loginSettings(AccountLinkerSession session) {
            return AppUiTestSupport.this.loginSettings();
        }

        @Override
        public TenantSettings tenantSettings(AccountLinkerSession session) throws Exception {
            return AppUiTestSupport.this.tenantSettings();
        }

        @Override
        public AppServices services(AccountLinkerSession started) throws Exception {
            session = started;
            tenant = started.tenant().localTenant();
            tenantClock = started.tenantClock();
            callbacks = started.callbacks();
            tasks = started.deadlines();
            services = createServices();
            return services;
        }
    });

    private AccountLinkerSession session;
    protected LocalTenant tenant;
    /** The tenant's time: a test may set it back, e.g. so a sign-in is already old when it happens. */
    protected AdjustableClock tenantClock;

    protected AppServices services;
    protected CallbackRecorder callbacks;
    /** Deadlines (sign-in window timeouts) pass only when a test calls {@link ManualDeadlines#expireAll()}. */
    protected ManualDeadlines tasks;

    /** Override to open "the browser" differently (the kit's scripted browser by default). */
    protected LoginSettings loginSettings() {
        return LoginSettings.defaults(session.browser());
    }

    /** Override to start the app with other services (e.g. a broken configuration). */
    protected AppServices createServices() throws Exception {
        return session.defaultServices();
    }

    /** The embedded window for every sign-in unless a test is about the system-browser way. */
    protected SignInWays signInWays() {
        return SignInWays.embeddedOnly();
    }

    /** Override to point the app somewhere else than the test tenant. */
    protected TenantSettings tenantSettings() throws Exception {
        return session.defaultTenantSettings();
    }

    /** Override to start the test tenant differently (e.g. over HTTPS under another name). */
    protected LocalTenant.Builder configureTenant(LocalTenant.Builder builder) {
        return builder;
    }

    protected Application application() {
        return session.application();
    }

    /** For tests that quit the app and start another one in the same JVM. */
    protected void replaceApplication(Application next) {
        session.replaceApplication(next);
    }

    /** Waits until the sign-in window is gone and the sign-in screen is back, ready, with a message on it. */
    protected void waitForSignInScreenWithMessage() {
        waitUntil(() -> !loginWindowOpen()
                && node("#signInButton").isPresent()
                && !lookup("#signInButton").query().isDisabled()
                && !statusText().isEmpty());
    }

    /** The identities list ({@code #identitiesTable}: a column of cards), for tests that focus or search it. */
    protected Node identitiesTable() {
        return lookup("#identitiesTable").query();
    }

    /**
     * The visible metadata merge preview of the open link dialog, one line per row: {@code key | main's value (fate) |
     * incoming value (fate)}, a dash where an account has no value.
     */
    protected List<String> mergeRows() {
        return onFx(() -> {
            GridPane grid = lookup(".merge-preview").queryAllAs(GridPane.class).stream()
                    .filter(AppUiTestSupport::shownWithParents)
                    .findFirst()
                    .orElseThrow();
            Map<Integer, String[]> rows = new TreeMap<>();
            for (Node cell : grid.getChildren()) {
                int row = GridPane.getRowIndex(cell) == null ? 0 : GridPane.getRowIndex(cell);
                int column = GridPane.getColumnIndex(cell) == null ? 0 : GridPane.getColumnIndex(cell);
                String text = cell instanceof Label label ? label.getText() : cell.getAccessibleText();
                rows.computeIfAbsent(row, r -> new String[3])[column] = text;
            }
            rows.remove(0); // the column headings
            return rows.values().stream()
                    .map(cells -> String.join(" | ", cells))
                    .toList();
        });
    }

    /** The accessible text of a node (what a screen reader says for a card). */
    protected String accessibleText(String query) {
        return onFx(() -> lookup(query).query().getAccessibleText());
    }

    private static boolean shownWithParents(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
