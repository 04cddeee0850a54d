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
        java.util.List<SocketChannel> filling = new java.util.ArrayList<>();
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new java.net.InetSocketAddress(LOOPBACK, 0), 1);
            for (int i = 0; i < 4; i++) {
                SocketChannel c = SocketChannel.open();
                c.configureBlocking(false);
                c.connect(new java.net.InetSocketAddress(LOOPBACK, full.getLocalPort()));
                filling.add(c);
            }
            ConnectAttempt a = MarkedConnector.attempt(LOOPBACK, full.getLocalPort(), AF21, Duration.ofMillis(700));
            org.junit.jupiter.api.Assumptions.assumeTrue(a.result() != ConnectResult.CONNECTED, "Skipping: this kernel answered a SYN to a full queue");
            assertThat(a.result()).isEqualTo(ConnectResult.TIMED_OUT);
            assertThat(a.error()).isEqualTo("connect timed out after 700 ms");
            assertThat(a.millis()).isBetween(650L, 5000L);
        } finally {
            for (SocketChannel c : filling) {
                c.close();
            }
        }
    }

    @Test
    void markedConnectsMadeByTheDistrosScriptAreReadBackPerClass() throws Exception {
        dev.netdoctor.host.LocalLinuxSide linux = new dev.netdoctor.host.LocalLinuxSide();
        org.junit.jupiter.api.Assumptions.assumeTrue(linux.hasCommand("bash") && (linux.hasCommand("python3") || linux.hasCommand("perl")),
                "Skipping: the script needs bash and python3 or perl");
        java.util.List<DscpClass> classes = java.util.List.of(DscpClass.UNMARKED, AF21, DscpClass.parse("cs1").orElseThrow());
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            var open = DistroMarkedConnects.connect(linux, "127.0.0.1", server.getLocalPort(), classes, Duration.ofSeconds(2)).orElseThrow();
            assertThat(open).extracting(ConnectAttempt::marking).containsExactlyElementsOf(classes);
            assertThat(open).allSatisfy(x -> assertThat(x.result()).isEqualTo(ConnectResult.CONNECTED));
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closed = s.getLocalPort();
        }
        var refused = DistroMarkedConnects.connect(linux, "127.0.0.1", closed, classes, Duration.ofSeconds(2)).orElseThrow();
        assertThat(refused).allSatisfy(x -> assertThat(x.result()).isEqualTo(ConnectResult.REFUSED));
    }
}
