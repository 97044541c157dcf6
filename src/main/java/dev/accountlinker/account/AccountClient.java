package dev.accountlinker.account;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.types.DeleteUserIdentityResponseContentItem;
import com.auth0.client.mgmt.types.GetUserResponseContent;
import com.auth0.client.mgmt.types.UpdateUserRequestContent;
import com.auth0.client.mgmt.types.UpdateUserResponseContent;
import com.auth0.client.mgmt.types.UserIdentity;
import com.auth0.client.mgmt.types.UserIdentityProviderEnum;
import com.auth0.client.mgmt.types.UserIdentitySchema;
import com.auth0.client.mgmt.types.UserProfileData;
import com.auth0.client.mgmt.users.types.LinkUserIdentityRequestContent;
import dev.accountlinker.config.TenantSettings;
import okhttp3.OkHttpClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own account through the Management API of auth0-java, authenticated with a user-scoped
 * ({@code current_user}) access token. Every call blocks: run it in a background task. When a request is sent
 * again is the {@link RequestPolicy}'s decision alone: the SDK's own retries are off.
 */
public final class AccountClient {
    private final ManagementApi reads;
    /** Changes are never resent after a failure that may have applied them. */
    private final ManagementApi writes;

    private final RequestPolicy policy;

    public AccountClient(TenantSettings settings, String accessToken, RequestPolicy policy) {
        this.policy = policy;
        // The SDK applies one timeout (seconds) to connecting, reading, writing and the whole call.
        int timeoutSeconds = Math.max(settings.connectTimeoutSeconds(), settings.readTimeoutSeconds());
        // The app's proxy rules, handed to OkHttp (the SDK keeps the client's selector when it adds its timeouts).
        this.reads = ManagementApi.builder()
                .url(settings.address().managementApiUrl())
                .token(accessToken)
                .httpClient(new OkHttpClient.Builder()
                        .proxySelector(settings.proxies())
                        .build())
                .timeout(timeoutSeconds)
                .maxRetries(0)
                .build();
        // maxRetries(0) only turns off the SDK's retries: OkHttp itself would still resend a request that
        // failed on a reused connection, and a resent link could act twice.
        this.writes = ManagementApi.builder()
                .url(settings.address().managementApiUrl())
                .token(accessToken)
                .httpClient(new OkHttpClient.Builder()
                        .proxySelector(settings.proxies())
                        .retryOnConnectionFailure(false)
                        .build())
                .timeout(timeoutSeconds)
                .maxRetries(0)
                .build();
    }

    public Account fetch(String userId) {
        return fetch(userId, RequestContext.NONE);
    }

    public Account fetch(String userId, RequestContext context) {
        return toAccount(policy.read(() -> reads.users().get(userId), context));
    }

    /** Auth0 merges the given top-level {@code user_metadata} keys into the user's; returns the new metadata. */
    public Map<String, Object> updateMetadata(String userId, Map<String, Object> topLevelChanges) {
        return updateMetadata(userId, topLevelChanges, RequestContext.NONE);
    }

    public Map<String, Object> updateMetadata(
            String userId, Map<String, Object> topLevelChanges, RequestContext context) {
        UpdateUserResponseContent updated = policy.write(
                () -> writes.users()
                        .update(
                                userId,
                                UpdateUserRequestContent.builder()
                                        .userMetadata(topLevelChanges)
                                        .build()),
                context);
        return updated.getUserMetadata().orElse(Map.of());
    }

    /** Links the account of {@code secondIdToken} into {@code mainUserId}; returns the new identities. */
    public List<Identity> link(String mainUserId, String secondIdToken) {
        return link(mainUserId, secondIdToken, RequestContext.NONE);
    }

    public List<Identity> link(String mainUserId, String secondIdToken, RequestContext context) {
        List<UserIdentity> answer = policy.write(
                () -> writes.users()
                        .identities()
                        .link(
                                mainUserId,
                                LinkUserIdentityRequestContent.builder()
                                        .linkWith(secondIdToken)
                                        .build()),
                context);
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            UserIdentity item = answer.get(i);
            identities.add(identity(
                    item.getConnection(),
                    item.getProvider(),
                    String.valueOf(item.getUserId().get()),
                    item.getIsSocial(),
                    item.getProfileData(),
                    i == 0));
        }
        return identities;
    }

    /** Unlinks one identity; it becomes a standalone user again. Returns the remaining identities. */
    public List<Identity> unlink(String mainUserId, Identity identity) {
        return unlink(mainUserId, identity, RequestContext.NONE);
    }

    public List<Identity> unlink(String mainUserId, Identity identity, RequestContext context) {
        List<DeleteUserIdentityResponseContentItem> answer = policy.write(
                () -> writes.users()
                        .identities()
                        .delete(mainUserId, UserIdentityProviderEnum.valueOf(identity.provider()), identity.userId()),
                context);
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            DeleteUserIdentityResponseContentItem item = answer.get(i);
            identities.add(identity(
                    item.getConnection(),
                    item.getProvider(),
                    item.getUserId(),
                    item.getIsSocial(),
                    item.getProfileData(),
                    i == 0));
        }
        return identities;
    }

    private static Identity identity(
            String connection,
            String provider,
            String userId,
            Optional<Boolean> social,
            Optional<UserProfileData> profile,
            boolean primary) {
        return new Identity(
                connection,
                provider,
                userId,
                social.orElse(false),
                profile.flatMap(UserProfileData::getEmail),
                profile.flatMap(UserProfileData::getName),
                profile.map(data -> data.getAdditionalProperties().get("picture"))
                        .map(Object::toString),
                primary);
    }

    static Account toAccount(GetUserResponseContent user) {
        List<Identity> identities = new ArrayList<>();
        List<UserIdentitySchema> items = user.getIdentities().orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            UserIdentitySchema item = items.get(i);
            // Auth0 lists the primary identity first; it is the one without profileData.
            identities.add(identity(
                    item.getConnection().orElse(""),
                    item.getProvider().map(Object::toString).orElse(""),
                    item.getUserId().orElse(""),
                    item.getIsSocial(),
                    item.getProfileData(),
                    i == 0));
        }
        Map<String, Object> metadata = user.getUserMetadata().orElse(Map.of());
        return new Account(
                user.getUserId().orElse(""),
                user.getName(),
                user.getEmail(),
                user.getEmailVerified().orElse(false),
                user.getPicture(),
                identities,
                metadata);
    }
}
