package dev.accountlinker.linking;

/** The request a link is about to send, so the screen can say what is happening and a cancel lands between steps. */
public enum LinkStep {
    /** Reading both accounts afresh. */
    READING_ACCOUNTS,
    /** Merging the linked account's metadata into the target (PATCH). */
    MERGING_METADATA,
    /** Linking (POST identities). */
    LINKING
}
