package dev.accountlinker.ui.settings;

import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.TenantIdentity;
import dev.accountlinker.localtenant.TenantUser;
import javafx.geometry.Bounds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Choosing which account stays main in the link confirmation, with the tenant's state asserted (moved from the
 * whole app's ChoosePrimaryUiTest; the sign-in window's own part, the redirect caught and never requested, is
 * {@code LinkingUiTest}'s).
 */
class ChoosePrimaryComponentTest extends LinkingScreenTestSupport {
    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    @Test
    void keepingGoogleAsMainLinksAliceIntoItAndSignsTheAppInAsGoogle() {
        waitForIdentityCount(1);
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");

        assertTrue(
                onFx(() -> radio("#keepCurrentMainRadio").isSelected()), "keeping the current account is the default");
        assertEquals(
                "Keep Alice Example as main account",
                onFx(() -> radio("#keepCurrentMainRadio").getText()));
        assertEquals(
                "Keep Alice (Google) as main account",
                onFx(() -> radio("#keepSecondMainRadio").getText()));
        assertFalse(onFx(() -> radio("#keepSecondMainRadio").isDisabled()));
        assertFalse(
                onFx(() -> radio("#keepSecondMainRadio").getAccessibleHelp()).isBlank());
        assertTrue(
                mergeRows().contains("language | en (kept) | pt (dropped)"),
                mergeRows().toString());
        assertTrue(
                badgeShown("#linkCurrentAccount") && !badgeShown("#linkSecondAccount"),
                "the signed-in account stays main");
        Bounds size = onFx(() -> lookup(".dialog-pane").query().getLayoutBounds());

        choose("#keepSecondMainRadio");
        String dialog = dialogText();
        assertTrue(badgeShown("#linkSecondAccount") && !badgeShown("#linkCurrentAccount"), "now Google stays main");
        assertTrue(
                dialog.contains(
                        "Auth0 then removes Alice Example as a separate user: only the profile of Alice (Google)"
                                + " remains."),
                dialog);
        List<String> merge = mergeRows();
        assertTrue(merge.contains("language | pt (kept) | en (dropped)"), merge.toString());
        assertTrue(merge.contains("address.city | Porto (kept) | Lisbon (dropped)"), merge.toString());
        assertTrue(merge.contains("theme | — | dark (added)"), merge.toString());
        assertTrue(merge.contains("address.country | — | PT (added)"), merge.toString());
        assertTrue(dialog.contains("You will then be signed in as Alice (Google)"), dialog);
        assertEquals(size, onFx(() -> lookup(".dialog-pane").query().getLayoutBounds()), "the dialog keeps its size");
        choose("#keepCurrentMainRadio");
        assertTrue(mergeRows().contains("language | en (kept) | pt (dropped)"), "the preview follows the choice");
        choose("#keepSecondMainRadio");
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"), "nothing changes before the user confirms");

        confirmLink();
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertTrue(statusText().startsWith("Linked Alice Example into Alice (Google)."), statusText());
        waitForSettingsOf("alice.g@example.com");
        assertEquals("Alice (Google)", text("#profileName"));
        waitForIdentityCount(2);
        assertEquals(List.of(GOOGLE, "auth0|alice"), identitySubjects());

        // The tenant: Google is the user, with Alice's identity; metadata merged with Google's values winning.
        TenantUser google = app.tenant.user(GOOGLE).orElseThrow();
        assertEquals(
                List.of(GOOGLE, "auth0|alice"),
                google.identities().stream()
                        .map(i -> i.provider() + "|" + i.userId())
                        .toList());
        assertEquals(
                "alice@example.com", google.identities().get(1).profileData().get("email"));
        assertEquals("pt", google.userMetadata().get("language"));
        assertEquals("dark", google.userMetadata().get("theme"));
        assertEquals(true, google.userMetadata().get("newsletter"));
        assertEquals(
                Map.of("city", "Porto", "zip", "4000-001", "country", "PT"),
                google.userMetadata().get("address"));
        assertTrue(app.tenant.user("auth0|alice").isEmpty(), "Alice is no longer a separate user");
        assertEquals(1, requestsTo("PATCH", "/api/v2/users/" + GOOGLE));
        assertEquals(1, requestsTo("POST", "/api/v2/users/" + GOOGLE + "/identities"));
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/auth0|alice"));

        // Later actions use the new session: Refresh reads Google's user with Google's token.
        long readsBefore = requestsTo("GET", "/api/v2/users/" + GOOGLE);
        waitUntil(() -> enabled("#refreshButton"));
        clickOn("#refreshButton");
        waitUntil(() -> requestsTo("GET", "/api/v2/users/" + GOOGLE) > readsBefore && !shown("#busyBox"));
        assertEquals(List.of(GOOGLE, "auth0|alice"), identitySubjects());
        assertEquals("alice.g@example.com", text("#profileEmail"));

        // ... and unlinking Alice's identity makes her a separate user again.
        clickWhenReady("#unlink-auth0-alice");
        waitForDialogButton("#confirmUnlinkButton");
        clickOn("#confirmUnlinkButton");
        waitForIdentityCount(1);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertEquals(List.of(GOOGLE), identitySubjects());
        TenantUser alice = app.tenant.user("auth0|alice").orElseThrow();
        assertEquals("alice@example.com", alice.email());
        assertTrue(alice.userMetadata().isEmpty(), "an unlinked identity comes back without metadata");
        assertEquals(
                List.of("google-oauth2"),
                app.tenant.user(GOOGLE).orElseThrow().identities().stream()
                        .map(TenantIdentity::provider)
                        .toList());
        assertEquals(
                "dark",
                app.tenant.user(GOOGLE).orElseThrow().userMetadata().get("theme"),
                "the merged metadata stays with the main account");
    }

    @Test
    void whenLinkingToGoogleFailsAfterTheMergeTheAppSaysWhereTheMergeWentAndStaysAlice() {
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        choose("#keepSecondMainRadio");
        app.tenant
                .faults()
                .inject(
                        Faults.on("POST", "/api/v2/users/")
                                .respond(
                                        500,
                                        "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"Something broke\"}"));
        confirmLink();
        waitForOperationToEnd();

        assertTrue(statusIs("error"), statusText());
        assertTrue(
                statusText()
                        .startsWith("The information of Alice Example was merged into Alice (Google), but linking"
                                + " then failed"),
                statusText());
        assertTrue(statusText().contains("you are still signed in as Alice Example"), statusText());
        assertEquals("alice@example.com", text("#profileEmail"), "the session did not switch");
        assertEquals(List.of("auth0|alice"), identitySubjects());
        assertEquals(
                "dark", app.tenant.user(GOOGLE).orElseThrow().userMetadata().get("theme"), "merged into Google");
        assertEquals(
                "en",
                app.tenant.user("auth0|alice").orElseThrow().userMetadata().get("language"),
                "Alice unchanged");

        // Retrying links; the metadata is already merged, so no second PATCH is sent.
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        choose("#keepSecondMainRadio");
        assertTrue(
                mergeRows().stream().noneMatch(row -> row.contains("(added)")),
                "everything Alice brings is already in Google: " + mergeRows());
        confirmLink();
        waitForSettingsOf("alice.g@example.com");
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertEquals(List.of(GOOGLE, "auth0|alice"), identitySubjects());
        assertEquals(1, requestsTo("PATCH", "/api/v2/users/" + GOOGLE));
        assertTrue(app.tenant.user("auth0|alice").isEmpty());
    }

    @Test
    void keepingTheSecondIsDisabledWhenAliceAlreadyHasGithubLinked() {
        linkWith("#link-github", "alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        assertFalse(onFx(() -> radio("#keepSecondMainRadio").isDisabled()), "Alice has nothing linked yet");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();

        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        assertTrue(onFx(() -> radio("#keepSecondMainRadio").isDisabled()));
        assertTrue(onFx(() -> radio("#keepCurrentMainRadio").isSelected()));
        String dialog = dialogText();
        assertTrue(
                dialog.contains("Keeping Alice (Google) as main account is not possible: Alice Example already has"
                        + " other sign-ins linked to it"),
                dialog);
        assertTrue(onFx(() -> radio("#keepSecondMainRadio").getAccessibleHelp()).contains("not possible"));
        clickOn("#cancelDialogButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
        assertTrue(app.tenant.user(GOOGLE).isPresent());
        assertEquals(
                2, app.tenant.user("auth0|alice").orElseThrow().identities().size());
    }
}
