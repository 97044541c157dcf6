package dev.accountlinker.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The connect screen's save: only its keys change, the rest stays, a broken file is repaired, nothing half-written. */
class UserSettingsFileTest {
    @TempDir
    Path folder;

    private static Map<String, String> edits(String domain, String clientId, String connections, String browser) {
        Map<String, String> edits = new LinkedHashMap<>();
        edits.put(ConfigLoader.DOMAIN, domain);
        edits.put(ConfigLoader.CLIENT_ID, clientId);
        edits.put(ConfigLoader.CONNECTIONS, connections);
        edits.put(ConfigLoader.BROWSER_CONNECTIONS, browser);
        return edits;
    }

    @Test
    void aNewFileHoldsTheSettingsAndLoadsAsThatTenant() throws Exception {
        Path file = folder.resolve("account-linker").resolve("settings.properties");
        new UserSettingsFile(file).save(edits("acme.eu.auth0.com", "AbCdEf123", "google-oauth2, github", ""));

        AppConfig config = ConfigLoader.load(List.of(), Map.of(), file);
        assertEquals(
                "https://acme.eu.auth0.com",
                config.tenant().orElseThrow().address().baseUrl());
        assertEquals("AbCdEf123", config.tenant().orElseThrow().clientId());
        assertEquals(List.of("google-oauth2", "github"), config.connections());
        String text = Files.readString(file);
        assertFalse(text.contains("browser-connections"), "an empty field leaves its default:\n" + text);
        assertTrue(text.startsWith("# Account Linker settings"), text);
    }

    @Test
    void theFileAndItsNewFolderAreTheUsersOnly() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path file = folder.resolve("new-folder").resolve("settings.properties");
        new UserSettingsFile(file).save(edits("acme.eu.auth0.com", "abc", "", ""));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));

        // An existing, readable-by-all file becomes the user's only: it is replaced, not rewritten in place.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        new UserSettingsFile(file).save(edits("other.eu.auth0.com", "abc", "", ""));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFolderThatAnotherPartOfTheAppMadeReadableByAllBecomesTheUsersOnly() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path madeBefore = Files.createDirectories(folder.resolve("account-linker"));
        Files.setPosixFilePermissions(madeBefore, PosixFilePermissions.fromString("rwxr-xr-x"));

        new UserSettingsFile(madeBefore.resolve("settings.properties")).save(edits("acme.eu.auth0.com", "abc", "", ""));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(madeBefore)));
    }

    @Test
    void onlyTheEditedKeysChangeCommentsOrderAndOtherSettingsStay() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(
                file,
                "# my tenant\ndomain=old.eu.auth0.com\n\n! the port my firewall allows\n"
                        + "loopback-port=28999\nclient-id=Old\nproxy=http://proxy.test:3128\nconnections=github\n");

        new UserSettingsFile(file).save(edits("new.eu.auth0.com", "New", "", "none"));

        assertEquals(
                "# my tenant\ndomain=new.eu.auth0.com\n\n! the port my firewall allows\nloopback-port=28999\n"
                        + "client-id=New\nproxy=http://proxy.test:3128\nbrowser-connections=none\n",
                Files.readString(file));
        AppConfig config = ConfigLoader.load(List.of(), Map.of(), file);
        assertEquals(List.of(28999), config.ways().loopbackPorts());
        assertEquals(List.of(), config.connections());
    }

    @Test
    void savingRepairsABrokenFileUnknownKeysAndUnusableValuesGoUsableOnesStay() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(
                file,
                "domain=http://acme.eu.auth0.com\nclientid=Typo\nloopback-port=0\n"
                        + "redirect-uri=http://127.0.0.1/callback\ndomain=also.wrong\n");
        UserSettingsFile settings = new UserSettingsFile(file);
        Set<String> edited = edits("", "", "", "").keySet();
        assertEquals(List.of("clientid", "loopback-port"), settings.droppedOnSave(edited));
        assertEquals("also.wrong", settings.values().get("domain"), "the last value of a repeated key counts");

        settings.save(edits("acme.eu.auth0.com", "Fixed", "", ""));

        assertEquals(
                "domain=acme.eu.auth0.com\nredirect-uri=http://127.0.0.1/callback\nclient-id=Fixed\n",
                Files.readString(file));
        ConfigLoader.load(List.of(), Map.of(), file); // loads without a problem now
    }

    @Test
    void aFileThatIsNotTextIsReadAsEmptyAndWrittenAfresh() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0x1A});
        UserSettingsFile settings = new UserSettingsFile(file);
        assertEquals(Map.of(), settings.values());
        settings.save(edits("acme.eu.auth0.com", "abc", "", ""));
        assertEquals(
                "acme.eu.auth0.com",
                ConfigLoader.load(List.of(), Map.of(), file)
                        .tenant()
                        .orElseThrow()
                        .address()
                        .baseUri()
                        .getHost());
    }

    @Test
    void valuesAreWrittenSoTheyReadBackExactlyAndLinesThatContinueStayWhole() throws Exception {
        Path file = folder.resolve("settings.properties");
        Files.writeString(file, "connections=github,\\\n    google-oauth2\nclient-id=Old\n", StandardCharsets.UTF_8);
        new UserSettingsFile(file).save(Map.of(ConfigLoader.CLIENT_ID, "New"));
        assertEquals("connections=github,\\\n    google-oauth2\nclient-id=New\n", Files.readString(file));
        assertEquals(
                List.of("github", "google-oauth2"),
                ConfigLoader.load(List.of("--domain=acme.eu.auth0.com"), Map.of(), file)
                        .connections());

        assertEquals("\\ leading\\\\back\\nslash", UserSettingsFile.escape(" leading\\back\nslash"));
    }

    @Test
    void nothingIsLeftBehindButTheFile() throws Exception {
        Path file = folder.resolve("settings.properties");
        new UserSettingsFile(file).save(edits("acme.eu.auth0.com", "abc", "", ""));
        new UserSettingsFile(file).save(edits("acme.eu.auth0.com", "def", "", ""));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList(), "no temporary file stays next to it");
        }
    }
}
