package dev.netdoctor.probe;

import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How far the SSH handshake gets, against servers on this computer's loopback: a real sshd
 * with a host key of our own, one that says hello and then nothing, one that hangs up, and a
 * closed port. The probe never logs in and never trusts a key.
 */
class SshHandshakeLoopbackTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final Duration LIMIT = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private static HandshakeAttempt handshake(int port, DscpClass marking) throws InterruptedException {
        return SshHandshakeProbe.handshake(LO, port, marking, LIMIT, stop -> { });
    }

    /** A server that accepts one connection and hands it to {@code then}. */
    private static ServerSocket server(java.util.function.Consumer<Socket> then) throws Exception {
        ServerSocket s = new ServerSocket(0, 5, LO);
        Thread.ofVirtual().start(() -> {
            try (Socket c = s.accept()) {
                then.accept(c);
            } catch (Exception ignored) {
                // closed by the test
            }
        });
        return s;
    }

    @Test
    void aClosedPortGetsNoConnectionAtAll() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        HandshakeAttempt a = handshake(port, DscpClass.UNMARKED);
        assertThat(a.reached()).isEqualTo(Stage.NOTHING);
        assertThat(a.completed()).isFalse();
        assertThat(a.serverVersion()).isNull();
        assertThat(a.error()).containsIgnoringCase("refused");
        assertThat(SshHandshakeProbe.describe(a)).startsWith("got no connection at all after ").contains(" ms: ");
    }

    @Test
    void aServerThatHangsUpIsConnectedButNeverIntroducedItself() throws Exception {
        try (ServerSocket s = server(c -> { })) {
            HandshakeAttempt a = handshake(s.getLocalPort(), DscpClass.parse("af21").orElseThrow());
            assertThat(a.reached()).isEqualTo(Stage.TCP_CONNECTED);
            assertThat(a.completed()).isFalse();
            assertThat(a.marking().name()).isEqualTo("af21");
            assertThat(a.error()).isNotBlank();
        }
    }

    @Test
    void aServerThatSaysHelloAndThenNothingStopsAfterItsBanner() throws Exception {
        try (ServerSocket s = server(c -> {
            try {
                OutputStream out = c.getOutputStream();
                out.write("SSH-2.0-Stuck_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(LIMIT.multipliedBy(2).toMillis());
            } catch (Exception ignored) {
                // the client gave up
            }
        })) {
            HandshakeAttempt a = handshake(s.getLocalPort(), DscpClass.UNMARKED);
            assertThat(a.reached()).isIn(Stage.BANNER_RECEIVED, Stage.KEY_EXCHANGE_STARTED);
            assertThat(a.completed()).isFalse();
            assertThat(a.serverVersion()).isEqualTo("SSH-2.0-Stuck_1.0");
            assertThat(a.millis()).isGreaterThanOrEqualTo(LIMIT.toMillis() / 2);
        }
    }

    @Test
    void aRealSshdShowsItsHostKeyAndTheProbeRefusesIt() throws Exception {
        try (LoopbackSshd sshd = LoopbackSshd.start(dir)) {
            HandshakeAttempt a = handshake(sshd.port, DscpClass.parse("lowdelay").orElseThrow());
            assertThat(a.completed()).isTrue();
            assertThat(a.reached()).isEqualTo(Stage.KEY_EXCHANGE_DONE);
            assertThat(a.error()).isNull();
            assertThat(a.serverVersion()).startsWith("SSH-2.0-OpenSSH");
            assertThat(a.hostKeyType()).isEqualTo("ssh-ed25519");
            assertThat(a.keyExchange()).isNotBlank();
            // The fingerprint the user can compare with `ssh-keygen -lf`.
            assertThat(a.hostKeyFingerprint()).isEqualTo(sshd.hostFingerprint());
            assertThat(SshHandshakeProbe.describe(a)).startsWith("key exchange done in ")
                    .endsWith("(" + a.serverVersion() + ", " + a.keyExchange() + ", ssh-ed25519 " + a.hostKeyFingerprint() + ")");
            assertThat(List.of(dir.toFile().list())).as("nothing written: no known_hosts").doesNotContain("known_hosts");
        }
    }
}
