package dev.accountlinker.ui;

import java.util.HashSet;
import java.util.Set;

/**
 * When an unexpected error is shown to the person (every one is logged): one dialog at a time, each failure once
 * (its signature: the exception's type and where it was thrown), at most {@value #MOST_DIALOGS} in a run, and never
 * again once showing one failed. A failure that repeats on every pulse or every click is then one dialog, not an
 * endless series, and a broken dialog cannot report itself in a loop.
 */
final class UnexpectedErrorPolicy {
    static final int MOST_DIALOGS = 3;

    private final Set<String> shown = new HashSet<>();
    private boolean open;
    private boolean givenUp;

    /** True when a dialog for {@code signature} is to be shown now; it then counts as open until {@link #closed}. */
    synchronized boolean mayShow(String signature) {
        if (open || givenUp || shown.size() >= MOST_DIALOGS || !shown.add(signature)) {
            return false;
        }
        open = true;
        return true;
    }

    synchronized void closed() {
        open = false;
    }

    /** Showing the dialog failed: from now on failures are only logged. */
    synchronized void giveUp() {
        givenUp = true;
        open = false;
    }

    /** The exception's type and the place it was thrown: the same bug hit again has the same signature. */
    static String signature(Throwable failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return failure.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }
}
