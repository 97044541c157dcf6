package dev.accountlinker.testkit;

/** An open confirmation (unlink, or the link one as {@link LinkConfirmation}): read it, confirm it or cancel it. */
public class Confirmation {
    final AccountLinkerRobot robot;

    Confirmation(AccountLinkerRobot robot) {
        this.robot = robot;
    }

    /** True while the confirmation is on screen. */
    public boolean isOpen() {
        return robot.dialogShowing("#cancelDialogButton");
    }

    /** The text a person sees in it. */
    public String text() {
        requireOpen();
        return robot.dialogText();
    }

    /** Confirms and waits until the app is done; returns the status line then. */
    public Status confirm() {
        requireOpen();
        return robot.confirm();
    }

    /** Cancels and waits until the app is idle again; returns the status line then. */
    public Status cancel() {
        requireOpen();
        return robot.cancel();
    }

    void requireOpen() {
        if (!isOpen()) {
            throw new AssertionError("no confirmation is open; status: " + robot.status());
        }
    }
}
