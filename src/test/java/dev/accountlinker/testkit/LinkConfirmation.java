package dev.accountlinker.testkit;

/**
 * The link confirmation, once the second account has signed in. When the app refused that account before asking
 * (unverified email, the same account, one with accounts of its own…), it is not open and {@link #isOpen()} is false.
 */
public final class LinkConfirmation extends Confirmation {
    /** Which account stays the main one. */
    public enum Main {
        /** The signed-in account (the default). */
        CURRENT,
        /** The account being linked: the app then signs in as it. */
        SECOND
    }

    LinkConfirmation(AccountLinkerRobot robot) {
        super(robot);
    }

    /** Chooses the main account; fails when the dialog says that choice is not possible. */
    public LinkConfirmation keepMain(Main main) {
        requireOpen();
        robot.chooseMain(main);
        return this;
    }

    /** The account the app shows as the signed-in one ({@code #linkCurrentAccount}). */
    public String currentAccount() {
        requireOpen();
        return robot.shownText("#linkCurrentAccount");
    }

    /** The account to link as the app shows it ({@code #linkSecondAccount}). */
    public String secondAccount() {
        requireOpen();
        return robot.shownText("#linkSecondAccount");
    }
}
