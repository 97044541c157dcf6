package dev.accountlinker.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The app's own folder beside the settings file (settings, window place): readable by this user only (0700 on
 * POSIX systems), whichever part of the app makes it first. A folder an older version made readable by all is
 * narrowed the next time something is written there, when it is this user's own. Where there are no POSIX
 * permissions (Windows), the folder inherits the user profile's, which other users cannot read.
 */
public final class SettingsFolder {
    static final Set<PosixFilePermission> USER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SettingsFolder() {}

    /**
     * Makes {@code folder} (its parents as the system makes them) or narrows it to this user; returns it.
     *
     * @throws IOException when the folder cannot be made
     */
    public static Path ensure(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return Files.createDirectories(absolute);
        }
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent()); // ~/.config and the like keep the system's permissions
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(USER_ONLY));
            // The umask narrows the mode of a new folder, never widens it; set it exactly all the same.
            Files.setPosixFilePermissions(absolute, USER_ONLY);
        } catch (FileAlreadyExistsException exists) {
            narrowIfOurs(absolute);
        }
        return absolute;
    }

    private static void narrowIfOurs(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return; // a link or a file in the way: not ours to change; writing there fails with its own message
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
        if (current.equals(USER_ONLY)) {
            return;
        }
        UserPrincipal owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = folder.getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (owner.equals(me)) {
            Files.setPosixFilePermissions(folder, USER_ONLY);
        }
    }
}
