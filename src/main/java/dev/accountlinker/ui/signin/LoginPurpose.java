package dev.accountlinker.ui.signin;

/** Why a sign-in window is open; it gives the window its title. */
public enum LoginPurpose {
    /** Signing in to the account the app then works with. */
    MAIN_ACCOUNT("login.title"),
    /** Signing in to a second account, to link it. */
    ACCOUNT_TO_LINK("login.title.link"),
    /** The signed-in person signs in again to prove it is still them (before linking). */
    CONFIRM_IDENTITY("login.title.confirm");

    private final String titleKey;

    LoginPurpose(String titleKey) {
        this.titleKey = titleKey;
    }

    /** The resource-bundle key of the window title. */
    public String titleKey() {
        return titleKey;
    }
}
