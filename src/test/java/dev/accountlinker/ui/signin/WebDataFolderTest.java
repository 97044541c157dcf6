package dev.accountlinker.ui.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real folders in a test's own parent folder (never the system temporary folder itself) and real processes. */
class WebDataFolderTest {
    @TempDir
    Path parent;

    @Test
    void theFolderIsNamedAfterThisProcessAndDeletedWithItsContent() throws IOException {
        WebDataFolder webData = new WebDataFolder(parent);
        Path folder = webData.path();
        assertTrue(Files.isDirectory(folder));
        assertTrue(
                folder.getFileName()
                        .toString()
                        .startsWith(
                                "account-linker-web-" + ProcessHandle.current().pid() + "-"),
                folder.toString());
        assertEquals(folder, webData.path(), "one folder per run");
        Files.createDirectories(folder.resolve("localstorage"));
        Files.writeString(folder.resolve("localstorage/file.db"), "web data");

        webData.delete();

        assertFalse(Files.exists(folder));
    }

    @Test
    void foldersOfDeadProcessesAreRemovedAtStartAndNothingElse() throws Exception {
        long deadPid = deadProcessId();
        Path stale = Files.createDirectories(parent.resolve("account-linker-web-" + deadPid + "-123"));
        Files.writeString(Files.createDirectories(stale.resolve("IndexedDB")).resolve("data"), "left by a killed app");
        Path staleEmpty = Files.createDirectories(parent.resolve("account-linker-web-" + deadPid + "-456"));

        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path ofALiveProcess = Files.createDirectories(parent.resolve("account-linker-web-" + alive.pid() + "-1"));
            Path ofThisProcess = new WebDataFolder(parent).path();
            Path oldStyleName = Files.createDirectories(parent.resolve("account-linker-web4711"));
            Path notOurs = Files.createDirectories(parent.resolve("other-app-" + deadPid + "-1"));
            Path aFileNamedLikeOurs =
                    Files.writeString(parent.resolve("account-linker-web-" + deadPid + "-789"), "a file");
            Path target = Files.createDirectories(parent.resolve("somewhere-else"));
            Path keep = Files.writeString(target.resolve("keep.txt"), "not ours");
            Path aLinkNamedLikeOurs =
                    Files.createSymbolicLink(parent.resolve("account-linker-web-" + deadPid + "-999"), target);

            int removed = new WebDataFolder(parent).removeStaleInBackground().get(30, TimeUnit.SECONDS);

            assertEquals(2, removed);
            assertFalse(Files.exists(stale));
            assertFalse(Files.exists(staleEmpty));
            for (Path kept :
                    new Path[] {ofALiveProcess, ofThisProcess, oldStyleName, notOurs, aFileNamedLikeOurs, keep}) {
                assertTrue(Files.exists(kept), kept + " must stay");
            }
            assertTrue(Files.isSymbolicLink(aLinkNamedLikeOurs), "a link is never ours");
        } finally {
            alive.destroy();
            alive.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFolderOfAnotherUserIsNeverRemoved() throws Exception {
        Path stale = Files.createDirectories(parent.resolve("account-linker-web-" + deadProcessId() + "-1"));
        WebDataFolder runningAsAnotherUser =
                new WebDataFolder(parent, ProcessHandle.current().pid(), pid -> false, "nobody");
        assertEquals(0, runningAsAnotherUser.removeStale());
        assertTrue(
                Files.exists(stale, LinkOption.NOFOLLOW_LINKS),
                "a folder not owned by the user the app runs as is left alone");
    }

    /** The id of a process that has run and ended (ids are not reused this quickly). */
    private static long deadProcessId() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        long pid = process.pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return pid;
    }
}
