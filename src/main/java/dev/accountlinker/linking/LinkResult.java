package dev.accountlinker.linking;

import dev.accountlinker.account.Account;

/** The main account after a successful link: its identities (from Auth0's answer) and merged metadata. */
public record LinkResult(Account account, String linkedDisplayName) {
}
