package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.SignedInAccount;

/**
 * What linking would do, shown to the user before anything changes: the signed-in account ({@code current},
 * read as {@code main}) and the second account that just signed in; {@link #plan} gives what linking does in
 * either direction, its metadata merge included.
 */
public record LinkPreview(SignedInAccount current, Account main, SignedInAccount second, Account secondAccount) {
    public String secondDisplayName() {
        return second.claims().displayName();
    }

    public String mainDisplayName() {
        return main.name().or(main::email).orElse(main.userId());
    }

    public LinkPlan plan(LinkDirection direction) {
        return LinkPlan.of(this, direction);
    }

    @Override
    public String toString() {
        return "LinkPreview[" + main.userId() + " <- " + second.claims().subject() + "]";
    }
}
