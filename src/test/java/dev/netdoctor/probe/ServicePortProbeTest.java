// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.TcpConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's service ports, checked for a listener (this computer's real socket table, with a
 * listener of our own on 127.0.0.1) and for local connects through each own address: made
 * here, or inside a scripted WSL distro as they are when the app runs on Windows.
 */
class ServicePortProbeTest {
    private ServerSocket listener;
    private int open;
    private int closed;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        open = listener.getLocalPort();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    private static List<String> evidence(ProbeReport r) {
        return r.evidence().stream().map(Evidence::summary).toList();
    }

    @Test
    void eachPortSaysWhoListensAndThroughHowManyLocalAddressesItWasReached() throws Exception {
        TestContext ctx = new TestContext(null, List.of(open, closed), null, new LocalLinuxSide(), Environments.LOOPBACK_ONLY);

        ProbeReport r = new ServicePortProbe().run(ctx);

        List<ServicePort> ports = ((ProbeData.ServicePorts) r.data()).ports();
        ServicePort served = ports.getFirst();
        TcpConnection owner = served.listeners().getFirst();
        // Bound to 127.0.0.1 only: ::1 and 127.0.0.2 are refused.
        assertThat(served.connects()).extracting(LocalConnect::address, LocalConnect::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("127.0.0.1", ConnectResult.CONNECTED),
                org.assertj.core.groups.Tuple.tuple("::1", ConnectResult.REFUSED),
                org.assertj.core.groups.Tuple.tuple("127.0.0.2", ConnectResult.REFUSED));
        assertThat(r.summary()).isEqualTo("port " + open + ": " + owner.owner() + " listening; reached through 1 of 3 local addresses; "
                + "port " + closed + ": nothing listening");
        assertThat(evidence(r)).contains(owner.owner() + " listens on 127.0.0.1:" + open, "nothing listens on port " + closed);
        assertThat(evidence(r)).containsSubsequence(ListeningSocketsProbe.describe(owner),
                LocalAddresses.describe(served.connects().get(0)), LocalAddresses.describe(served.connects().get(1)),
                LocalAddresses.describe(served.connects().get(2)), "nothing listens on port " + closed);
        assertThat(evidence(r)).hasSize(served.listeners().size() + 3 + 1 + 3);
        assertThat(ctx.progress).containsExactly("port " + open + " checked", "port " + closed + " checked");
        assertThat(ctx.fractions).containsExactly(0.5, 1.0);
    }

    @Test
    void fromWindowsTheConnectsAreMadeInsideTheDistroAndOnlyThoseThatConnectedCountAsReached() throws Exception {
        // Mirrored mode: 127.0.0.1 is sent to Windows and refused; the distro has no IPv6 route; 127.0.0.2 stays inside.
        ScriptedLinux distro = new ScriptedLinux("bash").asDistro().answerStartingWith("bash -c ", """
                127.0.0.1 %1$d failed 2 127.0.0.1: connect: Connection refused
                ::1 %1$d failed 1 ::1: connect: Network is unreachable
                127.0.0.2 %1$d connected 1
                """.formatted(open));
        TestContext ctx = new TestContext(null, List.of(open), null, distro, Environments.LOOPBACK_ONLY);

        ProbeReport r = new ServicePortProbe().run(ctx);

        ServicePort p = ((ProbeData.ServicePorts) r.data()).ports().getFirst();
        assertThat(p.connects()).extracting(LocalConnect::result)
                .containsExactly(ConnectResult.REFUSED, ConnectResult.UNREACHABLE, ConnectResult.CONNECTED);
        assertThat(r.summary()).endsWith("listening; reached through 1 of 3 local addresses");
        assertThat(distro.asked).singleElement().satisfies(a -> assertThat(a).endsWith(" 127.0.0.1 ::1 127.0.0.2"));
    }

    @Test
    void fromWindowsWithoutBashInTheDistroTheCheckIsSkippedWithTheReason() throws Exception {
        ScriptedLinux distro = new ScriptedLinux().asDistro();
        ProbeReport r = new ServicePortProbe().run(new TestContext(null, List.of(open), null, distro, Environments.LOOPBACK_ONLY));
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.summary()).isEqualTo("bash is not installed on WSL distro Scripted, and these connects need its /dev/tcp");
        assertThat(distro.asked).isEmpty();
    }

    @Test
    void aListenerOnAnIpv6AddressIsWrittenWithBrackets() {
        TcpConnection v6 = new TcpConnection(TcpConnection.LISTEN, "::", 8443, "::", 0, 812, "caddy", "caddy run", 0, false);
        assertThat(ListeningSocketsProbe.describe(v6)).isEqualTo("caddy (pid 812) listens on [::]:8443");
        TcpConnection v4 = new TcpConnection(TcpConnection.LISTEN, "0.0.0.0", 22, "0.0.0.0", 0, -1, null, null, 0, false);
        assertThat(ListeningSocketsProbe.describe(v4)).isEqualTo("unknown process listens on 0.0.0.0:22");
    }
}
