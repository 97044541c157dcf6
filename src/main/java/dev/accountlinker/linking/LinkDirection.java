package dev.accountlinker.linking;

/**
 * Which of the two accounts stays the main (primary) one when they are linked. Auth0 keeps only the
 * primary's profile attributes, so the user chooses; the other account is linked into it.
 */
public enum LinkDirection {
    /** The account the user is signed in with stays main; the second account is linked into it. */
    KEEP_CURRENT,
    /** The second account becomes main; the signed-in account is linked into it and the app switches to it. */
    KEEP_SECOND
}
