package dev.accountlinker.ui;

import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.localtenant.Faults;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Network faults injected into the tenant while the real app runs: each ends in a clear message, a working retry, a
 * JavaFX thread that kept answering, and tenant data that is intact (never half-linked unseen). Timeouts are two
 * seconds here so a slow tenant is met quickly. A slow tenant is a held request ({@link Faults.Hold}): it stays
 * unanswered until the test saw the app give up and released it, so the app's timeout always comes first (no race
 * between two timers) and no test waits out a fixed delay.
 */
abstract class FaultInjectionUiTestSupport extends AppUiTestSupport {
    static final String GOOGLE = "google-oauth2|109876543210987654321";

    /** The slow request of the test: released once the app has given up on it. */
    final Faults.Hold slow = new Faults.Hold();

    @Override
    protected TenantSettings tenantSettings() throws Exception {
        return super.tenantSettings().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /** The JavaFX thread answers within a frame or two while the network is slow. */
    void assertUiResponsive() {
        long start = System.nanoTime();
        try {
            WaitForAsyncUtils.asyncFx(() -> lookup("#statusMessage").tryQuery()).get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the JavaFX thread did not answer", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 500, "the JavaFX thread answered after " + millis + " ms");
    }

    void confirmLinkOfGoogle() {
        linkWith("#link-google-oauth2", "alice.g@example.com", "Google-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        confirmLink();
    }
}
