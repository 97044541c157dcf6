package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.account.RequestContext;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.TenantSettings;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The linking steps against the Management API, in the order Auth0's user-initiated linking needs them.
 * Every method blocks: call them from a background task. Cancellation is checked before each request, so
 * a cancel never interrupts a request that is already on its way.
 */
public final class LinkingService {
    private final AccountClient mainClient;
    private final Function<String, AccountClient> clientForToken;

    public LinkingService(AccountClient mainClient, Function<String, AccountClient> clientForToken) {
        this.mainClient = mainClient;
        this.clientForToken = clientForToken;
    }

    /** Clients for the tenant: the signed-in account's own, and one per other access token when needed. */
    public static LinkingService forTenant(TenantSettings tenant, String mainAccessToken, RequestPolicy policy) {
        return new LinkingService(
                new AccountClient(tenant, mainAccessToken, policy), token -> new AccountClient(tenant, token, policy));
    }

    public AccountClient mainClient() {
        return mainClient;
    }

    /** Reads the second account with its own token, so the user sees what its metadata brings. */
    public LinkPreview preview(SignedInAccount current, Account main, SignedInAccount second, RequestContext context) {
        Account secondAccount = clientForToken
                .apply(second.tokens().accessToken())
                .fetch(second.claims().subject(), context);
        return new LinkPreview(current, main, second, secondAccount);
    }

    /**
     * Reads both accounts' metadata afresh, merges it into the plan's target account (PATCH, only when something
     * changes; the target's values win), then links (POST identities with the other account's ID token). No PATCH
     * when the plan keeps only the target's metadata; a merge that would cross Auth0's profile cap is refused with
     * {@link MetadataTooLarge} before anything is sent. Both requests go to the target's user id with the target's
     * own access token. {@code progress} hears of each step before its request, on the calling (background) thread;
     * the {@code context} is checked for a cancel before every request and during every wait for the rate limit.
     */
    public LinkResult link(LinkPlan plan, RequestContext context, Consumer<LinkStep> progress) throws LinkFailure {
        boolean keepCurrent = plan.direction() == LinkDirection.KEEP_CURRENT;
        String targetId = plan.targetUserId();
        String linkedId = plan.linked().userId();
        boolean merged = false;
        try {
            progress.accept(LinkStep.READING_ACCOUNTS);
            AccountClient secondClient =
                    clientForToken.apply((keepCurrent ? plan.linkedSession() : plan.targetSession())
                            .tokens()
                            .accessToken());
            AccountClient targetClient = keepCurrent ? mainClient : secondClient;
            AccountClient linkedClient = keepCurrent ? secondClient : mainClient;
            Account target = targetClient.fetch(targetId, context);
            Account linked = linkedClient.fetch(linkedId, context);
            MetadataMerge.Result merge = MetadataMerge.merge(target.userMetadata(), linked.userMetadata());
            Map<String, Object> metadata = target.userMetadata();
            // Keeping only the target's metadata sends no PATCH at all; a merge is measured afresh (either account
            // may have changed since the preview) and refused before its PATCH when it would cross the cap.
            if (plan.mergesMetadata() && merge.changesMainAccount()) {
                ProfileLimit.requireWithin(merge);
                progress.accept(LinkStep.MERGING_METADATA);
                metadata = targetClient.updateMetadata(targetId, merge.topLevelChanges(), context);
                merged = true;
            }
            progress.accept(LinkStep.LINKING);
            var identities = targetClient.link(targetId, plan.linkWithIdToken(), context);
            Account result = target.withUserMetadata(metadata).withIdentities(identities);
            return new LinkResult(
                    result,
                    plan.targetDisplayName(),
                    plan.linkedDisplayName(),
                    plan.signedInAfter(),
                    !plan.mergesMetadata());
        } catch (RuntimeException e) {
            throw new LinkFailure(e, merged);
        }
    }
}
