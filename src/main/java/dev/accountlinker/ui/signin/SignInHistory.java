package dev.accountlinker.ui.signin;

/**
 * Which ways the person signed in with during this run of the app. Signing out must end the tenant's session
 * wherever a sign-in left one: the system browser keeps its own, which the app cannot clear from inside.
 * Used on the UI thread only.
 */
public final class SignInHistory {
    private boolean browserUsed;

    void signedIn(boolean throughBrowser) {
        browserUsed |= throughBrowser;
    }

    /** True once any sign-in (main or to link) went through the system browser. */
    public boolean browserUsed() {
        return browserUsed;
    }

    /** After a sign-out the browser's session was asked to end: start counting afresh. */
    void forget() {
        browserUsed = false;
    }
}
