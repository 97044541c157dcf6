package dev.accountlinker.linking;

import dev.accountlinker.account.Account;
import dev.accountlinker.account.AccountClient;
import dev.accountlinker.auth.SignedInAccount;
import dev.accountlinker.config.TenantSettings;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
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

    public static LinkingService forTenant(TenantSettings tenant, AccountClient mainClient) {
        return new LinkingService(mainClient, token -> new AccountClient(tenant, token));
    }

    public AccountClient mainClient() {
        return mainClient;
    }

    /** Reads the second account with its own token, so the user sees what its metadata brings. */
    public LinkPreview preview(Account main, SignedInAccount second) {
        Account secondAccount = clientForToken.apply(second.tokens().accessToken()).fetch(second.claims().subject());
        return new LinkPreview(main, second, secondAccount, MetadataMerge.merge(main.userMetadata(), secondAccount.userMetadata()));
    }

    /**
     * Reads both accounts' metadata afresh, merges it into the main account (PATCH, only when something
     * changes), then links (POST identities with the second account's ID token).
     */
    public LinkResult link(LinkPreview preview, BooleanSupplier cancelRequested) throws LinkFailure {
        String mainId = preview.main().userId();
        SignedInAccount second = preview.second();
        boolean merged = false;
        try {
            stopIfCancelled(cancelRequested);
            Account main = mainClient.fetch(mainId);
            stopIfCancelled(cancelRequested);
            Account secondAccount = clientForToken.apply(second.tokens().accessToken()).fetch(second.claims().subject());
            MetadataMerge.Result merge = MetadataMerge.merge(main.userMetadata(), secondAccount.userMetadata());
            Map<String, Object> metadata = main.userMetadata();
            if (merge.changesMainAccount()) {
                stopIfCancelled(cancelRequested);
                metadata = mainClient.updateMetadata(mainId, merge.topLevelChanges());
                merged = true;
            }
            stopIfCancelled(cancelRequested);
            var identities = mainClient.link(mainId, second.tokens().idToken());
            Account linked = new Account(main.userId(), main.name(), main.email(), main.emailVerified(), main.picture(),
                    identities, metadata);
            return new LinkResult(linked, preview.secondDisplayName());
        } catch (RuntimeException e) {
            throw new LinkFailure(e, merged);
        }
    }

    private static void stopIfCancelled(BooleanSupplier cancelRequested) {
        if (cancelRequested.getAsBoolean()) {
            throw new CancellationException("Cancelled before the next request was sent");
        }
    }
}
