package dev.accountlinker.ui;

import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.localtenant.TenantAccount;
import dev.accountlinker.localtenant.TenantUser;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auth0's 10 KB profile cap in the link confirmation: a merge that would cross it is said before anything is written,
 * with its size and the limit, and the person links keeping only the main account's information (no PATCH at all) or
 * cancels. Asserted from the requests the tenant saw, not from the tenant refusing.
 */
class ProfileLimitUiTest extends AppUiTestSupport {
    /** Alice's second Google sign-in, whose notes alone are 10.5 KB: merged with Alice's, 10 586 bytes. */
    private static final String NOTES = "google-oauth2|200000000000000000001";
    /** Dana's Google sign-in, whose notes (9 970 characters) fit on their own but not with Dana's other values. */
    private static final String DANA_GOOGLE = "google-oauth2|200000000000000000002";

    private static final String TOO_LARGE_EN = "Too much saved information to merge: together, the saved information of"
            + " both accounts would take 10.6\u00a0KB, and Auth0 keeps at most 10\u00a0KB per account. Nothing has been"
            + " changed. “Link without merging” links them keeping only the information of Alice Example: the saved"
            + " information of Alice (Notes) is then lost for good. Or cancel, and nothing changes.";

    @Override
    protected LocalTenant.Builder configureTenant(LocalTenant.Builder builder) {
        return builder.account(TenantAccount.builder()
                        .connection("google-oauth2")
                        .email("alice.notes@example.com")
                        .password("Notes-Demo-1")
                        .userId(NOTES)
                        .name("Alice (Notes)")
                        .userMetadata(Map.of("notes", "n".repeat(10_500)))
                        .build())
                .account(TenantAccount.builder()
                        .email("dana@example.com")
                        .password("Dana-Demo-1")
                        .userId("auth0|dana")
                        .name("Dana Example")
                        .userMetadata(Map.of("notes", "short", "theme", "dark", "language", "en"))
                        .build())
                .account(TenantAccount.builder()
                        .connection("google-oauth2")
                        .email("dana.g@example.com")
                        .password("DanaG-Demo-1")
                        .userId(DANA_GOOGLE)
                        .name("Dana (Google)")
                        .userMetadata(Map.of("notes", "g".repeat(9_970)))
                        .build());
    }

    private String confirmText() {
        return onFx(() -> lookup("#confirmLinkButton").queryAs(Button.class).getText());
    }

    private String confirmHelp() {
        return onFx(() -> lookup("#confirmLinkButton").queryAs(Button.class).getAccessibleHelp());
    }

    private void choose(String id) {
        clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> onFx(() -> lookup(id).queryAs(RadioButton.class).isSelected()));
    }

    @Test
    void aMergeOverTheCapIsSaidBeforeAnythingIsWrittenAndLinksKeepingOnlyTheMainAccountsInformation() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        Map<String, Object> aliceBefore =
                tenant.user("auth0|alice").orElseThrow().userMetadata();
        linkWith("#link-google-oauth2", "alice.notes@example.com", "Notes-Demo-1");
        waitForDialogButton("#confirmLinkButton");

        String dialog = dialogText();
        assertTrue(dialog.contains(TOO_LARGE_EN), dialog);
        assertTrue(node("#metadataTooLargeKeepCurrent").isPresent());
        assertEquals("Link without merging", confirmText());
        clickOn("#bothAccountsMineCheckBox");
        assertEquals(
                "Link the two accounts keeping only the saved information of Alice Example; the saved information of"
                        + " Alice (Notes) is lost",
                confirmHelp());
        // The table says what is lost, with the long value shortened to its beginning and its size.
        assertTrue(
                mergeRows().contains("notes | — | " + "n".repeat(40) + "… (10.5\u00a0KB in all) (dropped)"),
                mergeRows().toString());
        assertTrue(mergeRows().contains("theme | dark (kept) | —"), mergeRows().toString());
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"), "nothing written before the person chooses");

        clickOn("#confirmLinkButton");
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertEquals(
                "Linked Alice (Notes) to your account. You can now sign in with either. The saved information of"
                        + " Alice (Notes) was not kept, as you chose.",
                statusText());
        assertEquals(List.of("auth0|alice", NOTES), identitySubjects());
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"), "no PATCH at all");
        assertEquals(1, requestsTo("POST", "/api/v2/users/auth0|alice/identities"), "the link happened");
        TenantUser alice = tenant.user("auth0|alice").orElseThrow();
        assertEquals(aliceBefore, alice.userMetadata(), "only Alice's own information");
        assertEquals(2, alice.identities().size());
        assertTrue(tenant.user(NOTES).isEmpty(), "the second account is linked, its information gone");
    }

    @Test
    void cancellingAnOversizedMergeLeavesBothAccountsAsTheyWere() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        Map<String, Object> aliceBefore =
                tenant.user("auth0|alice").orElseThrow().userMetadata();
        Map<String, Object> notesBefore = tenant.user(NOTES).orElseThrow().userMetadata();
        linkWith("#link-google-oauth2", "alice.notes@example.com", "Notes-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        assertTrue(dialogText().contains(TOO_LARGE_EN), dialogText());

        clickOn("#cancelDialogButton");
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
        assertEquals(List.of("auth0|alice"), identitySubjects());
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
        assertEquals(0, requestsTo("POST", "/identities"));
        assertEquals(aliceBefore, tenant.user("auth0|alice").orElseThrow().userMetadata());
        assertEquals(notesBefore, tenant.user(NOTES).orElseThrow().userMetadata());
        assertEquals(1, tenant.user("auth0|alice").orElseThrow().identities().size());
    }

    @Test
    void eachDirectionIsMeasuredOnItsOwnMerge() {
        signIn("dana@example.com", "Dana-Demo-1");
        waitForIdentityCount(1);
        linkWith("#link-google-oauth2", "dana.g@example.com", "DanaG-Demo-1");
        waitForDialogButton("#confirmLinkButton");

        // Keeping Dana, her short notes win and Google brings nothing else: the merge fits.
        assertFalse(dialogText().contains("Too much saved information"), dialogText());
        assertEquals("Link accounts", confirmText());
        assertTrue(
                mergeRows().stream().anyMatch(row -> row.startsWith("notes | short (kept) | ggg")),
                mergeRows().toString());

        // Keeping Google, its long notes win and Dana's theme and language join them: 10.1 KB.
        choose("#keepSecondMainRadio");
        String dialog = dialogText();
        assertTrue(
                dialog.contains("together, the saved information of both accounts would take 10.1\u00a0KB, and Auth0"
                        + " keeps at most 10\u00a0KB per account."),
                dialog);
        assertTrue(
                dialog.contains("keeping only the information of Dana (Google): the saved information of Dana"
                        + " Example is then lost for good"),
                dialog);
        assertEquals("Link without merging", confirmText());
        assertTrue(
                mergeRows().contains("theme | — | dark (dropped)"), mergeRows().toString());

        choose("#keepCurrentMainRadio");
        assertEquals("Link accounts", confirmText(), "the button follows the choice");
        assertFalse(dialogText().contains("Too much saved information"));
        choose("#keepSecondMainRadio");

        confirmLink();
        waitForSettingsOf("dana.g@example.com");
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertTrue(
                statusText().endsWith("The saved information of Dana Example was not kept, as you chose."),
                statusText());
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"), "no PATCH at all");
        assertEquals(1, requestsTo("POST", "/api/v2/users/" + DANA_GOOGLE + "/identities"));
        TenantUser google = tenant.user(DANA_GOOGLE).orElseThrow();
        assertEquals(Map.of("notes", "g".repeat(9_970)), google.userMetadata(), "only Google's own information");
        assertTrue(tenant.user("auth0|dana").isEmpty());
    }
}
