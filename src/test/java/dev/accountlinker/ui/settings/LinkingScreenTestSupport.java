package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.ComponentTestSupport;
import dev.accountlinker.ui.FxTaskRunner;
import dev.accountlinker.ui.theme.ThemeMenu;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The base of the component tests that link and unlink as the person does it in the app: Alice signed in on the
 * settings screen (settings.fxml over its real view model), the app's own confirmation dialogs
 * ({@link ConfirmationDialogs}) and the app's task runner, against a local tenant over HTTP ({@link SignedInSettings}).
 * The theme menu is there, as in the app. Only the second sign-in is scripted: the person signs in on the tenant's page without a window, so the app gets a
 * real second ID token. The helpers are named as the testers' kit names them for the whole app.
 */
abstract class LinkingScreenTestSupport extends ComponentTestSupport {
    protected SignedInSettings app;
    /** The tenant Alice is signed in to ({@code app.tenant}). */
    protected LocalTenant tenant;

    private Parent screen;
    /** How often the screen asked for "Sign in again" (the app shows the sign-in screen then). */
    protected int signInAgainAsked;

    @BeforeEach
    void signAliceIn() throws Exception {
        app = component.cleanUp(new SignedInSettings());
        tenant = app.tenant;
        FxTaskRunner tasks = component.cleanUp(new FxTaskRunner());
        ConfirmationDialogs dialogs =
                new ConfirmationDialogs(app.messages, () -> screen.getScene().getWindow(), app.clock);
        SettingsViewModel viewModel = app.viewModel(app.signedIn("alice@example.com", "Alice-Demo-1"), tasks, dialogs);
        component.cleanUp(viewModel::stopWork);
        screen = onFx(() -> new SettingsView(
                        viewModel,
                        app.messages,
                        () -> signInAgainAsked++,
                        Optional.of(ThemeMenu.create(component.themes(), app.messages)))
                .load());
        show(screen, 760, 520);
        onFx(viewModel::refresh); // as AppShell does once the screen is in the window
    }

    protected RadioButton radio(String id) {
        return lookup(id).queryAs(RadioButton.class);
    }

    protected boolean badgeShown(String card) {
        return onFx(() -> lookup(card + " .main-badge").query().isVisible());
    }

    protected void choose(String id) {
        clickOn(id);
        waitUntil(() -> onFx(() -> radio(id).isSelected()));
    }

    protected String text(String query) {
        return node(query, Label.class).getText();
    }

    /** The node {@code query} finds, if any (as the kit's {@code node}). */
    protected Optional<Node> node(String query) {
        return onFx(() -> lookup(query).tryQuery());
    }

    /** The accessible text of a node (what a screen reader says for a card). */
    protected String accessibleText(String query) {
        return onFx(() -> lookup(query).query().getAccessibleText());
    }

    /** The identities list ({@code #identitiesTable}: a column of cards). */
    protected Node identitiesTable() {
        return lookup("#identitiesTable").query();
    }

    protected String statusText() {
        return text("#statusMessage");
    }

    protected boolean statusIs(String styleClass) {
        return onFx(() -> lookup("#statusMessage").query().getStyleClass().contains(styleClass));
    }

    protected boolean enabled(String query) {
        return onFx(() -> lookup(query).tryQuery().filter(Node::isVisible).filter(node -> !node.isDisabled()))
                .isPresent();
    }

    protected void clickWhenReady(String query) {
        waitUntil(() -> enabled(query));
        clickOn(query);
    }

    /** Starts linking with the given button; the person signs the second account in on the tenant's page. */
    protected void linkWith(String button, String email, String password) {
        app.login.signInAs(email, password);
        clickWhenReady(button);
    }

    protected void waitForDialogButton(String id) {
        waitUntil(() -> shown(id));
    }

    /** Ticks "Both accounts are mine" when the emails differ (every demo pair does), then clicks Link. */
    protected void confirmLink() {
        waitForDialogButton("#confirmLinkButton");
        if (onFx(() -> lookup("#bothAccountsMineCheckBox").tryQuery().isPresent())) {
            clickOn("#bothAccountsMineCheckBox");
        }
        clickOn("#confirmLinkButton");
    }

    protected void waitForOperationToEnd() {
        waitUntil(() -> !shown("#linkProgressBox") && !statusText().isEmpty());
    }

    protected void waitForSettingsOf(String email) {
        waitUntil(() -> email.equals(text("#profileEmail")));
    }

    protected List<String> identitySubjects() {
        return onFx(() -> lookup(".identity-card").queryAll().stream()
                .map(card -> ((Identity) card.getUserData()).subject())
                .toList());
    }

    protected void waitForIdentityCount(int count) {
        waitUntil(() -> identitySubjects().size() == count);
    }

    protected long requestsTo(String method, String pathPart) {
        return app.requestsTo(method, pathPart);
    }

    /** The text a person sees in the open dialog (hidden parts, such as the other choice's details, left out). */
    protected String dialogText() {
        return onFx(() -> lookup(".dialog-pane").queryAs(DialogPane.class).lookupAll(".label").stream()
                .filter(LinkingScreenTestSupport::shownWithParents)
                .map(node -> ((Label) node).getText())
                .filter(text -> text != null)
                .reduce("", (a, b) -> a + "\n" + b));
    }

    /** The visible merge preview, one line per row: {@code key | main's value (fate) | incoming value (fate)}. */
    protected List<String> mergeRows() {
        return onFx(() -> {
            GridPane grid = lookup(".merge-preview").queryAllAs(GridPane.class).stream()
                    .filter(LinkingScreenTestSupport::shownWithParents)
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

    private static boolean shownWithParents(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
