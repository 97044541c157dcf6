package dev.accountlinker.testkit;

import dev.accountlinker.account.Identity;

/**
 * One sign-in of the account as the settings screen shows it.
 *
 * @param email null when the identity has no email (the main one never carries profile data)
 * @param name  null when the identity has no name
 * @param main  true for the main (primary) identity, which has no Unlink button
 */
public record ShownIdentity(
        String provider, String userId, String connection, String email, String name, boolean main) {

    static ShownIdentity of(Identity identity) {
        return new ShownIdentity(
                identity.provider(),
                identity.userId(),
                identity.connection(),
                identity.email().orElse(null),
                identity.name().orElse(null),
                identity.primary());
    }

    /** The Auth0 user id this identity has as a standalone user: {@code provider|user_id}. */
    public String subject() {
        return provider + "|" + userId;
    }
}
