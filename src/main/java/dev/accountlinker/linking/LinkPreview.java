package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.SignedInAccount;

/** What linking would do, shown to the user before anything changes. */
public record LinkPreview(Account main, SignedInAccount second, Account secondAccount, MetadataMerge.Result merge) {
    public String secondDisplayName() {
        return second.claims().displayName();
    }

    public String mainDisplayName() {
        return main.name().or(main::email).orElse(main.userId());
    }

    @Override
    public String toString() {
        return "LinkPreview[" + main.userId() + " <- " + second.claims().subject() + "]";
    }
}
