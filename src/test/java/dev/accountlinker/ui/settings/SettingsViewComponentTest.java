package dev.accountlinker.ui.settings;

import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.testkit.TestingContract;
import dev.accountlinker.testkit.TestingContract.Entry;
import dev.accountlinker.testkit.TestingContract.Screen;
import dev.accountlinker.ui.ComponentTestSupport;
import dev.accountlinker.ui.CurrentThreadTaskRunner;
import dev.accountlinker.ui.QueuedTaskRunner;
import dev.accountlinker.ui.theme.ThemeMenu;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings screen as settings.fxml declares it and SettingsView binds it, over the real view model, the real
 * account client and a local tenant over HTTP; only the second sign-ins and the confirmations are scripted. Work
 * waits in a {@link QueuedTaskRunner} until the test lets it run, so the screen can be looked at while the account
 * is read or a link waits for its sign-in. Each test reads the screen through the testing contract's ids, so it fails
 * when the FXML loses an element, an id, a binding or an accessible text.
 */
class SettingsViewComponentTest extends ComponentTestSupport {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 520;
    private static final String ALICE_CARD = "identity-auth0-alice";
    private static final String GITHUB_CARD = "identity-github-4242424";

    private final QueuedTaskRunner tasks = new QueuedTaskRunner();
    private SignedInSettings app;
    private SettingsViewModel viewModel;
    private int signInAgainAsked;

    @BeforeEach
    void showAliceSettings() throws Exception {
        app = component.cleanUp(new SignedInSettings());
        component.cleanUp(tasks);
        viewModel = app.viewModel(app.signedIn("alice@example.com", "Alice-Demo-1"), tasks);
        component.cleanUp(viewModel::stopWork);
        Parent screen = onFx(() -> new SettingsView(
                        viewModel,
                        app.messages,
                        () -> signInAgainAsked++,
                        Optional.of(ThemeMenu.create(component.themes(), app.messages)))
                .load());
        show(screen, WIDTH, HEIGHT);
        onFx(viewModel::refresh); // as AppShell does once the screen is in the window
    }

    /** Lets the view model's waiting work (and what it starts in turn) run, as the background threads would. */
    private void runWork() {
        onFx(tasks::runQueued);
    }

    private String text(String query) {
        return node(query, Label.class).getText();
    }

    private String word(String key, Object... arguments) {
        return app.messages.get(key, arguments);
    }

    private List<String> cards() {
        return ids(".identity-card");
    }

    private boolean disabled(String query) {
        return onFx(() -> lookup(query).query().isDisabled());
    }

    private String focused() {
        return onFx(() -> {
            Node owner = lookup("#identitiesTable").query().getScene().getFocusOwner();
            return owner == null ? "(nothing)" : owner.getId();
        });
    }

    // ---- the screen's parts ----

    @Test
    void everyPartOfTheTestingContractIsOnTheScreenWithItsType() {
        runWork();
        List<String> missing = new ArrayList<>();
        for (Screen screen : List.of(Screen.SETTINGS, Screen.LINKING)) {
            for (Entry entry : TestingContract.on(screen)) {
                Set<Node> found = onFx(() -> lookup("#" + entry.id()).queryAll());
                if (found.size() != 1
                        || !entry.type().isInstance(found.iterator().next())) {
                    missing.add(entry.id() + " (" + entry.type().getSimpleName() + ", found " + found + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "ids of the testing contract missing from the settings screen");
    }

    @Test
    void theProfileShowsAtOnceAndTheCardsOnceTheAccountIsRead() {
        assertAll(
                () -> assertEquals("Alice Example", text("#profileName")),
                () -> assertEquals("alice@example.com", text("#profileEmail")),
                () -> assertEquals("AE", text(".avatar-initials")),
                () -> assertEquals(
                        word("settings.profile.picture", "Alice Example"),
                        node("#profilePicture", Avatar.class).getAccessibleText()),
                () -> assertEquals(64, node("#profilePicture", Avatar.class).getWidth(), "the stylesheet's size"),
                () -> assertTrue(shown("#busyBox"), "reading the account shows"),
                () -> assertEquals(word("settings.loading"), text("#busyLabel")),
                () -> assertFalse(shown("#linkProgressBox")),
                () -> assertFalse(shown("#statusMessage")),
                () -> assertTrue(disabled("#refreshButton"), "Refresh waits while the account is read"),
                () -> assertTrue(disabled("#link-github"), "no link before the account is read"),
                () -> assertTrue(disabled("#linkAccountButton")));

        runWork();

        assertAll(
                () -> assertEquals(List.of(ALICE_CARD), cards()),
                () -> assertTrue(shown("#mainAccountBadge")),
                () -> assertTrue(shown("#identitiesEmptyState")),
                () -> assertEquals(word("settings.identities.onlyMain"), text("#identitiesEmptyState")),
                () -> assertFalse(shown("#busyBox")),
                () -> assertFalse(
                        onFx(() -> lookup("#busyBox").query().getParent().isManaged()),
                        "the feedback area takes no room when it has nothing to show"),
                () -> assertFalse(disabled("#refreshButton")),
                () -> assertFalse(disabled("#link-github")),
                () -> assertFalse(disabled("#linkAccountButton")),
                () -> assertEquals("identitiesTable", focused(), "after loading the focus rests on the list"));
    }

    @Test
    void aLinkButtonPerConfiguredConnectionComesBeforeLinkAnotherAccount() {
        runWork();
        FlowPane area =
                onFx(() -> (FlowPane) lookup("#linkAccountButton").query().getParent());
        List<Button> buttons = onFx(() ->
                from(area).lookup(".button").queryAllAs(Button.class).stream().toList());
        assertEquals(
                List.of("link-google-oauth2", "link-github", "linkAccountButton"),
                buttons.stream().map(Node::getId).toList());
        assertEquals(
                List.of("Link Google account", "Link GitHub account", "Link another account"),
                onFx(() -> buttons.stream().map(Button::getText).toList()));
        assertEquals(
                List.of(
                        word("settings.link.connection.help", "Google"),
                        word("settings.link.connection.help", "GitHub"),
                        word("settings.link.any.help")),
                onFx(() -> buttons.stream().map(Button::getAccessibleHelp).toList()));
    }

    @Test
    void everyControlSaysWhatItIsForInTheBundlesWords() {
        runWork();
        assertAll(
                () -> assertEquals(
                        List.of(word("settings.identities"), word("settings.link.heading")),
                        onFx(() -> lookup(".section-heading").queryAllAs(Label.class).stream()
                                .map(Label::getText)
                                .toList()),
                        "a heading over the list and one over the Link buttons"),
                () -> assertEquals(
                        word("settings.identities"),
                        node("#identitiesTable", IdentityList.class).getAccessibleText()),
                () -> assertEquals(
                        word("settings.identities.cards.help"),
                        node("#identitiesTable", IdentityList.class).getAccessibleHelp()),
                () -> assertEquals(
                        node("#identitiesTable", IdentityList.class),
                        onFx(() -> lookup(".section-heading").queryAllAs(Label.class).stream()
                                .filter(label -> label.getLabelFor() != null)
                                .findFirst()
                                .orElseThrow()
                                .getLabelFor()),
                        "the heading names the list"),
                () -> assertEquals(
                        word("settings.refresh.help"),
                        node("#refreshButton", Button.class).getAccessibleHelp()),
                () -> assertEquals(
                        word("settings.signOut.help"),
                        node("#signOutButton", Button.class).getAccessibleHelp()),
                () -> assertEquals(
                        word("settings.signInAgain.help"),
                        node("#signInAgainButton", Button.class).getAccessibleHelp()),
                () -> assertEquals(
                        word("link.cancel.help"),
                        node("#linkCancelButton", Button.class).getAccessibleHelp()),
                () -> assertEquals(
                        word("status.close"),
                        node("#statusCloseButton", Button.class).getAccessibleText()),
                () -> assertEquals(
                        word("status.close.help"),
                        node("#statusCloseButton", Button.class).getAccessibleHelp()));
    }

    // ---- linking and unlinking ----

    @Test
    void aLinkShowsItsProgressWithCancelAndACancelledLinkSaysSo() {
        runWork();
        app.login.neverAnswer();
        clickOn("#link-github");
        runWork();

        assertAll(
                () -> assertTrue(shown("#linkProgressBox")),
                () -> assertEquals(word("link.waitingForSignIn"), text("#linkProgressLabel")),
                () -> assertEquals(
                        word("link.waitingForSignIn"),
                        onFx(() -> lookup("#linkProgress").query().getAccessibleText())),
                () -> assertFalse(disabled("#linkCancelButton"), "the sign-in can be cancelled"),
                () -> assertFalse(shown("#busyBox")),
                () -> assertFalse(shown("#statusMessage"), "the progress line says what is happening"),
                () -> assertTrue(disabled("#refreshButton")),
                () -> assertTrue(disabled("#link-google-oauth2")),
                () -> assertTrue(disabled("#linkAccountButton")));

        clickOn("#linkCancelButton");
        runWork();

        assertAll(
                () -> assertFalse(shown("#linkProgressBox")),
                () -> assertTrue(shown("#statusMessage")),
                () -> assertEquals(word("link.cancelled"), text("#statusMessage")),
                () -> assertTrue(
                        node("#statusMessage", Label.class).getStyleClass().contains("info")),
                () -> assertTrue(app.login.everyWindowClosed(), "the sign-in window was closed"),
                () -> assertFalse(disabled("#link-github")));

        clickOn("#statusCloseButton");
        assertFalse(shown("#statusMessage"), "the message closes");
        assertFalse(
                onFx(() -> lookup("#busyBox").query().getParent().isManaged()),
                "and the feedback area gives back its room");
    }

    @Test
    void escapeCancelsALinkWaitingForItsSignIn() {
        runWork();
        app.login.neverAnswer();
        clickOn("#link-google-oauth2");
        runWork();
        assertTrue(shown("#linkProgressBox"));

        type(KeyCode.ESCAPE);
        runWork();

        assertAll(
                () -> assertFalse(shown("#linkProgressBox")),
                () -> assertEquals(word("link.cancelled"), text("#statusMessage")),
                () -> assertTrue(app.login.everyWindowClosed(), "the sign-in window was closed"));
    }

    @Test
    void aLinkedAccountGetsItsCardAndUnlinkingTakesItAway() {
        runWork();
        app.login.signInAs("alice-gh@example.com", "Github-Demo-1");
        clickOn("#link-github");
        runWork();

        assertAll(
                () -> assertEquals(List.of(ALICE_CARD, GITHUB_CARD), cards()),
                () -> assertTrue(shown("#unlink-github-4242424")),
                () -> assertFalse(shown("#identitiesEmptyState")),
                () -> assertEquals(
                        "GitHub account linked",
                        node("#link-github", Button.class).getText()),
                () -> assertTrue(disabled("#link-github"), "a linked connection cannot be linked again"),
                () -> assertEquals(
                        "Linked Alice (GitHub) to your account. You can now sign in with either.",
                        text("#statusMessage")),
                () -> assertTrue(
                        node("#statusMessage", Label.class).getStyleClass().contains("success")),
                () -> assertFalse(shown("#signInAgainButton")));

        clickOn("#unlink-github-4242424");
        runWork();

        assertAll(
                () -> assertEquals(List.of(ALICE_CARD), cards()),
                () -> assertEquals(
                        "Unlinked alice-gh@example.com. It is a separate account again.", text("#statusMessage")),
                () -> assertTrue(shown("#identitiesEmptyState")),
                () -> assertFalse(disabled("#link-github")));
    }

    @Test
    void refreshShowsWhatWasLinkedElsewhere() throws Exception {
        runWork();
        // Alice links her GitHub account in another copy of the app (no window: its work runs at once).
        SettingsViewModel elsewhere =
                app.viewModel(app.signedIn("alice@example.com", "Alice-Demo-1"), new CurrentThreadTaskRunner());
        elsewhere.refresh();
        app.login.signInAs("alice-gh@example.com", "Github-Demo-1");
        elsewhere.link(Optional.of("github"));
        assertEquals(List.of(ALICE_CARD), cards(), "this screen shows what it read");

        clickOn("#refreshButton");
        assertTrue(shown("#busyBox"));
        runWork();

        assertEquals(List.of(ALICE_CARD, GITHUB_CARD), cards());
        assertFalse(shown("#busyBox"));
        assertTrue(disabled("#link-github"));
    }

    // ---- the status banner ----

    @Test
    void aFailedReadIsAnErrorAndAnExpiredSessionOffersToSignInAgain() {
        runWork();
        app.tenant
                .faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .respond(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"down\"}")
                        .always());
        clickOn("#refreshButton");
        runWork();

        assertAll(
                () -> assertTrue(shown("#statusMessage")),
                () -> assertTrue(
                        node("#statusMessage", Label.class).getStyleClass().contains("error")),
                () -> assertEquals(
                        "The account service had a problem (HTTP 503). Please try again in a moment.",
                        text("#statusMessage")),
                () -> assertFalse(shown("#signInAgainButton"), "signing in again would not help"),
                () -> assertEquals(List.of(ALICE_CARD), cards(), "what was read stays"));

        app.tenant.faults().clear();
        app.tenant
                .faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .respond(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Expired token\"}"));
        clickOn("#refreshButton");
        runWork();

        assertAll(
                () -> assertTrue(
                        node("#statusMessage", Label.class).getStyleClass().contains("error")),
                () -> assertEquals(word("error.sessionExpired"), text("#statusMessage")),
                () -> assertTrue(shown("#signInAgainButton")));
        clickOn("#signInAgainButton");
        assertEquals(1, signInAgainAsked);
    }

    // ---- the keyboard ----

    @Test
    void tabGoesThroughTheScreenInReadingOrder() {
        runWork();
        app.login.signInAs("alice-gh@example.com", "Github-Demo-1");
        onFx(() -> viewModel.link(Optional.of("github")));
        runWork();
        assertEquals("identitiesTable", focused());

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            type(KeyCode.TAB);
            order.add(focused());
        }

        assertEquals(
                List.of(
                        "unlink-github-4242424",
                        "statusCloseButton",
                        "link-google-oauth2",
                        "linkAccountButton",
                        "refreshButton",
                        "signOutButton",
                        "themeButton",
                        "identitiesTable"),
                order);
    }
}
