package dev.accountlinker.ui;

import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.RecordedRequest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network faults injected into the tenant while the real app runs: each ends in a clear message, a working
 * retry, a JavaFX thread that kept answering, and tenant data that is intact (never half-linked unseen).
 * Timeouts are two seconds here so a slow tenant is met quickly. A slow tenant is a held request
 * ({@link Faults.Hold}): it stays unanswered until the test saw the app give up and released it, so the app's timeout
 * always comes first (no race between two timers) and no test waits out a fixed delay.
 */
class FaultToleranceUiTest extends AppUiTestSupport {
    /** The slow request of the test: released once the app has given up on it. */
    private final Faults.Hold slow = new Faults.Hold();

    private static final String GOOGLE = "google-oauth2|109876543210987654321";

    @Override
    protected TenantSettings tenantSettings() throws Exception {
        return super.tenantSettings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** The JavaFX thread answers within a frame or two while the network is slow. */
    private void assertUiResponsive() {
        long start = System.nanoTime();
        try {
            WaitForAsyncUtils.asyncFx(() -> lookup("#statusMessage").tryQuery()).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the JavaFX thread did not answer", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 500, "the JavaFX thread answered after " + millis + " ms");
    }

    private void waitForSignInScreenMessage() {
        waitUntil(() -> !loginWindowOpen()
                && node("#signInButton").isPresent()
                && !lookup("#signInButton").query().isDisabled()
                && !statusText().isEmpty());
    }

    private void confirmLinkOfGoogle() {
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
    }

    @Test
    void aSlowTokenEndpointTimesOutAndSignInCanBeRetried() {
        tenant.faults().inject(Faults.on("POST", "/oauth/token").holdUntil(slow));
        clickOn("#signInButton");
        submitLoginForm("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> !loginWindowOpen());
        assertUiResponsive();
        waitForSignInScreenMessage();
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
        waitForSignInScreenMessage();
        assertEquals("The account service had a problem (HTTP 503). Please try again in a moment.", statusText());

        tenant.faults().inject(Faults.on("POST", "/oauth/token").malformedJson());
        // The tenant's session answers at once now; the malformed token answer is what the app meets.
        clickOn("#signInButton");
        waitForSignInScreenMessage();
        assertTrue(statusText().contains("could not be read"), statusText());
    }

    @Test
    void aLinkRefusedByTheRateLimitAfterTheMergeWaitsForTheResetAndCompletes() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        // Auth0's answer when the tenant's limit is used up (the Free plan's bucket model itself is tested with a
        // controlled clock in SettingsViewModelTest): refused, not applied, "try again at" two seconds from then.
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").rateLimited(Duration.ofSeconds(2)));
        // Every progress text shown, and whether Cancel could be pressed then: a short wait is not missed on a slow
        // machine.
        List<String> shown = new CopyOnWriteArrayList<>();
        onFx(() -> {
            Label progress = lookup("#linkProgressLabel").queryAs(Label.class);
            Node cancel = lookup("#linkCancelButton").query();
            progress.textProperty()
                    .addListener((observable, old, text) ->
                            shown.add(text + (cancel.isDisabled() ? " [cancel disabled]" : "")));
            return null;
        });
        confirmLinkOfGoogle();

        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
        assertEquals(1, requestsTo("PATCH", "/api/v2/users/"), "merged once: no half-done merge, no second one");
        List<RecordedRequest> links = tenant.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/identities"))
                .toList();
        assertEquals(
                List.of(429, 201),
                links.stream().map(RecordedRequest::status).toList(),
                "refused once, then sent again after the reset");
        assertTrue(tenant.user(GOOGLE).isEmpty());
        assertTrue(
                shown.stream().anyMatch(text -> text.matches("Auth0 is limiting requests — continuing in [123] s")),
                "the wait was shown, with Cancel: " + shown);
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
    void aSlowMetadataPatchTimesOutWithoutLinkingAndTheRetryLinks() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        tenant.faults().inject(Faults.on("PATCH", "/api/v2/users/").holdUntil(slow));
        confirmLinkOfGoogle();
        assertUiResponsive();
        waitForOperationToEnd();
        assertTrue(statusText().contains("did not answer in time"), statusText());
        assertEquals(0, requestsTo("POST", "/identities"), "no link after an unconfirmed merge");
        assertTrue(tenant.user(GOOGLE).isPresent(), "the second account still exists");
        // The tenant then applies the merge the app stopped waiting for; the retry starts after it.
        slow.release();
        waitUntil(() -> requestsTo("PATCH", "/api/v2/users/") == 1);
        assertEquals(0, requestsTo("POST", "/identities"), "still no link after the late merge");

        confirmLinkOfGoogle();
        waitForIdentityCount(2);
        waitForOperationToEnd();
        assertTrue(statusIs("success"), statusText());
    }

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
    void aDroppedConnectionDuringLinkIsNotResentAndTheRetryWorks() {
        signIn("alice@example.com", "Alice-Demo-1");
        waitForIdentityCount(1);
        tenant.faults().inject(Faults.on("POST", "/api/v2/users/").dropConnection());
        confirmLinkOfGoogle();
        waitForOperationToEnd();
        assertTrue(statusText().contains("network error") || statusText().contains("could not be read"), statusText());
        assertEquals(1, requestsTo("POST", "/identities"));
        assertTrue(tenant.user(GOOGLE).isPresent());

        confirmLinkOfGoogle();
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
