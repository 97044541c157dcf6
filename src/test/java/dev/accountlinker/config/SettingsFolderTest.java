package dev.accountlinker.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The app's folder is this user's only, whoever makes it first, on a real file system. */
class SettingsFolderTest {
    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aNewFolderIsTheUsersOnlyAndItsParentsKeepTheSystemsPermissions() throws Exception {
        Path config = home.resolve(".config");
        Path folder = config.resolve("account-linker");

        assertEquals(folder, SettingsFolder.ensure(folder));

        assertEquals("rwx------", mode(folder));
        assertEquals(
                mode(Files.createDirectory(home.resolve("made-by-the-system"))),
                mode(config),
                "~/.config is made as any folder is");
    }

    @Test
    void aFolderAnOlderVersionMadeReadableByAllIsNarrowed() throws Exception {
        Path folder = Files.createDirectory(
                home.resolve("account-linker"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        SettingsFolder.ensure(folder);

        assertEquals("rwx------", mode(folder));
    }

    @Test
    void aLinkInThePlaceOfTheFolderIsNotFollowedToChangeWhatItPointsTo() throws Exception {
        Path elsewhere = Files.createDirectory(home.resolve("elsewhere"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(home.resolve("account-linker"), elsewhere);

        SettingsFolder.ensure(link);

        assertEquals("rwxr-xr-x", mode(elsewhere));
    }
}
