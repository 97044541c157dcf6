package dev.accountlinker.account;

import dev.accountlinker.config.TenantAddress;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which picture addresses the app loads: https only, and exactly the origin of a tenant on this computer. */
class ProfilePicturesTest {
    @Test
    void httpsPicturesLoadFromAnyHost() throws Exception {
        ProfilePictures pictures = ProfilePictures.forTenant(TenantAddress.parse("domain", "acme.eu.auth0.com"));
        for (String url : List.of(
                "https://lh3.googleusercontent.com/a/photo=s96-c",
                "https://avatars.githubusercontent.com/u/42?v=4",
                "HTTPS://s.gravatar.com/avatar/abc.png")) {
            assertEquals(Optional.of(url), pictures.loadable(url), url);
        }
    }

    @Test
    void filesResourcesDataAndPlainHttpAreNeverLoaded() throws Exception {
        ProfilePictures pictures = ProfilePictures.forTenant(TenantAddress.parse("domain", "acme.eu.auth0.com"));
        for (String url : List.of(
                "file:/etc/passwd",
                "file:///home/alice/.ssh/id_rsa",
                "jar:file:/opt/account-linker/lib/app.jar!/dev/accountlinker/messages.properties",
                "data:image/png;base64,iVBORw0KGgo=",
                "http://169.254.169.254/latest/meta-data/",
                "http://router.local/admin.png",
                "http://acme.eu.auth0.com/avatar.png",
                "ftp://example.com/a.png",
                "https://alice:secret@example.com/a.png",
                "//example.com/a.png",
                "https:/no-host.png",
                "not a url",
                "",
                "   ")) {
            assertEquals(Optional.empty(), pictures.loadable(url), url);
        }
        assertEquals(Optional.empty(), pictures.loadable(null));
    }

    @Test
    void aTenantOnThisComputerServesItsOwnAvatarsOverHttpAndNothingElseDoes() throws Exception {
        ProfilePictures demo = ProfilePictures.forTenant(TenantAddress.parse("domain", "http://127.0.0.1:8765"));
        String avatar = "http://127.0.0.1:8765/avatars/AL-4f46e5.png";
        assertEquals(Optional.of(avatar), demo.loadable(avatar));
        for (String url : List.of(
                "http://127.0.0.1:8766/avatars/AL-4f46e5.png",
                "http://localhost:8765/avatars/AL-4f46e5.png",
                "http://127.0.0.2:8765/a.png",
                "http://127.0.0.1/a.png",
                "http://169.254.169.254/latest/meta-data/",
                "file:/etc/passwd")) {
            assertEquals(Optional.empty(), demo.loadable(url), url);
        }
        assertEquals(
                Optional.empty(), ProfilePictures.httpsOnly().loadable(avatar), "without a tenant, no http at all");
    }
}
