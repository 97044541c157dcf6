package dev.accountlinker.ui.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * WebKit's private data folder (local storage, caches) for one run of the app: made when the first sign-in
 * window needs it, named after the owning process ({@code account-linker-web-<pid>-<random>}), deleted on sign-out
 * (the next window gets a new one) and on quit (or when the JVM shuts down). A killed app cannot delete its own, so at the next start {@link #removeStaleInBackground()} removes the
 * folders of processes that no longer run: only folders of ours (that exact name, a real folder and not a link,
 * owned by this user), never one of a process that is alive.
 */
public final class WebDataFolder {
    static final String PREFIX = "account-linker-web-";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,19})-\\d+");

    private final Path parent;
    private final long ownPid;
    private final LongPredicate isAlive;
    private final String userName;
    private Path folder;

    /** In the system's temporary folder, for this process. */
    public static WebDataFolder inTemporaryFolder() {
        return new WebDataFolder(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** In {@code parent} (tests use their own), for this process. */
    public WebDataFolder(Path parent) {
        this(
                parent,
                ProcessHandle.current().pid(),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                System.getProperty("user.name"));
    }

    WebDataFolder(Path parent, long ownPid, LongPredicate isAlive, String userName) {
        this.parent = parent;
        this.ownPid = ownPid;
        this.isAlive = isAlive;
        this.userName = userName;
    }

    /** This run's folder, made on first use (readable by this user only, as any temporary folder). */
    public synchronized Path path() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory(parent, PREFIX + ownPid + "-");
                Path made = folder;
                // Also when the app is ended (SIGTERM, logout) without quitting; a killed one is cleaned at next start.
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> deleteTree(made), "account-linker-web-data-delete"));
            } catch (IOException e) {
                throw new UncheckedIOException("No temporary folder for the sign-in window", e);
            }
        }
        return folder;
    }

    /**
     * Deletes this run's folder and what WebKit put in it; best effort (it holds no tokens). The next
     * {@link #path()} makes a new folder, so a sign-in window after a sign-out starts with nothing of the last one.
     */
    public synchronized void delete() {
        if (folder != null) {
            deleteTree(folder);
            folder = null;
        }
    }

    /** {@link #removeStale()} on a daemon thread, so start-up never waits on the temporary folder. */
    public CompletableFuture<Integer> removeStaleInBackground() {
        CompletableFuture<Integer> removed = new CompletableFuture<>();
        Thread cleaner = new Thread(
                () -> {
                    try {
                        removed.complete(removeStale());
                    } catch (RuntimeException e) {
                        removed.completeExceptionally(e);
                    }
                },
                "account-linker-web-data-cleanup");
        cleaner.setDaemon(true);
        cleaner.start();
        return removed;
    }

    /** Removes the folders that dead processes of this user left behind; returns how many. */
    public int removeStale() {
        Optional<UserPrincipal> me = currentUser();
        if (me.isEmpty()) {
            return 0; // without knowing who we are, nothing can be proven ours
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path entry : entries) {
                if (isStaleFolderOfOurs(entry, me.get())) {
                    deleteTree(entry);
                    removed += Files.exists(entry, LinkOption.NOFOLLOW_LINKS) ? 0 : 1;
                }
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // Best effort: a temporary folder we cannot list holds nothing we must clean.
        }
        return removed;
    }

    private boolean isStaleFolderOfOurs(Path entry, UserPrincipal me) {
        Matcher name = OURS.matcher(entry.getFileName().toString());
        if (!name.matches() || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(name.group(1));
        } catch (NumberFormatException tooLarge) {
            return false;
        }
        try {
            return pid != ownPid && !isAlive.test(pid) && me.equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(
                    parent.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(userName));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Deletes a folder and its content without following links (a link is removed, never what it points to). */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: whatever stays is in the temporary area and holds no tokens.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
