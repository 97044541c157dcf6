package dev.accountlinker.localtenant;

import java.util.List;

/**
 * The accounts the demo tenant is seeded with (the README's "Demo tenant and its accounts" table). The passwords are
 * public demo credentials, shown on screen in demo mode.
 */
final class DemoAccounts {

    private DemoAccounts() {}

    static List<TenantAccount> all() {
        String db = Connection.DATABASE.connectionName;
        return List.of(
                TenantAccount.builder()
                        .connection(db)
                        .email("alice@example.com")
                        .password("Alice-Demo-1")
                        .userId("auth0|alice")
                        .name("Alice Example")
                        .userMetadata(Json.object(
                                "theme",
                                "dark",
                                "language",
                                "en",
                                "address",
                                Json.object("city", "Lisbon", "country", "PT")))
                        .build(),
                TenantAccount.builder()
                        .connection("google-oauth2")
                        .email("alice.g@example.com")
                        .password("Google-Demo-1")
                        .userId("google-oauth2|109876543210987654321")
                        .name("Alice (Google)")
                        .userMetadata(Json.object(
                                "language",
                                "pt",
                                "newsletter",
                                true,
                                "address",
                                Json.object("city", "Porto", "zip", "4000-001")))
                        .build(),
                TenantAccount.builder()
                        .connection("github")
                        .email("alice-gh@example.com")
                        .password("Github-Demo-1")
                        .userId("github|4242424")
                        .name("Alice (GitHub)")
                        .userMetadata(Json.object("editor", "vim"))
                        .build(),
                TenantAccount.builder()
                        .connection(db)
                        .email("unverified@example.com")
                        .password("Unverified-1")
                        .userId("auth0|unverified")
                        .name("Una Verified")
                        .emailVerified(false)
                        .userMetadata(Json.object("theme", "light"))
                        .build(),
                TenantAccount.builder()
                        .connection(db)
                        .email("bob@example.com")
                        .password("Bob-Demo-1")
                        .userId("auth0|bob")
                        .name("Bob Builder")
                        .build(),
                TenantAccount.builder()
                        .connection(db)
                        .email("carol@example.com")
                        .password("Carol-Demo-1")
                        .userId("auth0|carol")
                        .name("Carol Linked")
                        .userMetadata(Json.object("plan", "pro"))
                        .build(),
                TenantAccount.builder()
                        .connection("github")
                        .email("carol-gh@example.com")
                        .password("CarolGh-1")
                        .userId("github|777777")
                        .name("Carol (GitHub)")
                        .linkedTo("auth0|carol")
                        .build());
    }
}
