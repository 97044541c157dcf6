package dev.accountlinker.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, shifted by an offset a test can change: time keeps running (tokens and timeouts behave as
 * in life), but a test can move it on, e.g. so a sign-in is already old. The kit's tenant and app share one.
 */
public final class AdjustableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void setOffset(Duration newOffset) {
        offset = newOffset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
