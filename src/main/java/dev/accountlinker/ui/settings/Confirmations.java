package dev.accountlinker.ui.settings;

import dev.accountlinker.account.Identity;
import dev.accountlinker.linking.LinkPlan;
import dev.accountlinker.linking.LinkPreview;

import java.util.Optional;

/** Asks the person before a change; dialogs in the app, scripted answers in tests. Called on the UI thread. */
public interface Confirmations {
    /** How the person wants to sign out. */
    record SignOut(boolean federated) {}

    /**
     * Asks whether to link, which account stays main and (when merging would cross Auth0's profile cap) whether to
     * link keeping only the main account's information; the plan as the person confirmed it, empty when cancelled.
     */
    Optional<LinkPlan> confirmLink(LinkPreview preview);

    boolean confirmUnlink(Identity identity);

    /** Asks whether to sign out, and whether to end the identity providers' sessions too; empty when cancelled. */
    Optional<SignOut> confirmSignOut();
}
