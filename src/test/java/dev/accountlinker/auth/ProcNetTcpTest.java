package dev.accountlinker.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The socket tables as Linux prints them (samples taken from a real machine, then edited), read without a kernel. */
class ProcNetTcpTest {
    /** x86 order. The app listens on 127.0.0.1:28471 (0x6F37); 1000's browser and 1001's curl have connected. */
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:6F37 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 224 1 00000000c0d81e0d 100 0 0 10 0
               1: 0100007F:6F37 0100007F:D431 01 00000000:00000000 00:00000000 00000000  1000        0 9001 1 0000000012d909bd 20 4 30 10 -1
               2: 0100007F:D431 0100007F:6F37 01 00000000:00000000 00:00000000 00000000  1000        0 9002 1 0000000012d909be 20 4 30 10 -1
               3: 0100007F:D432 0100007F:6F37 01 00000000:00000000 00:00000000 00000000  1001        0 9003 1 0000000012d909bf 20 4 30 10 -1
               4: 0100007F:D433 0100007F:6F37 06 00000000:00000000 03:000012DD 00000000     0        0 0 3 0000000012d909c0
               5: 0100007F:6F37 0100007F:D432 01 00000000:00000000 00:00000000 00000000  1000        0 9004 1 0000000012d909c1 20 4 30 10 -1
            """;

    /** A Java client's socket: IPv6, connected through the IPv4-mapped address, next to ::1 rows. */
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0000000000000000FFFF00000100007F:6F37 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 101905 1 000000003b706048 100 0 0 10 0
               1: 0000000000000000FFFF00000100007F:E9B2 0000000000000000FFFF00000100007F:6F37 01 00000000:00000000 00:00000000 00000000  1000        0 101906 1 0000000012d909bd 20 4 30 10 -1
               2: 00000000000000000000000001000000:E9B3 00000000000000000000000001000000:6F37 01 00000000:00000000 00:00000000 00000000  1002        0 101907 1 0000000012d909be 20 4 30 10 -1
            """;

    private static InetSocketAddress loopback(int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    }

    private static List<Long> ownersOfClient(String table, int clientPort) throws Exception {
        return ProcNetTcp.owners(
                ProcNetTcp.parse(table, ByteOrder.LITTLE_ENDIAN), loopback(clientPort), loopback(28471));
    }

    @Test
    void theClientsSocketIsFoundByItsOwnAddressAndOursAndNamesItsUser() throws Exception {
        assertEquals(List.of(1000L), ownersOfClient(TCP, 0xD431));
        assertEquals(List.of(1001L), ownersOfClient(TCP, 0xD432), "another user's client");
    }

    @Test
    void theListenersOwnSideOfTheConnectionIsNotTakenForTheClients() throws Exception {
        // Row 5 is our accepted socket for 1001's connection: local 28471, remote 0xD432; only row 3 is the client.
        List<ProcNetTcp.Entry> entries = ProcNetTcp.parse(TCP, ByteOrder.LITTLE_ENDIAN);
        assertEquals(List.of(1000L), ProcNetTcp.owners(entries, loopback(28471), loopback(0xD432)));
        assertEquals(List.of(1001L), ProcNetTcp.owners(entries, loopback(0xD432), loopback(28471)));
    }

    @Test
    void aClosedConnectionsLeftoverAndTheListeningSocketOwnNothing() throws Exception {
        assertEquals(List.of(), ownersOfClient(TCP, 0xD433), "TIME_WAIT rows say uid 0 for everyone's sockets");
        assertEquals(List.of(), ownersOfClient(TCP, 0xD434), "no such socket");
        List<ProcNetTcp.Entry> entries = ProcNetTcp.parse(TCP, ByteOrder.LITTLE_ENDIAN);
        assertEquals(List.of(), ProcNetTcp.owners(entries, loopback(28471), loopback(0)));
    }

    @Test
    void anIpv4MappedIpv6SocketMatchesTheIpv4AddressTheListenerSees() throws Exception {
        assertEquals(List.of(1000L), ownersOfClient(TCP6, 0xE9B2));
    }

    @Test
    void anIpv6LoopbackSocketIsNotTheIpv4One() throws Exception {
        assertEquals(List.of(), ownersOfClient(TCP6, 0xE9B3), "::1 is another address than 127.0.0.1");
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 0xE9B3);
        InetSocketAddress v6Listener = new InetSocketAddress(InetAddress.getByName("::1"), 28471);
        assertEquals(
                List.of(1002L), ProcNetTcp.owners(ProcNetTcp.parse(TCP6, ByteOrder.LITTLE_ENDIAN), v6, v6Listener));
    }

    @Test
    void aBigEndianMachinePrintsTheAddressInReadingOrder() throws Exception {
        String bigEndian = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 7F000001:D431 7F000001:6F37 01 00000000:00000000 00:00000000 00000000  4242        0 9002 1 0 20 4 30 10 -1
                """;
        assertEquals(
                List.of(4242L),
                ProcNetTcp.owners(
                        ProcNetTcp.parse(bigEndian, ByteOrder.BIG_ENDIAN), loopback(0xD431), loopback(28471)));
        assertEquals(
                List.of(),
                ProcNetTcp.owners(
                        ProcNetTcp.parse(bigEndian, ByteOrder.LITTLE_ENDIAN), loopback(0xD431), loopback(28471)),
                "read in the wrong order it is 1.0.0.127");
    }

    @Test
    void rowsThatCannotBeReadAreSkippedNotGuessed() throws Exception {
        String damaged = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:D431 0100007F:6F37 01 00000000:00000000 00:00000000 00000000  notauid  0 9002
                   1: 0100007F:D4 0100007F:6F37 01 00000000:00000000 00:00000000 00000000  1000  0 9002
                   2: 0100007F:D431
                garbage
                   3: 0100007F:D431 0100007F:6F37 01 00000000:00000000 00:00000000 00000000  1003  0 9003
                """;
        assertEquals(List.of(1003L), ownersOfClient(damaged, 0xD431));
        assertEquals(List.of(), ownersOfClient("", 0xD431));
    }

    @Test
    void addressFieldsAreReadExactly() throws Exception {
        assertEquals(loopback(28471), ProcNetTcp.address("0100007F:6F37", ByteOrder.LITTLE_ENDIAN));
        assertEquals(
                new InetSocketAddress(InetAddress.getByName("::1"), 1),
                ProcNetTcp.address("00000000000000000000000001000000:0001", ByteOrder.LITTLE_ENDIAN));
        for (String bad : List.of("0100007F", "0100007:6F37", "0100007F:6EB", "0100007F:6F377", "G100007F:6F37")) {
            assertThrows(IllegalArgumentException.class, () -> ProcNetTcp.address(bad, ByteOrder.LITTLE_ENDIAN), bad);
        }
    }

    @Test
    void theAppsOwnUserIsTheEffectiveUidOfItsStatus() {
        String status =
                "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1001\t1001\t1001\nGid:\t100\t100\t100\t100\n";
        assertEquals(OptionalLong.of(1001), ProcNetTcp.effectiveUid(status));
        assertEquals(OptionalLong.of(4294967294L), ProcNetTcp.effectiveUid("Uid:\t4294967294\t4294967294\t0\t0\n"));
        assertEquals(OptionalLong.empty(), ProcNetTcp.effectiveUid("Name:\tjava\n"));
        assertEquals(OptionalLong.empty(), ProcNetTcp.effectiveUid("Uid:\tx\ty\n"));
    }
}
