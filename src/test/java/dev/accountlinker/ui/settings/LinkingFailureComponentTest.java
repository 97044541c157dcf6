package dev.accountlinker.ui.settings;

import dev.accountlinker.localtenant.Faults;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Management API failures during linking: clear messages, nothing lost, a working retry (moved from the whole app's
 * LinkingFailureUiTest: each failure is the settings screen's and its link dialog's own).
 */
class LinkingFailureComponentTest extends LinkingScreenTestSupport {
    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    private void signInAndReachConfirmation() {
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
    }

    private static String auth0Error(int status, String error, String message, String errorCode) {
        return "{\"statusCode\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message
                + "\",\"errorCode\":\"" + errorCode + "\"}";
    }

    @Test
    void aLinkThatFailsAfterTheMergeSaysSoKeepsBothAccountsAndCanBeRetried() {
        signInAndReachConfirmation();
        app.tenant
                .faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(500, auth0Error(500, "Internal Server Error", "Something broke", "server_error")));
        confirmLink();
        waitForOperationToEnd();

        assertTrue(statusIs("error"));
        assertTrue(
                statusText()
                        .startsWith(
                                "The information of Alice (Google) was merged into your account, but linking then failed"),
                statusText());
        assertEquals(1, requestsTo("POST", "/identities"), "a failed link is sent once, never retried blindly");
        assertEquals(
                true,
                app.tenant.user("auth0|alice").orElseThrow().userMetadata().get("newsletter"));
        assertTrue(app.tenant.user(GOOGLE).isPresent(), "the second account still exists");
        assertEquals(1, identitySubjects().size());

        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
    }

    @Test
    void anExpiredSessionOffersToSignInAgain() {
        signInAndReachConfirmation();
        app.tenant
                .faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .always()
                        .respond(
                                401,
                                auth0Error(
                                        401,
                                        "Unauthorized",
                                        "Expired token received for JSON Web Token validation",
                                        "invalid_token")));
        confirmLink();
        waitForOperationToEnd();
        app.tenant.faults().clear();

        assertEquals("Your session expired. Sign in again to continue.", statusText());
        assertTrue(onFx(() -> lookup("#signInAgainButton").query().isVisible()));
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
        clickOn("#signInAgainButton");
        waitUntil(() -> signInAgainAsked == 1); // the app then shows the sign-in screen
    }

    @Test
    void aMissingScopeIsNamed() {
        signInAndReachConfirmation();
        app.tenant
                .faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(
                                403,
                                auth0Error(
                                        403,
                                        "Forbidden",
                                        "Insufficient scope, expected any of: update:current_user_identities",
                                        "insufficient_scope")));
        confirmLink();
        waitForOperationToEnd();
        assertTrue(statusText().contains("missing permission: update:current_user_identities"), statusText());
    }

    @Test
    void aConflictShowsAuth0sMessage() {
        signInAndReachConfirmation();
        app.tenant
                .faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(
                                409,
                                auth0Error(
                                        409,
                                        "Conflict",
                                        "The identity is already linked to another user.",
                                        "identity_already_linked")));
        confirmLink();
        waitForOperationToEnd();
        assertTrue(statusText().contains("The identity is already linked to another user."), statusText());
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        signInAndReachConfirmation();
        long reset = Instant.now().plusSeconds(3600).getEpochSecond();
        app.tenant
                .faults()
                .inject(Faults.on("POST", "/api/v2/users/")
                        .respond(
                                429,
                                auth0Error(
                                        429, "Too Many Requests", "Global limit has been reached", "too_many_requests"))
                        .header("x-ratelimit-limit", "10")
                        .header("x-ratelimit-remaining", "0")
                        .header("x-ratelimit-reset", String.valueOf(reset)));
        confirmLink();
        waitForOperationToEnd();
        // The time as the screen's locale writes it.
        String expectedTime = DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(app.messages.locale())
                .format(Instant.ofEpochSecond(reset).atZone(ZoneId.systemDefault()));
        assertTrue(statusText().contains("Please try again after " + expectedTime), statusText());
        assertEquals(1, requestsTo("POST", "/identities"));
    }

    @Test
    void cancellingWhileTheTenantIsSlowStopsBeforeTheNextRequest() {
        signInAndReachConfirmation();
        // The tenant holds the read until Cancel was pressed: a fixed delay could run out first on a busy machine.
        Faults.Hold slowRead = new Faults.Hold();
        app.tenant.faults().inject(Faults.on("GET", "/api/v2/users/").holdUntil(slowRead));
        confirmLink();
        waitUntil(() -> onFx(() -> !lookup("#linkCancelButton").query().isDisabled()));
        clickOn("#linkCancelButton");
        slowRead.release();
        waitForOperationToEnd();
        assertEquals("Linking was cancelled. Nothing was changed.", statusText());
        assertEquals(0, requestsTo("PATCH", "/api/v2/users/"));
        assertEquals(0, requestsTo("POST", "/identities"));
        assertFalse(app.tenant.user("auth0|alice").orElseThrow().userMetadata().containsKey("newsletter"));
    }
}
