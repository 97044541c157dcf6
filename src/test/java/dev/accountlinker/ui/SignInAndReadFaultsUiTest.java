package dev.accountlinker.ui;

import dev.accountlinker.localtenant.Faults;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network faults while signing in and reading the account, injected into the tenant while the real app runs: each ends
 * in a clear message, a retry that works and a JavaFX thread that kept answering.
 * Timeouts are two seconds and a slow tenant is a held request ({@link FaultInjectionUiTestSupport}).
 */
class SignInAndReadFaultsUiTest extends FaultInjectionUiTestSupport {

    @Test
    void aSlowTokenEndpointTimesOutAndSignInCanBeRetried() {
        tenant.faults().inject(Faults.on("POST", "/oauth/token").holdUntil(slow));
        clickOn("#signInButton");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> !loginWindowOpen());
        assertUiResponsive();
        waitForSignInScreenWithMessage();
        assertEquals("The account service did not answer in time. Please try again.", statusText());
        assertEquals(1, slow.arrived());
        slow.release();

        // The tenant's single-sign-on session (from the page login that did succeed) answers the retry at once.
        clickOn("#signInButton");
        waitForSettingsOf("alice@example.com");
    }

    @Test
    void tokenEndpointServerErrorsAndMalformedAnswersAreExplained() {
        tenant.faults()
                .inject(Faults.on("POST", "/oauth/token").respond(503, "{\"error\":\"temporarily_unavailable\"}"));
        clickOn("#signInButton");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitForSignInScreenWithMessage();
        assertEquals("The account service had a problem (HTTP 503). Please try again in a moment.", statusText());

        tenant.faults().inject(Faults.on("POST", "/oauth/token").malformedJson());
        // The tenant's session answers at once now; the malformed token answer is what the app meets.
        clickOn("#signInButton");
        waitForSignInScreenWithMessage();
        assertTrue(statusText().contains("could not be read"), statusText());
    }

    @Test
    void aSlowAccountReadTimesOutAndRefreshRecovers() {
        tenant.faults().inject(Faults.on("GET", "/api/v2/users/").holdUntil(slow));
        signIn("alice@example.com", "Alice-Demo-1");
        assertUiResponsive();
        waitUntil(() -> !statusText().isEmpty());
        assertEquals("The account service did not answer in time. Please try again.", statusText());
        assertTrue(statusIs("error"));
        assertEquals(1, slow.arrived());
        slow.release();

        clickOn("#refreshButton");
        waitForIdentityCount(1);
    }

    @Test
    void aServerErrorOnAReadIsRetriedQuietly() {
        tenant.faults()
                .inject(Faults.on("GET", "/api/v2/users/")
                        .respond(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\",\"message\":\"busy\"}"));
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        assertEquals(2, requestsTo("GET", "/api/v2/users/"), "one 503, then the SDK's bounded retry succeeded");
        assertEquals("", statusText());
    }

    @Test
    void aMalformedAccountAnswerIsExplainedAndRefreshRecovers() {
        tenant.faults().inject(Faults.on("GET", "/api/v2/users/").malformedJson());
        signIn("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> !statusText().isEmpty());
        assertTrue(statusText().contains("could not be read"), statusText());
        clickOn("#refreshButton");
        waitForIdentityCount(1);
    }

    @Test
    void aTenantThatGoesAwayMidFlowIsNamed() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        tenant.close();
        clickOn("#refreshButton");
        assertUiResponsive();
        waitUntil(() -> !statusText().isEmpty());
        assertTrue(statusText().contains("cannot be reached") || statusText().contains("network error"), statusText());
        assertTrue(onFx(() -> !lookup("#refreshButton").query().isDisabled()), "refresh stays available for a retry");
    }
}
