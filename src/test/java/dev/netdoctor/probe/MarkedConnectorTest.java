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
}
