package dev.accountlinker.ui.connect;

/** What the connect screen is doing; whether it is busy and what Enter does follow from it. */
public enum ConnectState {
    /** The person is filling in the fields; the domain has not been checked (or changed since its check). */
    EDITING,
    /** The check is running in the background; Cancel (or Escape) stops it. */
    CHECKING,
    /** The domain was checked and every line passed: Enter now saves. */
    CHECKED,
    /** The domain was checked and at least one line failed. */
    CHECK_FAILED,
    /** The settings file is being written. */
    SAVING;

    public boolean isBusy() {
        return this == CHECKING || this == SAVING;
    }
}
