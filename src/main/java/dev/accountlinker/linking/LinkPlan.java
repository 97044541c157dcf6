package dev.accountlinker.linking;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import dev.accountlinker.account.Account;
import dev.accountlinker.auth.SignedInAccount;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a link does in one {@link LinkDirection}: which account is the target (stays main) and which is linked
 * into it, whose access token authenticates the requests, whose ID token goes in {@code link_with}, how the
 * metadata merges (the target's values win conflicts) and which account the app is signed in as afterwards.
 * Pure: computed from a {@link LinkPreview}, no network.
 *
 * @param target        the account that stays main (PATCH and POST go to its user id)
 * @param linked        the account linked into the target; Auth0 removes it as a standalone user
 * @param targetSession the session whose access token authenticates PATCH and POST (a current_user token can
 *                      only act on its own user, so it is always the target's own session)
 * @param linkedSession the session whose ID token is sent as {@code link_with}
 * @param merge         the linked account's user_metadata merged into the target's; the target wins conflicts
 * @param metadata      whether that merge is written: {@link MetadataHandling#KEEP_MAIN_ONLY} when it would cross
 *                      Auth0's profile cap ({@link ProfileLimit}), then the linked account's metadata is lost
 * @param signedInAfter the session the app switches to after a successful link; empty when it stays the same
 */
public record LinkPlan(
        LinkDirection direction,
        Account target,
        Account linked,
        String targetDisplayName,
        String linkedDisplayName,
        SignedInAccount targetSession,
        SignedInAccount linkedSession,
        MetadataMerge.Result merge,
        MetadataHandling metadata,
        Optional<SignedInAccount> signedInAfter) {

    /** What happens to the linked account's {@code user_metadata}. */
    public enum MetadataHandling {
        /** Merged into the target before linking (PATCH only when it changes something). */
        MERGE,
        /**
         * Not merged: no PATCH at all, the target keeps only its own metadata and Auth0 discards the linked account's.
         * The only way to link when the merge would cross Auth0's profile cap.
         */
        KEEP_MAIN_ONLY
    }

    /**
     * How long the {@code link_with} ID token must still be valid when the user chooses: Auth0 refuses an
     * expired one, and by then the metadata would already have been merged.
     */
    public static final Duration LINK_WITH_MIN_VALIDITY = Duration.ofMinutes(2);

    /** Why a direction cannot be chosen. */
    public enum Unavailable {
        /**
         * The signed-in account already has other identities linked: Auth0 answers 409 for a {@code link_with}
         * user that has linked identities (and linking it the other way would lose them).
         */
        CURRENT_HAS_LINKED_IDENTITIES,
        /** The signed-in account's ID token has expired or is about to: Auth0 would refuse it as {@code link_with}. */
        SIGN_IN_TOO_OLD
    }

    /**
     * The plan to offer for {@code direction}: it merges the metadata when the merge stays within Auth0's profile cap,
     * and keeps only the target's metadata when it would not (never a merge that crosses the cap). Throws if
     * {@link #unavailable} names a reason (ignoring the clock).
     */
    public static LinkPlan of(LinkPreview preview, LinkDirection direction) {
        if (direction == LinkDirection.KEEP_CURRENT) {
            MetadataMerge.Result merge = MetadataMerge.merge(
                    preview.main().userMetadata(), preview.secondAccount().userMetadata());
            return new LinkPlan(
                    direction,
                    preview.main(),
                    preview.secondAccount(),
                    preview.mainDisplayName(),
                    preview.secondDisplayName(),
                    preview.current(),
                    preview.second(),
                    merge,
                    handlingFor(merge),
                    Optional.empty());
        }
        if (preview.main().identities().size() > 1) {
            throw new IllegalArgumentException("The signed-in account has linked identities: it cannot be linked into "
                    + preview.second().claims().subject());
        }
        MetadataMerge.Result merge = MetadataMerge.merge(
                preview.secondAccount().userMetadata(), preview.main().userMetadata());
        return new LinkPlan(
                direction,
                preview.secondAccount(),
                preview.main(),
                preview.secondDisplayName(),
                preview.mainDisplayName(),
                preview.second(),
                preview.current(),
                merge,
                handlingFor(merge),
                Optional.of(preview.second()));
    }

    private static MetadataHandling handlingFor(MetadataMerge.Result merge) {
        return ProfileLimit.exceededBy(merge) ? MetadataHandling.KEEP_MAIN_ONLY : MetadataHandling.MERGE;
    }

    /** Why {@code direction} cannot be chosen at {@code now}, if it cannot. Keeping the current account always can. */
    public static Optional<Unavailable> unavailable(LinkPreview preview, LinkDirection direction, Instant now) {
        if (direction == LinkDirection.KEEP_CURRENT) {
            return Optional.empty();
        }
        if (preview.main().identities().size() > 1) {
            return Optional.of(Unavailable.CURRENT_HAS_LINKED_IDENTITIES);
        }
        Optional<Instant> expiresAt = expiresAt(preview.current().tokens().idToken());
        if (expiresAt.isEmpty() || !now.plus(LINK_WITH_MIN_VALIDITY).isBefore(expiresAt.get())) {
            return Optional.of(Unavailable.SIGN_IN_TOO_OLD);
        }
        return Optional.empty();
    }

    /** True when the linked account's metadata is merged into the target (false: it is lost). */
    public boolean mergesMetadata() {
        return metadata == MetadataHandling.MERGE;
    }

    /** True when merging would cross Auth0's profile cap, so this plan keeps only the target's metadata. */
    public boolean mergeExceedsProfileLimit() {
        return ProfileLimit.exceededBy(merge);
    }

    /** The size the merged metadata would have, by {@link ProfileLimit}'s measure. */
    public int mergedSizeInBytes() {
        return ProfileLimit.sizeInBytes(merge.merged());
    }

    /** The user id PATCH and POST are sent to. */
    public String targetUserId() {
        return target.userId();
    }

    /** The ID token sent as {@code link_with}. */
    public String linkWithIdToken() {
        return linkedSession.tokens().idToken();
    }

    /** True when the app is signed in as another account after the link. */
    public boolean switchesAccount() {
        return signedInAfter.isPresent();
    }

    /** The exp of an ID token the app already validated; read without verifying again. */
    static Optional<Instant> expiresAt(String idToken) {
        if (idToken == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JWT.decode(idToken).getExpiresAtAsInstant());
        } catch (JWTDecodeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "LinkPlan[" + direction + ", " + metadata + ": " + target.userId() + " <- " + linked.userId() + "]";
    }
}
