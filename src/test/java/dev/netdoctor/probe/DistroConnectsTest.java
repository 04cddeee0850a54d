// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.LocalConnect;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Local connects made inside a distro by local-connects.sh: its output read, and the script itself run. */
class DistroConnectsTest {
    private static final Map<String, String> ADDRESSES = new LinkedHashMap<>();

    static {
        ADDRESSES.put("127.0.0.1", "loopback");
        ADDRESSES.put("::1", "IPv6 loopback");
        ADDRESSES.put("198.18.2.2", "address of eth0");
        ADDRESSES.put("127.0.0.2", "another loopback address");
    }

    @Test
    void recordedOutputReadsInThePeoplesOrder() {
        DistroConnects.Run run = DistroConnects.parse("""
                listening 41213 51843
                ::1 51843 connected 8
                198.18.2.2 41213 failed 8 198.18.2.2: connect: Network is unreachable 198.18.2.2: line 1: /dev/tcp/198.18.2.2/41213: Network is unreachable
                127.0.0.2 41213 connected 3
                127.0.0.1 41213 failed 2 127.0.0.1: connect: Connection refused 127.0.0.1: line 1: /dev/tcp/127.0.0.1/41213: Connection refused
                noise that is not a result
                """, ADDRESSES);
        assertThat(run.port()).isEqualTo(41213);
        assertThat(run.v6Port()).isEqualTo(51843);
        assertThat(run.connects()).extracting(LocalConnect::address).containsExactly("127.0.0.1", "::1", "198.18.2.2", "127.0.0.2");
        assertThat(run.connects().get(0)).extracting(LocalConnect::result, LocalConnect::error, LocalConnect::label)
                .containsExactly(ConnectResult.REFUSED, "Connection refused", "loopback");
        assertThat(run.connects().get(2)).extracting(LocalConnect::result, LocalConnect::error)
                .containsExactly(ConnectResult.UNREACHABLE, "Network is unreachable");
        assertThat(run.connects().get(1).error()).isNull();
        assertThat(DistroConnects.parse("127.0.0.1 8443 timeout 601", ADDRESSES).connects().getFirst().result())
                .isEqualTo(ConnectResult.TIMED_OUT);
    }

    @Test
    void theScriptReallyConnectsHere() throws Exception {
        LocalLinuxSide linux = new LocalLinuxSide();
        assumeTrue(linux.hasCommand("bash") && linux.hasCommand("timeout"), "Skipping: needs bash and timeout");
        Map<String, String> loopback = new LinkedHashMap<>();
        loopback.put("127.0.0.1", "loopback");
        try (ServerSocket service = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            List<LocalConnect> connects = DistroConnects.connect(linux, loopback, service.getLocalPort(), Duration.ofMillis(600));
            assertThat(connects).singleElement().extracting(LocalConnect::result).isEqualTo(ConnectResult.CONNECTED);
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertThat(DistroConnects.connect(linux, loopback, closed, Duration.ofMillis(600)))
                .singleElement().extracting(LocalConnect::result).isEqualTo(ConnectResult.REFUSED);
        assumeTrue(linux.hasCommand("python3") || linux.hasCommand("perl"), "Skipping the listener: no python3 or perl");
        DistroConnects.Run self = DistroConnects.selfTest(linux, loopback, Duration.ofMillis(600));
        assertThat(self.port()).isPositive();
        assertThat(self.connects()).singleElement().extracting(LocalConnect::result).isEqualTo(ConnectResult.CONNECTED);
    }
}
