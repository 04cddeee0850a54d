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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        Path sshd = Path.of("/usr/sbin/sshd");
        assumeTrue(Files.isExecutable(sshd) && Files.isDirectory(Path.of("/run/sshd")) && "root".equals(System.getProperty("user.name")),
                "Skipping: needs root and an OpenSSH server (sshd) to run one on loopback");
        Path key = dir.resolve("host_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assumeTrue(keygen.waitFor(10, TimeUnit.SECONDS) && keygen.exitValue() == 0, "Skipping: ssh-keygen failed");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", "/dev/null", "-h", key.toString(),
                "-o", "ListenAddress=127.0.0.1", "-p", Integer.toString(port), "-o", "PidFile=none")
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        try {
            boolean up = false;
            for (int i = 0; i < 50 && !up && server.isAlive(); i++) {
                try (Socket probe = new Socket(LO, port)) {
                    up = true;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assumeTrue(up, "Skipping: sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
            HandshakeAttempt a = handshake(port, DscpClass.parse("lowdelay").orElseThrow());
            assertThat(a.completed()).isTrue();
            assertThat(a.reached()).isEqualTo(Stage.KEY_EXCHANGE_DONE);
            assertThat(a.error()).isNull();
            assertThat(a.serverVersion()).startsWith("SSH-2.0-OpenSSH");
            assertThat(a.hostKeyType()).isEqualTo("ssh-ed25519");
            assertThat(a.keyExchange()).isNotBlank();
            // The fingerprint the user can compare with `ssh-keygen -lf`.
            Process lf = new ProcessBuilder("ssh-keygen", "-lf", key + ".pub").start();
            String listed = new String(lf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            lf.waitFor(10, TimeUnit.SECONDS);
            assertThat(listed).contains(a.hostKeyFingerprint());
            assertThat(SshHandshakeProbe.describe(a)).startsWith("key exchange done in ")
                    .endsWith("(" + a.serverVersion() + ", " + a.keyExchange() + ", ssh-ed25519 " + a.hostKeyFingerprint() + ")");
            assertThat(List.of(dir.toFile().list())).as("nothing written: no known_hosts").doesNotContain("known_hosts");
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
