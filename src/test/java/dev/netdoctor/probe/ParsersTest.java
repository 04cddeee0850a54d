// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParsersTest {
    @Test
    void pingSummary() {
        ProbeData.Ping p = PingProbe.parse("198.19.1.2", """
                3 packets transmitted, 2 received, 33.3333% packet loss, time 405ms
                rtt min/avg/max/mdev = 0.061/0.090/0.119/0.029 ms
                """);
        assertThat(p.sent()).isEqualTo(3);
        assertThat(p.received()).isEqualTo(2);
        assertThat(p.averageRttMillis()).isEqualTo(0.090);
        assertThat(PingProbe.parse("x", "3 packets transmitted, 0 received, 100% packet loss").answered()).isFalse();
    }

    @Test
    void getentAhostsKeepsEachAddressOnceIpv4First() {
        List<String> a = NameResolutionProbe.parseAhosts("""
                2001:db8::5     STREAM nas
                2001:db8::5     DGRAM
                198.18.0.5      STREAM
                198.18.0.5      DGRAM
                """);
        assertThat(a).containsExactly("198.18.0.5", "2001:db8::5");
    }

    private static CommandRun ssh(String stderr, boolean timedOut) {
        return new CommandRun(List.of("ssh"), timedOut ? -1 : 255, "", stderr, 100, timedOut, false, false);
    }

    @Test
    void readsHowFarTheUsersSshGot() {
        assertThat(OpenSshClientProbe.interpret("none", ssh("""
                debug1: Connecting to 198.19.1.2 [198.19.1.2] port 22.
                debug1: Connection established.
                debug1: Server host key: ssh-ed25519 SHA256:abc
                Host key verification failed.
                """, false)).result()).isEqualTo(OpenSshAttempt.Result.KEY_EXCHANGE_DONE);
        assertThat(OpenSshClientProbe.interpret("af21", ssh("""
                debug1: Connecting to 198.19.1.2 [198.19.1.2] port 22.
                debug1: connect to address 198.19.1.2 port 22: Connection timed out
                ssh: connect to host 198.19.1.2 port 22: Connection timed out
                """, false)).result()).isEqualTo(OpenSshAttempt.Result.CONNECT_TIMED_OUT);
        assertThat(OpenSshClientProbe.interpret("none", ssh("ssh: connect to host 198.19.1.2 port 22: Connection refused", false)).result())
                .isEqualTo(OpenSshAttempt.Result.REFUSED);
        OpenSshAttempt stalled = OpenSshClientProbe.interpret("none", ssh("""
                debug1: Connection established.
                debug1: SSH2_MSG_KEXINIT sent
                """, true));
        assertThat(stalled.result()).isEqualTo(OpenSshAttempt.Result.STALLED_AFTER_CONNECT);
        assertThat(stalled.lastStep()).isEqualTo("SSH2_MSG_KEXINIT sent");
        assertThat(OpenSshClientProbe.interpret("none", ssh("ssh: Could not resolve hostname nas: Name or service not known", false)).result())
                .isEqualTo(OpenSshAttempt.Result.NAME_NOT_RESOLVED);
    }

    @Test
    void theUsersSshNeverLogsInNorWritesKnownHosts() {
        List<String> argv = OpenSshClientProbe.argv("nas", 22, "af21", 2);
        assertThat(argv).containsSubsequence("-o", "BatchMode=yes")
                .containsSubsequence("-o", "StrictHostKeyChecking=yes")
                .containsSubsequence("-o", "UserKnownHostsFile=/dev/null")
                .containsSubsequence("-o", "ControlPath=none")
                .containsSubsequence("-o", "IPQoS=af21")
                .containsSubsequence("--", "nas");
        assertThat(argv.indexOf("--")).isLessThan(argv.indexOf("nas"));
    }
}
