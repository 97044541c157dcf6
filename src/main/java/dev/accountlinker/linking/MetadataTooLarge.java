package dev.accountlinker.linking;

/**
 * A merge that would cross Auth0's profile cap ({@link ProfileLimit}): refused before its PATCH is sent, so nothing
 * changed. The message names sizes only, never metadata values.
 */
public final class MetadataTooLarge extends RuntimeException {
    private final int mergedBytes;
    private final int limitBytes;

    public MetadataTooLarge(int mergedBytes, int limitBytes) {
        super("the merged user_metadata would take " + mergedBytes + " bytes, over the limit of " + limitBytes);
        this.mergedBytes = mergedBytes;
        this.limitBytes = limitBytes;
    }

    public int mergedBytes() {
        return mergedBytes;
    }

    public int limitBytes() {
        return limitBytes;
    }
}
