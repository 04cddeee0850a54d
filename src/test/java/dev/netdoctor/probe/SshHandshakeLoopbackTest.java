// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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

    /** Says hello as an SSH server, then reads whatever comes until the client hangs up (closes or resets). */
    private static void helloThenSilence(Socket c, CompletableFuture<Void> hungUp) {
        try {
            OutputStream out = c.getOutputStream();
            out.write("SSH-2.0-Stuck_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            hungUp.completeExceptionally(e);
            return;
        }
        try {
            c.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException reset) {
            // hung up with our hello unread
        }
        hungUp.complete(null);
    }

    @Test
    void aServerThatSaysHelloAndThenNothingStopsDuringTheKeyExchange() throws Exception {
        CompletableFuture<Void> hungUp = new CompletableFuture<>();
        try (ServerSocket s = server(c -> helloThenSilence(c, hungUp))) {
            HandshakeAttempt a = handshake(s.getLocalPort(), DscpClass.UNMARKED);
            // Our KEXINIT went out right after the banner; the server's never came.
            assertThat(a.reached()).isEqualTo(Stage.KEY_EXCHANGE_STARTED);
            assertThat(a.completed()).isFalse();
            assertThat(a.serverVersion()).isEqualTo("SSH-2.0-Stuck_1.0");
            assertThat(a.keyExchange()).as("no algorithm was agreed").isNull();
            assertThat(a.hostKeyType()).isNull();
            assertThat(a.millis()).isGreaterThanOrEqualTo(LIMIT.toMillis() / 2);
            assertThat(SshHandshakeProbe.describe(a)).isEqualTo("stopped during the key exchange after " + a.millis() + " ms: " + a.error());
            hungUp.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCancelStopsAHandshakeThatWouldOtherwiseWaitItsWholeLimit() throws Exception {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        CompletableFuture<Void> hungUp = new CompletableFuture<>();
        List<Runnable> stops = new CopyOnWriteArrayList<>();
        try (ServerSocket s = server(c -> {
            accepted.complete(null);
            helloThenSilence(c, hungUp);
        })) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    outcome.complete(SshHandshakeProbe.handshake(LO, s.getLocalPort(), DscpClass.UNMARKED, Duration.ofMinutes(2), stops::add));
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            accepted.get(10, TimeUnit.SECONDS);
            // What the session does on cancel: interrupt, and run what the probe registered.
            t.interrupt();
            stops.forEach(Runnable::run);
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            hungUp.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailureIsNamedWithItsRootCause() {
        assertThat(SshHandshakeProbe.rootMessage(new java.io.IOException("Connection refused"))).isEqualTo("Connection refused");
        Exception wrapped = new Exception("Session.connect: java.io.IOException: End of IO Stream Read",
                new java.io.IOException("outer", new java.net.SocketException("Connection reset")));
        assertThat(SshHandshakeProbe.rootMessage(wrapped)).isEqualTo("Session.connect: java.io.IOException: End of IO Stream Read (Connection reset)");
        assertThat(SshHandshakeProbe.rootMessage(new Exception("timeout", new java.net.SocketTimeoutException())))
                .isEqualTo("timeout (SocketTimeoutException)");
        assertThat(SshHandshakeProbe.rootMessage(new java.io.EOFException())).isEqualTo("EOFException");
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
            // As JSch and the server agreed it: one of the algorithms JSch offers, by its name.
            assertThat(List.of(com.jcraft.jsch.JSch.getConfig("kex").split(","))).contains(a.keyExchange());
            // The fingerprint the user can compare with `ssh-keygen -lf`.
            assertThat(a.hostKeyFingerprint()).isEqualTo(sshd.hostFingerprint());
            assertThat(SshHandshakeProbe.inWords(a)).startsWith("reached the server's host key in ")
                    .endsWith("(" + a.serverVersion().substring("SSH-2.0-".length()) + ")").doesNotContain("SHA256:");
            assertThat(SshHandshakeProbe.describe(a)).startsWith("key exchange done in ")
                    .endsWith("(" + a.serverVersion() + ", " + a.keyExchange() + ", ssh-ed25519 " + a.hostKeyFingerprint() + ")");
            assertThat(List.of(dir.toFile().list())).as("nothing written: no known_hosts").doesNotContain("known_hosts");
            // We hung up at the host key: the server never saw a user name, let alone a login attempt.
            assertThat(sshd.awaitLine("Disconnected from", Duration.ofSeconds(10))).as(sshd.output()).isNotNull();
            assertThat(sshd.output()).doesNotContain("netdoctor-probe").doesNotContain("Invalid user");
        }
    }

    /** The Checks list and the report say why in words; the exact error stays in the evidence. */
    @Test
    void errorsAreSaidInWords() {
        assertThat(SshHandshakeProbe.errorInWords("Session.connect: java.net.SocketTimeoutException: connect timed out after 2000 ms"
                + " (connect timed out after 2000 ms)")).isEqualTo("no answer to the connection");
        assertThat(SshHandshakeProbe.errorInWords("Session.connect: java.net.SocketTimeoutException: Read timed out (Read timed out)"))
                .isEqualTo("no answer in time");
        assertThat(SshHandshakeProbe.errorInWords("java.net.ConnectException: Connection refused")).isEqualTo("connection refused");
        assertThat(SshHandshakeProbe.errorInWords("Session.connect: java.io.IOException: End of IO Stream Read (Connection reset)"))
                .isEqualTo("the other end closed the connection");
        assertThat(SshHandshakeProbe.errorInWords("Algorithm negotiation fail")).isNull();
        HandshakeAttempt stalled = new HandshakeAttempt(DscpClass.parse("lowdelay").orElseThrow(), Stage.NOTHING, false, 2083,
                null, null, null, null, "Session.connect: java.net.SocketTimeoutException: connect timed out after 2000 ms");
        assertThat(SshHandshakeProbe.label(stalled) + ": " + SshHandshakeProbe.inWords(stalled))
                .isEqualTo("marked lowdelay: got no connection at all after 2083 ms (no answer to the connection)");
    }
}
