package dev.accountlinker.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.accountlinker.auth.LoopbackTestSupport.CLIENT_TIMEOUT_MILLIS;
import static dev.accountlinker.auth.LoopbackTestSupport.freePort;
import static dev.accountlinker.auth.LoopbackTestSupport.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The owner lookup over real connections on 127.0.0.1 and this machine's own {@code /proc}. */
@EnabledOnOs(OS.LINUX)
class LoopbackPeersTest {
    private static final Path TABLES = Path.of("/proc/net");

    @TempDir
    Path folder;

    /** A connection from this process to a listener of its own: {accepted side's remote, its local}. */
    private record Connection(ServerSocket listener, Socket client, Socket accepted) implements AutoCloseable {
        static Connection open() throws Exception {
            ServerSocket listener = new ServerSocket(0, 1, loopback());
            Socket client = new Socket();
            client.connect(new InetSocketAddress(loopback(), listener.getLocalPort()), CLIENT_TIMEOUT_MILLIS);
            listener.setSoTimeout(CLIENT_TIMEOUT_MILLIS);
            return new Connection(listener, client, listener.accept());
        }

        InetSocketAddress peer() {
            return (InetSocketAddress) accepted.getRemoteSocketAddress();
        }

        InetSocketAddress local() {
            return (InetSocketAddress) accepted.getLocalSocketAddress();
        }

        @Override
        public void close() throws Exception {
            accepted.close();
            client.close();
            listener.close();
        }
    }

    private static long appUid() throws Exception {
        return ProcNetTcp.effectiveUid(Files.readString(Path.of("/proc/self/status")))
                .orElseThrow();
    }

    @Test
    void onLinuxTheCheckIsOnAndKnowsThisProcessesOwnConnection() throws Exception {
        try (Connection connection = Connection.open()) {
            assertEquals(
                    LoopbackPeers.Verdict.SAME_USER,
                    LoopbackPeers.forThisSystem().check(connection.peer(), connection.local()));
        }
    }

    @Test
    void theSameConnectionIsAnotherUsersForAnAppRunningAsSomeoneElse() throws Exception {
        try (Connection connection = Connection.open()) {
            LoopbackPeers asAnotherUser = LoopbackPeers.reading(TABLES, appUid() + 1);
            LoopbackPeers.Verdict verdict = asAnotherUser.check(connection.peer(), connection.local());
            assertEquals(LoopbackPeers.Verdict.OTHER_USER, verdict);
            assertFalse(verdict.answered());
        }
    }

    @Test
    void anEndWithNoSocketBehindItIsNotTakenAsOurs() throws Exception {
        try (Connection connection = Connection.open()) {
            InetSocketAddress nobody = new InetSocketAddress(loopback(), freePort());
            LoopbackPeers.Verdict verdict =
                    LoopbackPeers.reading(TABLES, appUid()).check(nobody, connection.local());
            assertEquals(LoopbackPeers.Verdict.NOT_FOUND, verdict);
            assertFalse(verdict.answered());
        }
    }

    @Test
    void tablesThatCannotBeReadKeepTodaysBehaviour() throws Exception {
        try (Connection connection = Connection.open()) {
            LoopbackPeers.Verdict verdict = LoopbackPeers.reading(folder.resolve("no-proc"), appUid())
                    .check(connection.peer(), connection.local());
            assertEquals(LoopbackPeers.Verdict.CANNOT_TELL, verdict);
            assertTrue(verdict.answered());
            assertEquals(
                    LoopbackPeers.Verdict.CANNOT_TELL,
                    LoopbackPeers.unchecked().check(connection.peer(), connection.local()));
        }
    }

    @Test
    void aMissingTableIsNoErrorWhereTheOtherHoldsTheSocket() throws Exception {
        try (Connection connection = Connection.open()) {
            // Both of this machine's tables in "tcp" (the rows read the same), and no tcp6 as where IPv6 is off.
            Files.writeString(
                    folder.resolve("tcp"),
                    Files.readString(TABLES.resolve("tcp")) + Files.readString(TABLES.resolve("tcp6")));
            assertEquals(
                    LoopbackPeers.Verdict.SAME_USER,
                    LoopbackPeers.reading(folder, appUid()).check(connection.peer(), connection.local()));
        }
    }
}
