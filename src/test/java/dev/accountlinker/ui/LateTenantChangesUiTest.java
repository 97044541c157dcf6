package dev.accountlinker.ui;

import dev.accountlinker.localtenant.Faults;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes the tenant made after the app had stopped waiting for them (a link, a link into the second account, an
 * unlink): the app says it did not hear back, never sends the change twice, and shows what really happened once it
 * reads the account again.
 * Timeouts are two seconds and a slow tenant is a held request ({@link FaultInjectionUiTestSupport}).
 */
class LateTenantChangesUiTest extends FaultInjectionUiTestSupport {

    @Test
    void aSlowLinkRequestIsReportedAndTheTableShowsWhatReallyHappened() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").holdUntil(slow));
        confirmLinkOfGoogle();
        waitForOperationToEnd();
        assertTrue(
                statusText()
                        .startsWith(
                                "The information of Alice (Google) was merged into your account, but linking then failed"),
                statusText());
        assertTrue(statusText().contains("did not answer in time"), statusText());
        assertTrue(tenant.user(GOOGLE).isPresent(), "the tenant has not linked yet: the app gave up first");
        slow.release();

        // The tenant finished the link after the app stopped waiting; a refresh shows the truth.
        // The tenant records a request just after handling it: wait for both before counting.
        waitUntil(() -> tenant.user(GOOGLE).isEmpty() && requestsTo("POST", "/identities") >= 1);
        assertEquals(1, requestsTo("POST", "/identities"), "the link request is never sent twice");
        clickOn("#refreshButton");
        waitForIdentityCount(2);
        assertEquals(
                true, tenant.user("auth0|alice").orElseThrow().userMetadata().get("newsletter"));
    }

    @Test
    void aSlowLinkIntoTheSecondAccountThatWentThroughAfterAllAsksForANewSignIn() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        clickOn("#keepSecondMainRadio");
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").holdUntil(slow));
        confirmLink();
        waitForOperationToEnd();
        assertTrue(statusText().contains("did not answer in time"), statusText());
        assertTrue(tenant.user("auth0|alice").isPresent(), "the tenant has not linked yet: the app gave up first");
        slow.release();

        // The tenant finished the link after the app stopped waiting: Alice is now part of the Google account.
        waitUntil(() -> tenant.user("auth0|alice").isEmpty());
        clickOn("#refreshButton");
        waitUntil(() -> statusText().startsWith("This account is no longer a separate user"));
        assertTrue(onFx(() -> lookup("#signInAgainButton").query().isVisible()));
        clickOn("#signInAgainButton");
        clickOn("#signInButton");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSettingsOf("alice.g@example.com");
        waitForIdentityCount(2);
    }

    @Test
    void aSlowUnlinkIsReportedAndTheTableIsReloaded() {
        signIn("alice@example.com", "Alice-Demo-1");
        confirmLinkOfGoogle();
        waitForIdentityCount(2);
        tenant.faults().inject(Faults.on("DELETE", "/api/v2/users/").holdUntil(slow));
        String unlink = "#unlink-google-oauth2-109876543210987654321";
        clickWhenReady(unlink);
        waitForDialogButton("#confirmUnlinkButton");
        clickOn("#confirmUnlinkButton");
        assertUiResponsive();
        waitForOperationToEnd();
        assertEquals("The account service did not answer in time. Please try again.", statusText());
        assertTrue(tenant.user(GOOGLE).isEmpty(), "the tenant has not unlinked yet: the app gave up first");
        slow.release();

        waitUntil(() -> tenant.user(GOOGLE).isPresent() && requestsTo("DELETE", "/identities") >= 1);
        assertEquals(1, requestsTo("DELETE", "/identities"), "the unlink request is never sent twice");
        clickOn("#refreshButton");
        waitForIdentityCount(1);
        assertEquals(Map.of(), tenant.user(GOOGLE).orElseThrow().userMetadata());
    }
}
