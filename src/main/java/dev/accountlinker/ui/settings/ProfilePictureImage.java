package dev.accountlinker.ui.settings;

import dev.accountlinker.account.ProfilePictures;
import javafx.scene.image.Image;

import java.util.Optional;

/**
 * The one place the screens make a profile picture's {@link Image}: only for an address {@link ProfilePictures}
 * allows, loaded in the background (a slow avatar host never holds up a screen; the initials show meanwhile).
 */
final class ProfilePictureImage {
    private ProfilePictureImage() {}

    /** The picture to show, or nothing: then the initials stay. */
    static Optional<Image> of(ProfilePictures pictures, String address, double size) {
        return pictures.loadable(address).flatMap(url -> {
            try {
                return Optional.of(new Image(url, size, size, true, true, true));
            } catch (IllegalArgumentException unusable) {
                return Optional.empty();
            }
        });
    }
}
