package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.auth.SignedInAccount;

import java.util.Optional;

/**
 * The main account after a successful link: its identities (from Auth0's answer) and merged metadata.
 * {@code newSession} is present when the main account changed (the second account was kept): the app is then
 * signed in as it, with its tokens. {@code linkedMetadataDropped} is true when the link kept only the main account's
 * metadata (the merge would have crossed Auth0's profile cap): the linked account's is gone.
 */
public record LinkResult(
        Account account,
        String mainDisplayName,
        String linkedDisplayName,
        Optional<SignedInAccount> newSession,
        boolean linkedMetadataDropped) {}
