package dev.accountlinker.ui;

import com.sun.net.httpserver.HttpServer;
import dev.accountlinker.localtenant.Faults;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile pictures come from the account's profile, which anyone can set: the settings screen and the link
 * confirmation load them over https only, or from the tenant's own origin when it is on this computer (the demo, this
 * test's tenant). Each hostile address is a real, loadable image — a file, a picture inside a jar, a data URL, a
 * server on this computer reached as another host or port — so an attempt to load it would show; the initials stay.
 */
class ProfilePictureUiTest extends AppUiTestSupport {
    private static final String ALICE = "auth0|alice";

    @TempDir
    Path folder;

    private final AtomicInteger internalHits = new AtomicInteger();
    private HttpServer internal;

    @AfterEach
    void stopInternal() {
        if (internal != null) {
            internal.stop(0);
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An "internal" web server that serves a picture and counts who asked. */
    private int startInternalServer(byte[] picture) throws IOException {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, picture.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(picture);
            }
        });
        internal.start();
        return internal.getAddress().getPort();
    }

    private List<String> hostilePictures() throws IOException {
        byte[] picture = png();
        Path file = Files.write(folder.resolve("secret.png"), picture);
        Path jar = folder.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("avatar.png"));
            out.write(picture);
            out.closeEntry();
        }
        int port = startInternalServer(picture);
        return List.of(
                file.toUri().toString(),
                "file:/etc/passwd",
                "jar:" + jar.toUri() + "!/avatar.png",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(picture),
                "http://localhost:" + port + "/avatar.png",
                "http://127.0.0.1:" + port + "/avatar.png", // the tenant's host, another origin
                "http://169.254.169.254/latest/meta-data/avatar.png");
    }

    /** GET user answers Alice with this picture, as a tenant whose profile says so would. */
    private void aliceHasPicture(String picture) {
        tenant.faults().clear();
        tenant.faults()
                .inject(Faults.on("GET", "/api/v2/users/" + ALICE)
                        .respond(
                                200,
                                "{\"user_id\":\"" + ALICE
                                        + "\",\"email\":\"alice@example.com\",\"email_verified\":true,"
                                        + "\"name\":\"Alice Example\",\"picture\":\"" + picture + "\","
                                        + "\"identities\":[{\"connection\":\"Username-Password-Authentication\","
                                        + "\"provider\":\"auth0\",\"user_id\":\"alice\",\"isSocial\":false}],"
                                        + "\"user_metadata\":{}}")
                        .always());
    }

    private void refresh() {
        long reads = requestsTo("GET", "/api/v2/users/");
        clickWhenReady("#refreshButton");
        waitUntil(() -> requestsTo("GET", "/api/v2/users/") > reads && isIdle());
    }

    private Optional<Image> picture(String containerId) {
        return onFx(() -> lookup("#" + containerId).queryAs(Pane.class).lookupAll(".image-view").stream()
                .map(node -> ((ImageView) node).getImage())
                .filter(image -> image != null)
                .findFirst());
    }

    private boolean pictureLoaded(String containerId) {
        return picture(containerId)
                .map(image -> image.getProgress() >= 1 && !image.isError())
                .orElse(false);
    }

    @Test
    void onlyHttpsAndTheTenantsOwnAvatarsAreLoadedAndAnythingElseShowsTheInitials() throws Exception {
        List<String> hostile = hostilePictures();
        signIn("alice@example.com", "Alice-Demo-1");
        waitUntil(() -> pictureLoaded("profilePicture")); // the tenant's own avatar, http://127.0.0.1:<its port>
        assertTrue(
                onFx(() -> ((javafx.scene.control.Label)
                                lookup("#profilePicture .label").query())
                        .getText()
                        .equals("AE")),
                "the initials are there beneath the picture");

        for (String address : hostile) {
            aliceHasPicture(address);
            refresh();
            assertEquals(Optional.empty(), picture("profilePicture"), address);
        }
        assertEquals(0, internalHits.get(), "no request reached the internal server");

        // The link confirmation's account cards follow the same rule.
        aliceHasPicture(hostile.get(4));
        refresh();
        clickWhenReady("#link-github");
        submitLoginForm("alice-gh@example.com", "Github-Demo-1");
        waitForDialogButton("#confirmLinkButton");
        assertEquals(Optional.empty(), picture("linkCurrentAccount"));
        assertEquals(0, internalHits.get());
        cancel();
    }
}
