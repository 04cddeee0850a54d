// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self test of this computer's own ports: a listener of its own here, reached through each
 * local address; and, when the app runs on Windows, the same inside a scripted WSL distro.
 */
class LoopbackSelfTestProbeTest {
    @Test
    void hereEveryLoopbackAddressReachesItsOwnListenerOnEveryAddress() throws Exception {
        TestContext ctx = new TestContext(null, List.of(), null, new LocalLinuxSide(), Environments.LOOPBACK_ONLY);

        ProbeReport r = new LoopbackSelfTestProbe().run(ctx);

        ProbeData.LoopbackSelfTest data = (ProbeData.LoopbackSelfTest) r.data();
        assertThat(data.connects()).filteredOn(c -> !c.address().contains(":"))
                .extracting(LocalConnect::address).containsExactly("127.0.0.1", "127.0.0.2");
        assertThat(data.connects()).extracting(LocalConnect::port).as("IPv4 on the 0.0.0.0 listener's port").contains(data.port());
        assertThat(data.connects()).allSatisfy(c -> assertThat(c.result()).isEqualTo(ConnectResult.CONNECTED));
        assertThat(r.summary()).isEqualTo("all " + data.connects().size() + " local addresses reach a listener on 0.0.0.0:" + data.port());
        assertThat(r.parameters()).containsEntry("port", Integer.toString(data.port())).containsEntry("timeoutMillis", "600");
        assertThat(ctx.progress).containsExactly("listening on 0.0.0.0:" + data.port() + ", connecting through 3 addresses");
    }

    @Test
    void hereWithIpv6TheIpv6LoopbackIsTriedOnTheIpv6ListenersOwnPort() throws Exception {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
            // IPv6 works here, so the self test can listen on [::] too.
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "Skipping: no IPv6 loopback here: " + e.getMessage());
        }
        ProbeReport r = new LoopbackSelfTestProbe().run(new TestContext(null, List.of(), null, new LocalLinuxSide(), Environments.LOOPBACK_ONLY));
        ProbeData.LoopbackSelfTest data = (ProbeData.LoopbackSelfTest) r.data();
        assertThat(data.connects()).filteredOn(c -> c.address().equals("::1")).singleElement().satisfies(c -> {
            assertThat(c.result()).isEqualTo(ConnectResult.CONNECTED);
            assertThat(c.port()).isPositive().isNotEqualTo(data.port());
        });
    }

    @Test
    void fromWindowsTheListenerAndTheConnectsAreInsideTheDistroAndAnyConnectThatDidNotGetThroughCounts() throws Exception {
        ScriptedLinux distro = new ScriptedLinux("bash").asDistro().answerStartingWith("bash -c ", """
                listening 41213 -1
                127.0.0.1 41213 failed 2 127.0.0.1: connect: Connection refused
                127.0.0.2 41213 connected 1
                198.18.2.2 41213 failed 1 198.18.2.2: connect: Network is unreachable
                """);
        TestContext ctx = new TestContext(null, List.of(), null, distro, Environments.linuxWith(
                new dev.netdoctor.model.NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of()),
                new dev.netdoctor.model.NetInterface("eth0", 1500, true, List.of("198.18.2.2"), List.of())));

        ProbeReport r = new LoopbackSelfTestProbe().run(ctx);

        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        ProbeData.LoopbackSelfTest data = (ProbeData.LoopbackSelfTest) r.data();
        assertThat(data.port()).isEqualTo(41213);
        assertThat(data.connects()).extracting(LocalConnect::result)
                .containsExactly(ConnectResult.REFUSED, ConnectResult.UNREACHABLE, ConnectResult.CONNECTED);
        assertThat(r.summary()).isEqualTo("2 of 3 local addresses do not reach our own listener on 0.0.0.0:41213");
        assertThat(ctx.progress).containsExactly("listening inside WSL distro Scripted, connecting through 3 addresses");
        // Each connect gets the local limit, and one more try with the longer one, in seconds.
        assertThat(distro.asked).singleElement().satisfies(a -> assertThat(a).endsWith(" local-connects listen 0.600 3.000 127.0.0.1 198.18.2.2 127.0.0.2"));
    }

    @Test
    void fromWindowsWithoutBashInTheDistroTheSelfTestIsSkippedWithTheReason() throws Exception {
        ScriptedLinux distro = new ScriptedLinux().asDistro();
        ProbeReport r = new LoopbackSelfTestProbe().run(new TestContext(null, List.of(), null, distro, Environments.LOOPBACK_ONLY));
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.summary()).isEqualTo("bash is not installed on WSL distro Scripted, and these connects need its /dev/tcp");
    }
}
