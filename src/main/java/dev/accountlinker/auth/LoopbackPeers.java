package dev.accountlinker.auth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Who is at the other end of a connection to a loopback listener. Any program of any user of this computer can
 * connect to 127.0.0.1, so a sign-in link read from another user's process list could be answered from that user's
 * browser. On Linux the kernel's socket tables name each socket's owner: a connection is answered only when the
 * client's socket belongs to the user this app runs as. Elsewhere, or when the tables cannot be read, there is no
 * way to tell and every connection is answered as before.
 */
public final class LoopbackPeers {
    /** What is known about a connection's other end. */
    public enum Verdict {
        /** The client's socket belongs to this app's user. */
        SAME_USER,
        /** It belongs to another user. */
        OTHER_USER,
        /** The tables were read but hold no such socket: nothing proves it is ours. */
        NOT_FOUND,
        /** Not Linux, or the tables could not be read: answered as before. */
        CANNOT_TELL;

        /** Whether the listener answers the request: only an owner it cannot prove to be another user's is let in. */
        public boolean answered() {
            return this == SAME_USER || this == CANNOT_TELL;
        }
    }

    private static final LoopbackPeers UNCHECKED = new LoopbackPeers(null, OptionalLong.empty());

    /** {@code /proc/net}: the tables of the reading process's own network namespace, the one 127.0.0.1 is in. */
    private final Path tables;

    private final OptionalLong appUid;

    private LoopbackPeers(Path tables, OptionalLong appUid) {
        this.tables = tables;
        this.appUid = appUid;
    }

    /** On Linux, the kernel's tables and this process's own uid; elsewhere no check. */
    public static LoopbackPeers forThisSystem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return UNCHECKED;
        }
        Path proc = Path.of("/proc");
        try {
            return new LoopbackPeers(
                    proc.resolve("net"), ProcNetTcp.effectiveUid(Files.readString(proc.resolve("self/status"))));
        } catch (IOException | RuntimeException unreadable) {
            return UNCHECKED;
        }
    }

    /** Reads the tables in {@code tables} ({@code tcp}, {@code tcp6}) and takes {@code appUid} as this app's user. */
    static LoopbackPeers reading(Path tables, long appUid) {
        return new LoopbackPeers(tables, OptionalLong.of(appUid));
    }

    /** Every connection is answered (what other systems get). */
    public static LoopbackPeers unchecked() {
        return UNCHECKED;
    }

    /**
     * @param peer  the other end of a connection the listener accepted
     * @param local the listener's end of it
     */
    Verdict check(InetSocketAddress peer, InetSocketAddress local) {
        if (tables == null || appUid.isEmpty()) {
            return Verdict.CANNOT_TELL;
        }
        List<Long> owners = new ArrayList<>();
        boolean anyRead = false;
        // A browser's socket to 127.0.0.1 is in tcp; a Java client's usually an IPv6 one (::ffff:127.0.0.1) in tcp6.
        // The kernel writes these tables afresh on each read (milliseconds for a thousand sockets): tcp6 only if
        // needed.
        for (String table : List.of("tcp", "tcp6")) {
            if (!owners.isEmpty()) {
                break;
            }
            try {
                String text = Files.readString(tables.resolve(table));
                anyRead = true;
                owners.addAll(ProcNetTcp.owners(ProcNetTcp.parse(text, ByteOrder.nativeOrder()), peer, local));
            } catch (IOException | RuntimeException unreadable) {
                // tcp6 is missing where IPv6 is off; the other table still tells
            }
        }
        if (!anyRead) {
            return Verdict.CANNOT_TELL;
        }
        if (owners.isEmpty()) {
            return Verdict.NOT_FOUND;
        }
        long ours = appUid.getAsLong();
        return owners.stream().allMatch(uid -> uid == ours) ? Verdict.SAME_USER : Verdict.OTHER_USER;
    }

    @Override
    public String toString() {
        return tables == null ? "LoopbackPeers[unchecked]" : "LoopbackPeers[" + tables + "]";
    }
}
