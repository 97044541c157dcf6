package dev.accountlinker.account;

import com.auth0.client.mgmt.ManagementApi;
import com.auth0.client.mgmt.types.GetUserResponseContent;
import com.auth0.client.mgmt.types.UserIdentitySchema;
import com.auth0.client.mgmt.types.UserProfileData;
import dev.accountlinker.config.TenantSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own account through the Management API of auth0-java, authenticated with a user-scoped
 * ({@code current_user}) access token. Every call blocks: run it in a background task.
 */
public final class AccountClient {
    public static final int TIMEOUT_SECONDS = 20;

    private final ManagementApi api;

    public AccountClient(TenantSettings settings, String accessToken) {
        this.api = ManagementApi.builder()
                .url(settings.address().managementApiUrl())
                .token(accessToken)
                .timeout(TIMEOUT_SECONDS)
                .build();
    }

    public Account fetch(String userId) {
        return toAccount(api.users().get(userId));
    }

    static Account toAccount(GetUserResponseContent user) {
        List<Identity> identities = new ArrayList<>();
        List<UserIdentitySchema> items = user.getIdentities().orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            UserIdentitySchema item = items.get(i);
            Optional<UserProfileData> profile = item.getProfileData();
            identities.add(new Identity(
                    item.getConnection().orElse(""),
                    item.getProvider().map(Object::toString).orElse(""),
                    item.getUserId().orElse(""),
                    item.getIsSocial().orElse(false),
                    profile.flatMap(UserProfileData::getEmail),
                    profile.flatMap(UserProfileData::getName),
                    profile.map(data -> data.getAdditionalProperties().get("picture")).map(Object::toString),
                    // Auth0 lists the primary identity first; it is the one without profileData.
                    i == 0));
        }
        Map<String, Object> metadata = user.getUserMetadata().orElse(Map.of());
        return new Account(user.getUserId().orElse(""), user.getName(), user.getEmail(),
                user.getEmailVerified().orElse(false), user.getPicture(), identities, metadata);
    }
}
