package dev.accountlinker.testkit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The node ids docs/testing.md's "Testing contract" documents, each with the screen or dialog it is on and the type of
 * node it is. {@code ContractUiTest} walks every screen and fails when one of them is missing or of another type; a
 * plain test ({@code ReadmeTest}) checks that docs/testing.md names exactly these ids. An id documented as a pattern
 * ({@code link-<connection>}) is listed with the example the walk meets ({@code link-github}).
 */
public final class TestingContract {

    /** Where a node is: a screen of the main window, a window, a dialog, or one of their states. */
    public enum Screen {
        SIGN_IN("sign-in screen"),
        CONNECT("connect screen"),
        CONNECT_CHECKED("connect screen after a check"),
        SIGN_IN_WINDOW("sign-in window"),
        SIGN_IN_WINDOW_BLOCKED("sign-in window after it stopped a page"),
        BROWSER_WAIT("system-browser wait"),
        BROWSER_NOT_OPENED("system-browser wait when no browser opened"),
        SETTINGS("settings screen"),
        SETTINGS_WITH_LINKED_IDENTITY("settings screen with a linked identity"),
        LINKING("settings screen while linking"),
        LINK_CONFIRMATION("link confirmation"),
        LINK_CONFIRMATION_SECOND_NOT_POSSIBLE("link confirmation when the second account cannot be main"),
        UNLINK_CONFIRMATION("unlink confirmation"),
        SIGN_OUT_CONFIRMATION("sign-out confirmation");

        private final String description;

        Screen(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * One documented node.
     *
     * @param documentedAs the id as docs/testing.md writes it: the id itself, or its pattern ({@code link-<connection>})
     */
    public record Entry(String id, Screen screen, Class<? extends Node> type, String documentedAs) {}

    /** Style classes docs/testing.md documents next to the ids (they are not ids). */
    public static final Set<String> STYLE_CLASSES =
            Set.of("invalid", "check-passed", "check-failed", "error", "success", "identity-card", "info");

    private static final List<Entry> ENTRIES = new ArrayList<>();

    static {
        on(Screen.SIGN_IN, Button.class, "signInButton", "signInCancelButton", "useDemoButton", "connectTenantButton");
        on(Screen.SIGN_IN, ProgressIndicator.class, "signInProgress");
        on(Screen.SIGN_IN, Label.class, "statusMessage", "tenantLabel");
        on(Screen.SIGN_IN, Hyperlink.class, "changeTenantLink");
        on(Screen.SIGN_IN, MenuButton.class, "themeButton");

        on(
                Screen.CONNECT,
                TextField.class,
                "tenantDomainField",
                "tenantClientIdField",
                "tenantConnectionsField",
                "tenantBrowserConnectionsField");
        on(
                Screen.CONNECT,
                Label.class,
                "tenantDomainError",
                "tenantClientIdError",
                "tenantConnectionsError",
                "tenantBrowserConnectionsError",
                "tenantProblemMessage",
                "statusMessage");
        on(
                Screen.CONNECT,
                Button.class,
                "tenantCheckButton",
                "tenantCheckCancelButton",
                "tenantDemoButton",
                "tenantCancelButton",
                "tenantSaveButton");
        on(Screen.CONNECT, HBox.class, "tenantCheckProgressBox");
        on(Screen.CONNECT, ProgressIndicator.class, "tenantCheckProgress");
        on(Screen.CONNECT, VBox.class, "tenantCheckResults");
        on(Screen.CONNECT, GridPane.class, "tenantRegistrationText");
        for (String item : List.of("application-type", "callback-urls", "logout-urls", "api", "scopes")) {
            add("registration-" + item, Screen.CONNECT, Label.class, "registration-" + item);
            add("copy-" + item, Screen.CONNECT, Button.class, "copy-<same>");
        }
        on(
                Screen.CONNECT_CHECKED,
                HBox.class,
                "check-reachable",
                "check-issuer",
                "check-signing-keys",
                "check-endpoints");

        on(Screen.SIGN_IN_WINDOW, WebView.class, "loginWebView");
        on(Screen.SIGN_IN_WINDOW, ProgressBar.class, "loginProgress");
        on(Screen.SIGN_IN_WINDOW, Button.class, "loginCancelButton", "loginRetryButton");
        on(Screen.SIGN_IN_WINDOW, Label.class, "loginStatus", "loginHostLabel", "loginNotSecureLabel");
        on(Screen.SIGN_IN_WINDOW_BLOCKED, Label.class, "loginBlockedMessage", "loginBlockedAdvice");
        on(Screen.SIGN_IN_WINDOW_BLOCKED, Button.class, "loginBlockedBackButton");
        on(Screen.SIGN_IN_WINDOW, Hyperlink.class, "continueInBrowserLink");

        on(Screen.BROWSER_WAIT, ProgressIndicator.class, "browserProgress");
        on(Screen.BROWSER_WAIT, Label.class, "browserStatus");
        on(Screen.BROWSER_WAIT, Label.class, "browserConfirmNote");
        on(Screen.BROWSER_WAIT, Button.class, "browserOpenAgainButton", "browserCancelButton");
        on(Screen.BROWSER_WAIT, Hyperlink.class, "browserNothingOpenedLink");
        on(Screen.BROWSER_NOT_OPENED, Button.class, "browserCopyLinkButton", "browserUseEmbeddedButton");
        on(Screen.BROWSER_NOT_OPENED, Label.class, "browserCopied");

        on(Screen.SETTINGS, Label.class, "profileName", "profileEmail", "statusMessage");
        on(Screen.SETTINGS, StackPane.class, "profilePicture");
        // Whatever control the list becomes (a table today): the robot reads its identities either way.
        on(Screen.SETTINGS, Region.class, "identitiesTable");
        on(Screen.SETTINGS, Button.class, "linkAccountButton", "refreshButton", "signOutButton", "signInAgainButton");
        on(Screen.SETTINGS, MenuButton.class, "themeButton");
        on(Screen.SETTINGS, Label.class, "identitiesEmptyState", "mainAccountBadge");
        add("identity-auth0-alice", Screen.SETTINGS, Region.class, "identity-<provider>-<user_id>");
        add("link-github", Screen.SETTINGS, Button.class, "link-<connection>");
        add("link-google-oauth2", Screen.SETTINGS, Button.class, "link-<connection>");
        on(Screen.SETTINGS, HBox.class, "busyBox", "linkProgressBox");
        add("unlink-github-4242424", Screen.SETTINGS_WITH_LINKED_IDENTITY, Button.class, "unlink-<provider>-<user_id>");
        on(Screen.SETTINGS_WITH_LINKED_IDENTITY, Button.class, "statusCloseButton");

        on(Screen.LINKING, ProgressIndicator.class, "linkProgress");
        on(Screen.LINKING, Label.class, "linkProgressLabel");
        on(Screen.LINKING, Button.class, "linkCancelButton");

        // The two accounts are cards now; their accessible text names the account as the labels' text did.
        on(Screen.LINK_CONFIRMATION, Region.class, "linkCurrentAccount", "linkSecondAccount");
        on(Screen.LINK_CONFIRMATION, Label.class, "linkEmailsDiffer");
        on(Screen.LINK_CONFIRMATION, CheckBox.class, "bothAccountsMineCheckBox");
        on(Screen.LINK_CONFIRMATION, RadioButton.class, "keepCurrentMainRadio", "keepSecondMainRadio");
        on(Screen.LINK_CONFIRMATION, StackPane.class, "linkPlanDetails");
        on(Screen.LINK_CONFIRMATION, Button.class, "confirmLinkButton", "cancelDialogButton");
        on(Screen.LINK_CONFIRMATION_SECOND_NOT_POSSIBLE, Label.class, "keepSecondUnavailable");

        on(Screen.UNLINK_CONFIRMATION, Button.class, "confirmUnlinkButton", "cancelDialogButton");

        on(Screen.SIGN_OUT_CONFIRMATION, CheckBox.class, "federatedSignOutCheckBox");
        on(Screen.SIGN_OUT_CONFIRMATION, Button.class, "confirmSignOutButton", "cancelDialogButton");
    }

    private TestingContract() {}

    private static void on(Screen screen, Class<? extends Node> type, String... ids) {
        for (String id : ids) {
            add(id, screen, type, id);
        }
    }

    private static void add(String id, Screen screen, Class<? extends Node> type, String documentedAs) {
        ENTRIES.add(new Entry(id, screen, type, documentedAs));
    }

    /** Every documented node, screen by screen. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES);
    }

    /** The documented nodes of one screen. */
    public static List<Entry> on(Screen screen) {
        return ENTRIES.stream().filter(entry -> entry.screen() == screen).toList();
    }

    /** The ids as docs/testing.md writes them (patterns once). */
    public static Set<String> documentedIds() {
        Set<String> ids = new LinkedHashSet<>();
        ENTRIES.forEach(entry -> ids.add(entry.documentedAs()));
        return ids;
    }
}
