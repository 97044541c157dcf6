package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkDirection;
import dev.accountlinker.linking.LinkPreview;

import java.util.Optional;

/** Asks the person before a change; dialogs in the app, scripted answers in tests. Called on the UI thread. */
public interface Confirmations {
    /** How the person wants to sign out. */
    record SignOut(boolean federated) {}

    /** Asks whether to link and which account stays main; empty when the person cancelled. */
    Optional<LinkDirection> confirmLink(LinkPreview preview);

    boolean confirmUnlink(Identity identity);

    /** Asks whether to sign out, and whether to end the identity providers' sessions too; empty when cancelled. */
    Optional<SignOut> confirmSignOut();
}
