package dev.accountlinker.ui.connect;

/** The values to enter in the Auth0 dashboard, each with its Copy button ({@code copy-<id>}). */
public enum RegistrationItem {
    APPLICATION_TYPE("application-type", "connect.registration.application-type"),
    CALLBACK_URLS("callback-urls", "connect.registration.callback-urls"),
    LOGOUT_URLS("logout-urls", "connect.registration.logout-urls"),
    API("api", "connect.registration.api"),
    SCOPES("scopes", "connect.registration.scopes");

    private final String id;
    private final String labelKey;

    RegistrationItem(String id, String labelKey) {
        this.id = id;
        this.labelKey = labelKey;
    }

    public String id() {
        return id;
    }

    /** The message key of its name, e.g. "Allowed Callback URLs". */
    public String labelKey() {
        return labelKey;
    }
}
