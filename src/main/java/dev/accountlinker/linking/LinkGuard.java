package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.IdTokenClaims;
import dev.accountlinker.errors.UserMessage;

import java.util.Optional;

/**
 * Refuses, before anything changes, a second account that must not be linked: an unverified email (anyone
 * could have created it; Auth0's own sample refuses it and names the email), the main account itself, or an
 * identity the main account already has.
 */
public final class LinkGuard {
    private LinkGuard() {}

    public static Optional<UserMessage> check(Account main, IdTokenClaims second) {
        if (second.subject().equals(main.userId())) {
            return Optional.of(UserMessage.of("link.refused.same", UserMessage.Remedy.NONE, second.displayName()));
        }
        if (main.hasIdentity(second.subject())) {
            return Optional.of(
                    UserMessage.of("link.refused.alreadyLinked", UserMessage.Remedy.NONE, second.displayName()));
        }
        if (!second.emailVerified()) {
            return Optional.of(UserMessage.of(
                    "link.refused.unverified",
                    UserMessage.Remedy.NONE,
                    second.email().orElse(second.subject())));
        }
        return Optional.empty();
    }

    /**
     * Refuses a second account that already has accounts linked to it: Auth0 would refuse the link, and by
     * then its metadata would already have been merged into the main account.
     */
    public static Optional<UserMessage> checkSecondAccount(Account second, String displayName) {
        if (second.identities().size() > 1) {
            return Optional.of(UserMessage.of("link.refused.hasLinkedAccounts", UserMessage.Remedy.NONE, displayName));
        }
        return Optional.empty();
    }
}
