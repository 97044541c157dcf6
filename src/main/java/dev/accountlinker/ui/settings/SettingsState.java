package dev.accountlinker.ui.settings;

/**
 * What the settings screen is doing: the one state from which "busy", "an operation is running", "can be
 * cancelled" and the progress text are derived.
 */
public enum SettingsState {
    /** Nothing running: the person can link, unlink, refresh or sign out. */
    IDLE(Kind.NONE, false, ""),
    /** Reading the signed-in account (first load, Refresh, or to show the truth after a failed change). */
    LOADING(Kind.LOADING, false, "settings.loading"),
    /** The signed-in account signs in again: its sign-in is too old to link safely. */
    CONFIRMING_IDENTITY(Kind.OPERATION, true, "link.confirmIdentity"),
    /** The person chose to keep the second account as main, and the signed-in account's sign-in is too old by now. */
    CONFIRMING_IDENTITY_TO_KEEP_SECOND(Kind.OPERATION, true, "link.confirmIdentity.keepSecond"),
    /** The signed-in account signs in again before an unlink: its sign-in is too old. */
    CONFIRMING_IDENTITY_TO_UNLINK(Kind.OPERATION, true, "unlink.confirmIdentity"),
    /** The second account is signing in, in the sign-in window. */
    SIGNING_IN_SECOND(Kind.OPERATION, true, "link.waitingForSignIn"),
    /** The second account is signing in, in the system browser. */
    SIGNING_IN_SECOND_IN_BROWSER(Kind.OPERATION, true, "signin.waitingForBrowser"),
    /** Reading the second account, to show what linking would do. */
    READING(Kind.OPERATION, true, "link.reading"),
    /** The confirmation is open: the person decides (the dialog itself offers Cancel). */
    CONFIRMING(Kind.OPERATION, false, "link.confirming"),
    /** Merging the linked account's metadata into the main one; a cancel stops before the next request. */
    MERGING(Kind.OPERATION, true, "link.merging"),
    /** Reading both accounts afresh and linking; a cancel stops before the next request. */
    LINKING(Kind.OPERATION, true, "link.linking"),
    /**
     * Auth0 is limiting requests: the refused request was not applied and is sent again when the limit resets.
     * Nothing is in flight, so a cancel is always safe here.
     */
    WAITING_FOR_RATE_LIMIT(Kind.OPERATION, true, "link.rateLimitWait"),
    /** A cancel was asked for: the request already sent is finishing. */
    CANCELLING(Kind.OPERATION, false, "link.cancelling"),
    /** Unlinking one identity: a single request that cannot be taken back once sent. */
    UNLINKING(Kind.OPERATION, false, "unlink.running");

    private enum Kind {
        NONE,
        LOADING,
        OPERATION
    }

    private final Kind kind;
    private final boolean cancellable;
    private final String textKey;

    SettingsState(Kind kind, boolean cancellable, String textKey) {
        this.kind = kind;
        this.cancellable = cancellable;
        this.textKey = textKey;
    }

    /** A link or unlink is under way: the actions that change the account are disabled. */
    public boolean isOperation() {
        return kind == Kind.OPERATION;
    }

    /** The account is being read. */
    public boolean isLoading() {
        return kind == Kind.LOADING;
    }

    /** The screen's Cancel button stops it. */
    public boolean isCancellable() {
        return cancellable;
    }

    /** The resource-bundle key of the progress text; empty for {@link #IDLE}. */
    public String textKey() {
        return textKey;
    }
}
