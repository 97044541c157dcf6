package dev.accountlinker.ui;

import dev.accountlinker.localtenant.Faults;
import dev.accountlinker.localtenant.RecordedRequest;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network faults while linking, injected into the tenant while the real app runs: the merge and the link request are
 * each sent once, a refused or failed step leaves the accounts as they were, and the retry links.
 * Timeouts are two seconds and a slow tenant is a held request ({@link FaultInjectionUiTestSupport}).
 */
class LinkFaultsUiTest extends FaultInjectionUiTestSupport {

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
}
