package dev.accountlinker.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads Linux's socket tables ({@code /proc/net/tcp}, {@code /proc/net/tcp6}) and {@code /proc/self/status}: pure
 * text in, facts out, so it is tested with sample text. The kernel prints each address as 32-bit words in the
 * machine's own byte order ({@code 0100007F} is 127.0.0.1 on x86) and each port in plain hex; a socket's
 * {@code uid} column is the user that created it.
 */
final class ProcNetTcp {
    /** The kernel's TCP_TIME_WAIT: a closed connection's leftover, owned by nobody (uid 0). */
    static final int TIME_WAIT = 0x06;
    /** The kernel's TCP_LISTEN. */
    static final int LISTEN = 0x0A;

    /** One row of the table: the socket's own address, the other end's, its state and its owner's uid. */
    record Entry(InetSocketAddress local, InetSocketAddress remote, int state, long uid) {}

    private ProcNetTcp() {}

    /** Every well-formed row of {@code text}; the header and anything unreadable are skipped. */
    static List<Entry> parse(String text, ByteOrder order) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            if (fields.length < 8 || !fields[0].endsWith(":")) {
                continue;
            }
            try {
                entries.add(new Entry(
                        address(fields[1], order),
                        address(fields[2], order),
                        Integer.parseInt(fields[3], 16),
                        Long.parseLong(fields[7])));
            } catch (IllegalArgumentException | UnknownHostException malformed) {
                // not a row this reader understands: it proves nothing either way
            }
        }
        return entries;
    }

    /**
     * The owners of the live sockets whose own address is {@code local} and whose other end is {@code remote}:
     * for a connection a listener accepted, pass its remote end as {@code local} to find the client's socket.
     * Normally one; none when no such socket exists.
     */
    static List<Long> owners(List<Entry> entries, InetSocketAddress local, InetSocketAddress remote) {
        return entries.stream()
                .filter(entry -> entry.state() != TIME_WAIT && entry.state() != LISTEN)
                .filter(entry -> same(entry.local(), local) && same(entry.remote(), remote))
                .map(Entry::uid)
                .toList();
    }

    /** The effective uid on the {@code Uid:} line of {@code /proc/<pid>/status} (real, effective, saved, fs). */
    static OptionalLong effectiveUid(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] ids = line.substring("Uid:".length()).strip().split("\\s+");
                if (ids.length >= 2) {
                    try {
                        return OptionalLong.of(Long.parseLong(ids[1]));
                    } catch (NumberFormatException malformed) {
                        return OptionalLong.empty();
                    }
                }
            }
        }
        return OptionalLong.empty();
    }

    /** {@code 0100007F:6EB7}: 8 hex digits (IPv4) or 32 (IPv6) in 32-bit words of {@code order}, a colon, the port. */
    static InetSocketAddress address(String field, ByteOrder order) throws UnknownHostException {
        int colon = field.indexOf(':');
        if (colon != 8 && colon != 32 || field.length() != colon + 5) {
            throw new IllegalArgumentException("not an address field");
        }
        String hex = field.substring(0, colon);
        ByteBuffer bytes = ByteBuffer.allocate(colon / 2).order(order);
        for (int word = 0; word < colon; word += 8) {
            bytes.putInt(Integer.parseUnsignedInt(hex.substring(word, word + 8), 16));
        }
        int port = Integer.parseInt(field.substring(colon + 1), 16);
        return new InetSocketAddress(InetAddress.getByAddress(bytes.array()), port);
    }

    /** Same port and address, an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) being its IPv4 one. */
    private static boolean same(InetSocketAddress a, InetSocketAddress b) {
        return a.getPort() == b.getPort()
                && Arrays.equals(
                        ipv4IfMapped(a.getAddress().getAddress()),
                        ipv4IfMapped(b.getAddress().getAddress()));
    }

    private static byte[] ipv4IfMapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return Arrays.copyOfRange(address, 12, 16);
    }
}
