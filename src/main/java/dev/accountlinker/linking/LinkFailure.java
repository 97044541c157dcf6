package dev.accountlinker.linking;

/**
 * Linking stopped part-way. {@link #metadataMerged()} tells whether the main account already holds the
 * merged metadata, so the message can say exactly what changed (nothing is lost either way: the second
 * account still exists until the link succeeds).
 */
public final class LinkFailure extends Exception {
    private final boolean metadataMerged;

    public LinkFailure(Throwable cause, boolean metadataMerged) {
        super(
                cause.getClass().getSimpleName()
                        + (metadataMerged ? " after the metadata was merged" : " before any change"),
                cause);
        this.metadataMerged = metadataMerged;
    }

    public boolean metadataMerged() {
        return metadataMerged;
    }
}
