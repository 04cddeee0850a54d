// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.TcpConnection;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a distro's sockets and network, and wsl.exe --status, from recorded outputs. */
class DistroFactsTest {
    static final String SS = """
            LISTEN    0      4096       0.0.0.0:8443        0.0.0.0:*     users:(("socat",pid=311,fd=5))
            LISTEN    0      128              *:2222              *:*     users:(("sshd",pid=90,fd=3),("sshd",pid=91,fd=3))
            LISTEN    0      4096 127.0.0.53%lo:53          0.0.0.0:*
            SYN-SENT  0      1       198.18.1.2:41234    198.19.1.2:22    users:(("ssh",pid=4242,fd=3))
            SYN-SENT  0      1       198.18.1.2:41240    198.19.1.2:22    users:(("ssh",pid=4250,fd=3))
            ESTAB     0      0    [::ffff:198.18.1.2]:22 [::ffff:198.18.9.9]:50000
            TIME-WAIT 0      0          [::1]:8443             [::1]:39000
            #cmdlines
            4242 ssh -o IPQoS=af21 198.19.1.2 true
            4250 ssh -v -o BatchMode=yes -- 198.19.1.2 true
            """;

    /** A check of ours that exec'd into another program (bash into python3) is still ours: by the mark in its environment. */
    @Test
    void aProcessMarkedOursInItsEnvironmentIsOursWhateverItsCommandLine() {
        String ss = """
                SYN-SENT  0      1       198.18.1.2:41234    198.19.1.2:22    users:(("ssh",pid=4242,fd=3))
                SYN-SENT  0      1       198.18.1.2:41236    198.19.1.2:22    users:(("python3",pid=4300,fd=3))
                #cmdlines
                4242 theirs ssh -o IPQoS=af21 198.19.1.2 true
                4300 ours python3 -c import socket 198.19.1.2 22 2.000 0 72
                """;
        List<TcpConnection> rows = DistroSockets.fromSs(ss, cmd -> false);
        assertThat(rows.get(0).ours()).isFalse();
        assertThat(rows.get(0).commandLine()).isEqualTo("ssh -o IPQoS=af21 198.19.1.2 true");
        assertThat(rows.get(1).ours()).isTrue();
        assertThat(rows.get(1).commandLine()).startsWith("python3 -c");
    }

    /**
     * Our marked ssh gave up between the table and the look at its command line (CI saw it on a
     * busy machine): it is still ours when a check of ours with that program ran just then, and
     * never the user's ssh stuck in SYN-SENT; a gone process of a program we did not run is not ours.
     */
    @Test
    void aProcessGoneBeforeItsLookIsOursOnlyWhenOurProgramJustRan() {
        String ss = """
                SYN-SENT  0      1       198.18.1.2:41234    198.19.1.2:22    users:(("ssh",pid=4242,fd=3))
                SYN-SENT  0      1       198.18.1.2:41240    198.19.1.2:22    users:(("nc",pid=4250,fd=3))
                #cmdlines
                4242 gone
                4250 gone
                """;
        List<TcpConnection> rows = DistroSockets.fromSs(ss, cmd -> false, program -> program.equals("ssh"));
        assertThat(rows.get(0).ours()).isTrue();
        assertThat(rows.get(0).commandLine()).isNull();
        assertThat(rows.get(1).ours()).isFalse();
        assertThat(DistroSockets.fromSs(ss, cmd -> false).get(0).ours()).as("without the hint").isFalse();
    }

    /**
     * The snapshot script itself, on this Linux with a stand-in ss: a live process of ours is
     * "ours" with its command line, one of the user's "theirs", and a pid whose process has ended
     * "gone" — never "theirs" with an empty command line, which read as the user's ssh.
     */
    @Test
    void theSnapshotScriptSaysWhichProcessIsGone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // neither carries the mark in its environment: the first is ours by its command line
        Process ours = new ProcessBuilder("sleep", "30").start();
        ProcessBuilder theirsBuilder = new ProcessBuilder("sleep", "31");
        theirsBuilder.environment().remove(DistroSockets.OURS_VARIABLE);
        Process theirs = theirsBuilder.start();
        try {
            java.nio.file.Path ss = dir.resolve("ss");
            java.nio.file.Files.writeString(ss, "#!/bin/sh\n"
                    + "echo 'SYN-SENT 0 1 198.18.1.2:41234 198.19.1.2:22 users:((\"sleep\",pid=" + ours.pid() + ",fd=3))'\n"
                    + "echo 'SYN-SENT 0 1 198.18.1.2:41236 198.19.1.2:22 users:((\"sleep\",pid=" + theirs.pid() + ",fd=3))'\n"
                    + "echo 'SYN-SENT 0 1 198.18.1.2:41238 198.19.1.2:22 users:((\"ssh\",pid=2147483646,fd=3))'\n");
            assertThat(ss.toFile().setExecutable(true)).isTrue();
            ProcessBuilder script = new ProcessBuilder("sh", "-c", DistroSockets.SCRIPT).redirectErrorStream(true);
            script.environment().put("PATH", dir + ":" + System.getenv("PATH"));
            Process run = script.start();
            String out = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(run.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("2147483646 " + DistroSockets.GONE)
                    .contains(theirs.pid() + " theirs sleep 31");
            List<TcpConnection> rows = DistroSockets.fromSs(out, cmd -> cmd.equals("sleep 30"), program -> program.equals("ssh"));
            assertThat(rows).extracting(TcpConnection::ours).containsExactly(true, false, true);
        } finally {
            ours.destroyForcibly();
            theirs.destroyForcibly();
        }
    }

    @Test
    void ssRowsCarryStateOwnerAndWhetherTheyAreOurs() {
        List<TcpConnection> rows = DistroSockets.fromSs(SS, cmd -> cmd.equals("ssh -v -o BatchMode=yes -- 198.19.1.2 true"));
        assertThat(rows).hasSize(7);
        TcpConnection socat = rows.get(0);
        assertThat(socat.state()).isEqualTo("LISTEN");
        assertThat(socat.localAddress()).isEqualTo("0.0.0.0");
        assertThat(socat.localPort()).isEqualTo(8443);
        assertThat(socat.owner()).isEqualTo("socat (pid 311)");
        assertThat(rows.get(1).localAddress()).isEqualTo("::");
        assertThat(rows.get(1).remotePort()).isZero();
        assertThat(rows.get(2).localAddress()).as("the interface scope is not part of the address").isEqualTo("127.0.0.53");
        assertThat(rows.get(2).pid()).isEqualTo(-1);
        TcpConnection users = rows.get(3);
        assertThat(users.synSent()).isTrue();
        assertThat(users.commandLine()).isEqualTo("ssh -o IPQoS=af21 198.19.1.2 true");
        assertThat(users.ours()).isFalse();
        assertThat(rows.get(4).ours()).isTrue();
        assertThat(rows.get(5).state()).isEqualTo("ESTABLISHED");
        assertThat(rows.get(5).localAddress()).isEqualTo("::ffff:198.18.1.2");
        assertThat(rows.get(6).state()).isEqualTo("TIME_WAIT");
        assertThat(SocketTable.synSentTo(rows, "198.19.1.2", 22)).hasSize(2);
    }

    @Test
    void procNetTcpIsReadInKernelByteOrder() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1224 1 0 100 0 0 10 0
                   1: 020112C6:A112 020113C6:0016 02 00000001:00000000 01:00000160 00000002  1000        0 5555 2 0 200 0 0 10 -1
                   2: garbage
                """;
        List<TcpConnection> rows = DistroSockets.fromProc(tcp);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).extracting(TcpConnection::state, TcpConnection::localAddress, TcpConnection::localPort)
                .containsExactly("LISTEN", "127.0.0.1", 22);
        assertThat(rows.get(1)).extracting(TcpConnection::state, TcpConnection::localAddress, TcpConnection::localPort,
                TcpConnection::remoteAddress, TcpConnection::remotePort, TcpConnection::pid)
                .containsExactly("SYN_SENT", "198.18.1.2", 0xA112, "198.19.1.2", 22, -1);
        String tcp6 = """
                  sl  local_address                         remote_address                        st
                   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A
                   1: 0000000000000000FFFF0000020112C6:0016 0000000000000000FFFF0000090912C6:C350 01
                """;
        List<TcpConnection> six = DistroSockets.fromProc(tcp6);
        assertThat(six.get(0).localAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(six.get(0).localPort()).isEqualTo(8080);
        assertThat(six.get(1).localAddress()).as("a v4-mapped address reads as IPv4").isEqualTo("198.18.1.2");
        assertThat(six.get(1).remoteAddress()).isEqualTo("198.18.9.9");
    }

    @Test
    void ipJsonGivesInterfacesGatewayAndResolvConfNameServers() {
        String addr = """
                [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"operstate":"UNKNOWN",
                  "addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8},{"family":"inet6","local":"::1","prefixlen":128}]},
                 {"ifindex":2,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1280,"operstate":"UP",
                  "addr_info":[{"family":"inet","local":"198.18.1.2","prefixlen":24}]},
                 {"ifindex":3,"ifname":"loopback0","flags":["BROADCAST"],"mtu":1500,"operstate":"DOWN","addr_info":[]}]
                """;
        List<NetInterface> ifs = DistroNetwork.interfaces(addr);
        assertThat(ifs).extracting(NetInterface::name).containsExactly("lo", "eth0", "loopback0");
        assertThat(ifs.get(0).up()).isTrue();
        assertThat(ifs.get(0).ipv6()).containsExactly("::1");
        assertThat(ifs.get(1)).extracting(NetInterface::mtu, NetInterface::up, NetInterface::ipv4).containsExactly(1280, true, List.of("198.18.1.2"));
        assertThat(ifs.get(2).up()).isFalse();
        assertThat(DistroNetwork.interfaces("not json")).isEmpty();
        assertThat(DistroNetwork.defaultGateway("[{\"dst\":\"default\",\"gateway\":\"198.18.1.1\",\"dev\":\"eth0\"}]")).isEqualTo("198.18.1.1");
        assertThat(DistroNetwork.defaultGateway("[]")).isNull();
        assertThat(DistroNetwork.nameServers("# generated by WSL\nnameserver 198.18.0.53\nsearch home.arpa\n nameserver  198.18.0.54\n"))
                .containsExactly("198.18.0.53", "198.18.0.54");
    }

    @Test
    void wslStatusIsReadWhateverTheLanguage() {
        WslStatus english = WslStatus.parse("Default Distribution: Ubuntu-24.04\r\nDefault Version: 2\r\n");
        assertThat(english.defaultDistro()).isEqualTo("Ubuntu-24.04");
        assertThat(english.defaultVersion()).isEqualTo(2);
        WslStatus german = WslStatus.parse("Standarddistribution: Debian\r\nStandardversion: 2\r\n");
        assertThat(german).extracting(WslStatus::defaultDistro, WslStatus::defaultVersion).containsExactly("Debian", 2);
        WslStatus inbox = WslStatus.parse("""
                Default Distribution: Ubuntu
                Default Version: 1

                Windows Subsystem for Linux was last updated on 3/21/2022
                WSL automatic updates are on.

                Kernel version: 5.10.102.1
                """);
        assertThat(inbox).extracting(WslStatus::defaultDistro, WslStatus::defaultVersion).containsExactly("Ubuntu", 1);
        WslStatus none = WslStatus.parse("Default Version: 2\r\n");
        assertThat(none.defaultDistro()).isNull();
        assertThat(none.defaultVersion()).isEqualTo(2);
        WslStatus usage = WslStatus.parse("Invalid command line option: --status\nUsage: wsl.exe [Argument] [Options...]");
        assertThat(usage.defaultVersion()).isNull();
        assertThat(usage.raw()).startsWith("Invalid command line option");
    }

    @Test
    void wslsAdapterIsTheOneHoldingTheDistrosGatewayWhateverItIsCalled() {
        dev.netdoctor.model.WindowsInterface wifi = new dev.netdoctor.model.WindowsInterface(9, "WLAN", "Intel Wi-Fi", 1500, true,
                java.util.List.of("198.19.5.20/24"));
        dev.netdoctor.model.WindowsInterface renamed = new dev.netdoctor.model.WindowsInterface(47, "vEthernet (Netzwerk für WSL)",
                "Hyper-V Virtual Ethernet Adapter #2", 1500, true, java.util.List.of("198.18.80.1/20", "fe80::1/64"));
        dev.netdoctor.model.WindowsInterface lookalike = new dev.netdoctor.model.WindowsInterface(12, "vEthernet (WSL)", "Hyper-V", 1500, true,
                java.util.List.of("198.18.99.1/24"));
        var all = java.util.List.of(wifi, lookalike, renamed);
        assertThat(WindowsHost.adapterHolding("198.18.80.1", all)).contains(renamed);
        assertThat(WindowsHost.adapterHolding("198.18.80.2", all)).as("a neighbour's address is not held").isEmpty();
        assertThat(WindowsHost.adapterHolding(null, all)).as("mirrored mode: no gateway of WSL's own").isEmpty();
    }
}
