package dev.accountlinker.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnexpectedErrorPolicyTest {
    private final UnexpectedErrorPolicy policy = new UnexpectedErrorPolicy();

    @Test
    void oneDialogAtATime() {
        assertTrue(policy.mayShow("A"));
        assertFalse(policy.mayShow("B"), "B comes while A's dialog is open: logged only");
        policy.closed();
        assertTrue(policy.mayShow("B"), "B again after A's dialog was closed");
    }

    @Test
    void aFailureThatRepeatsIsShownOnce() {
        assertTrue(policy.mayShow("A"));
        policy.closed();
        assertFalse(policy.mayShow("A"), "the same failure again, e.g. on every pulse: no second dialog");
    }

    @Test
    void aStormOfDifferentFailuresStopsAfterAFewDialogs() {
        for (int i = 0; i < UnexpectedErrorPolicy.MOST_DIALOGS; i++) {
            assertTrue(policy.mayShow("failure " + i));
            policy.closed();
        }
        assertFalse(policy.mayShow("one more"));
    }

    @Test
    void afterADialogFailedToShowNoneIsTriedAgain() {
        assertTrue(policy.mayShow("A"));
        policy.giveUp();
        assertFalse(policy.mayShow("B"), "a broken dialog must not report itself in a loop");
    }

    @Test
    void theSignatureIsTheTypeAndThePlaceThrown() {
        IllegalStateException first = thrownHere();
        IllegalStateException again = thrownHere();
        assertEquals(UnexpectedErrorPolicy.signature(first), UnexpectedErrorPolicy.signature(again));
        assertTrue(UnexpectedErrorPolicy.signature(first).startsWith("java.lang.IllegalStateException at "));
        assertNotEquals(
                UnexpectedErrorPolicy.signature(first),
                UnexpectedErrorPolicy.signature(new IllegalStateException("elsewhere")));
        IllegalStateException withoutTrace = new IllegalStateException("no trace");
        withoutTrace.setStackTrace(new StackTraceElement[0]);
        assertEquals("java.lang.IllegalStateException", UnexpectedErrorPolicy.signature(withoutTrace));
    }

    private static IllegalStateException thrownHere() {
        return new IllegalStateException("message " + System.nanoTime());
    }
}
