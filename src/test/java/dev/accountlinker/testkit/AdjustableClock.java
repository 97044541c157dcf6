package dev.accountlinker.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, shifted by an offset a test can change: time keeps running (tokens and timeouts behave as
 * in life), but a test can make the tenant think it is earlier, e.g. to issue a sign-in that is already old.
 */
public final class AdjustableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void setOffset(Duration newOffset) {
        offset = newOffset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
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
