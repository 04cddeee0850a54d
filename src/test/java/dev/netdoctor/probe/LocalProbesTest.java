// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.SshClientFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalProbesTest {
    @Test
    void localAddressesAreLoopbackOwnAddressesAndAnotherLoopback() {
        Environment env = Environments.linux().interfaces(Environments.LOOPBACK,
                        new NetInterface("eth0", 1500, true, List.of("198.18.2.2"), List.of("fe80:0:0:0:1:2:3:4", "2001:db8:0:0:0:0:0:2")),
                        new NetInterface("down0", 1500, false, List.of("198.18.9.9"), List.of()))
                .sshClient(SshClientFacts.missing("x")).build();
        assertThat(LocalAddresses.of(env)).containsOnlyKeys("127.0.0.1", "::1", "198.18.2.2", "2001:db8:0:0:0:0:0:2", "127.0.0.2");
        assertThat(LocalAddresses.of(env).keySet()).first().isEqualTo("127.0.0.1");
        assertThat(LocalAddresses.of(env).keySet()).last().isEqualTo("127.0.0.2");
    }

    @Test
    void wildcardListenersCoverTheirFamily() {
        assertThat(ServicePort.covers("0.0.0.0", "127.0.0.1")).isTrue();
        assertThat(ServicePort.covers("0.0.0.0", "::1")).isFalse();
        assertThat(ServicePort.covers("::", "127.0.0.1")).isTrue();
        assertThat(ServicePort.covers("127.0.0.1", "198.18.2.2")).isFalse();
        assertThat(ServicePort.covers("198.18.2.2", "198.18.2.2")).isTrue();
    }

    @Test
    void theRemoteCheckIsBuiltOnlyFromAnAddressAndAPort() {
        String cmd = VantageProbe.remoteCommand("198.18.2.2", 8443);
        assertThat(cmd).startsWith("exec sh -c '").endsWith("' netdoctor 198.18.2.2 8443");
        assertThat(cmd.substring("exec sh -c '".length(), cmd.lastIndexOf('\''))).doesNotContain("'");
        assertThatThrownBy(() -> VantageProbe.remoteCommand("198.18.2.2; rm -rf /", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRemoteCheckRunsUnderShAndReportsReachable() throws Exception {
        // Run the very script locally against a port on this machine's loopback.
        try (var server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            String cmd = VantageProbe.remoteCommand("127.0.0.1", server.getLocalPort());
            var run = new dev.netdoctor.host.LocalLinuxSide().run(List.of("sh", "-c", cmd), java.time.Duration.ofSeconds(10));
            assertThat(run.stdout()).contains("netdoctor-result reachable");
        }
    }
}
