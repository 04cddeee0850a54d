// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Against this machine's loopback only; the lab tests cover real networks. */
class MarkedConnectorTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final DscpClass AF21 = DscpClass.parse("af21").orElseThrow();

    @Test
    void connectsWithTheMarkSetOnTheSocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK);
             SocketChannel ch = MarkedConnector.open(LOOPBACK, server.getLocalPort(), AF21, Duration.ofSeconds(2))) {
            assertThat(ch.isConnected()).isTrue();
            assertThat(ch.getOption(StandardSocketOptions.IP_TOS)).isEqualTo(0x48);
        }
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        ConnectAttempt a = MarkedConnector.attempt(LOOPBACK, port, AF21, Duration.ofSeconds(2));
        assertThat(a.result()).isEqualTo(ConnectResult.REFUSED);
        assertThat(a.marking()).isEqualTo(AF21);
    }

    @Test
    void anOpenPortConnectsUnmarked() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            ConnectAttempt a = MarkedConnector.attempt(LOOPBACK, server.getLocalPort(), DscpClass.UNMARKED, Duration.ofSeconds(2));
            assertThat(a.result()).isEqualTo(ConnectResult.CONNECTED);
            assertThat(a.error()).isNull();
        }
    }

    /** A listener that never accepts, its queue full: further SYNs are dropped, as a filter drops them. */
    @Test
    void aSynWithoutAnswerTimesOutAfterTheLimitNotBefore() throws Exception {
        try (FullQueue full = new FullQueue()) {
            ConnectAttempt a = MarkedConnector.attempt(LOOPBACK, full.port(), AF21, Duration.ofMillis(700));
            org.junit.jupiter.api.Assumptions.assumeTrue(a.result() != ConnectResult.CONNECTED, "Skipping: this kernel answered a SYN to a full queue");
            assertThat(a.result()).isEqualTo(ConnectResult.TIMED_OUT);
            assertThat(a.error()).isEqualTo("connect timed out after 700 ms");
            assertThat(a.millis()).isBetween(650L, 5000L);
        }
    }

    @Test
    void aConnectIsGivenUpOnceItsAnswerWillNotCome() throws Exception {
        try (FullQueue full = new FullQueue()) {
            long start = System.nanoTime();
            // its own limit would say "connect timed out after 20000 ms", without the reason
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MarkedConnector.open(LOOPBACK, full.port(), AF21, Duration.ofSeconds(20),
                            () -> System.nanoTime() - start > 200_000_000L).close())
                    .isInstanceOf(java.net.SocketTimeoutException.class)
                    .hasMessageContaining("given up: the marked-SYN check found this marking dropped");
        }
    }

    @Test
    void markedConnectsMadeByTheDistrosScriptAreReadBackPerClass() throws Exception {
        dev.netdoctor.host.LocalLinuxSide linux = new dev.netdoctor.host.LocalLinuxSide();
        org.junit.jupiter.api.Assumptions.assumeTrue(linux.hasCommand("bash") && (linux.hasCommand("python3") || linux.hasCommand("perl")),
                "Skipping: the script needs bash and python3 or perl");
        java.util.List<DscpClass> classes = java.util.List.of(DscpClass.UNMARKED, AF21, DscpClass.parse("cs1").orElseThrow());
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            var open = DistroMarkedConnects.connect(linux, "127.0.0.1", server.getLocalPort(), classes, Duration.ofSeconds(2)).orElseThrow().attempts();
            assertThat(open).extracting(ConnectAttempt::marking).containsExactlyElementsOf(classes);
            assertThat(open).allSatisfy(x -> assertThat(x.result()).isEqualTo(ConnectResult.CONNECTED));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closed = s.getLocalPort();
        }
        var refused = DistroMarkedConnects.connect(linux, "127.0.0.1", closed, classes, Duration.ofSeconds(2)).orElseThrow().attempts();
        assertThat(refused).allSatisfy(x -> assertThat(x.result()).isEqualTo(ConnectResult.REFUSED));
    }

    /**
     * The script's two ways (python3, else perl) keep the same rounds: run each against a port that
     * answers, one that refuses, and one whose SYNs nobody answers (a full listen queue), with the
     * same arguments DistroMarkedConnects gives; the verdicts read back are the same.
     */
    @Test
    void theScriptSendsTheSameRoundsWithPythonAndWithPerl() throws Exception {
        java.nio.file.Path perlOnly = java.nio.file.Files.createTempDirectory("perl-only");
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/perl"))
                    && java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")), "Skipping: needs both perl and python3");
            java.nio.file.Files.createSymbolicLink(perlOnly.resolve("perl"), java.nio.file.Path.of("/usr/bin/perl"));
            java.util.List<DscpClass> classes = java.util.List.of(DscpClass.UNMARKED, AF21, DscpClass.parse("cs1").orElseThrow());
            try (ServerSocket open = new ServerSocket(0, 50, LOOPBACK)) {
                for (String path : java.util.List.of("/usr/bin:/bin", perlOnly.toString())) {
                    MarkedRounds.Outcome o = runScript(path, open.getLocalPort(), classes, Duration.ofSeconds(2));
                    assertThat(o.attempts()).as(path).allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.CONNECTED));
                    assertThat(o.rounds()).as(path).isEqualTo(1);
                    assertThat(o.roundTripMillis()).as(path).isBetween(0L, 1000L);
                }
            }
            int closed;
            try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
                closed = s.getLocalPort();
            }
            for (String path : java.util.List.of("/usr/bin:/bin", perlOnly.toString())) {
                MarkedRounds.Outcome o = runScript(path, closed, classes, Duration.ofSeconds(2));
                assertThat(o.attempts()).as(path).allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.REFUSED));
            }
            // nobody answers: three rounds 300 ms apart, then every SYN is waited for to the limit
            try (FullQueue full = new FullQueue()) {
                ConnectAttempt probe = MarkedConnector.attempt(LOOPBACK, full.port(), AF21, Duration.ofMillis(300));
                org.junit.jupiter.api.Assumptions.assumeTrue(probe.result() == ConnectResult.TIMED_OUT, "Skipping: this kernel answered a SYN to a full queue");
                for (String path : java.util.List.of("/usr/bin:/bin", perlOnly.toString())) {
                    MarkedRounds.Outcome o = runScript(path, full.port(), classes, Duration.ofMillis(1000));
                    assertThat(o.rounds()).as(path).isEqualTo(MarkedRounds.ROUNDS_BEFORE_AN_ANSWER);
                    assertThat(o.attempts()).as(path).allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.TIMED_OUT));
                }
            }
        } finally {
            try (var files = java.nio.file.Files.list(perlOnly)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(perlOnly);
        }
    }

    /** The script as DistroMarkedConnects runs it, with PATH limited to {@code path} (a folder without python3 picks perl). */
    private static MarkedRounds.Outcome runScript(String path, int port, java.util.List<DscpClass> classes, Duration limit) throws Exception {
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("/bin/bash", "-c", DistroMarkedConnects.SCRIPT, "marked-connects",
                "127.0.0.1", Integer.toString(port), String.format(java.util.Locale.ROOT, "%.3f", limit.toMillis() / 1000.0),
                Integer.toString(MarkedRounds.CONTRASTS), Integer.toString(MarkedRounds.MAX_ROUNDS), "0.300",
                Integer.toString(MarkedRounds.MULTIPLE), "0.050", Integer.toString(MarkedRounds.ROUNDS_BEFORE_AN_ANSWER)));
        classes.forEach(c -> argv.add(Integer.toString(c.tos())));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
        pb.environment().put("PATH", path);
        Process p = pb.start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(err).as("the script's errors with PATH=" + path).isEmpty();
        return DistroMarkedConnects.parse(new dev.netdoctor.model.CommandRun(argv, p.exitValue(), out, err, 0, false, false, false), classes, limit);
    }

    /**
     * A listener on loopback that never accepts, its queue full: the kernel answers no further
     * SYN, as a filter that drops them would. Closing it closes the connects that fill it.
     */
    private static final class FullQueue implements AutoCloseable {
        private final ServerSocket server;
        private final List<SocketChannel> filling = new ArrayList<>();

        FullQueue() throws java.io.IOException {
            server = new ServerSocket();
            try {
                server.bind(new java.net.InetSocketAddress(LOOPBACK, 0), 1);
                for (int i = 0; i < 8; i++) {
                    SocketChannel c = SocketChannel.open();
                    filling.add(c);
                    c.configureBlocking(false);
                    c.connect(new java.net.InetSocketAddress(LOOPBACK, server.getLocalPort()));
                }
            } catch (java.io.IOException e) {
                close();
                throw e;
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws java.io.IOException {
            for (SocketChannel c : filling) {
                c.close();
            }
            server.close();
        }
    }
}
