// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the session and the diagnosis rely on from every probe: the stable id the rules and the
 * JSON report look its outcome up by, whether it needs the target's address, a title for the
 * checks list, and a time limit that leaves room for its own waits.
 */
class ProbeContractTest {
    private static final List<Probe> ALL = List.of(new NameResolutionProbe(), new PingProbe(), new RouteProbe(), new LocalRoutesProbe(),
            new DscpConnectProbe(), new SshHandshakeProbe(), new OpenSshClientProbe(), new SocketWatchProbe(), new PathMtuProbe(),
            new ListeningSocketsProbe(), new ServicePortProbe(), new LoopbackSelfTestProbe(), new VantageProbe());

    /** The question towards 198.19.1.2, with the outside check when there are ports for it to test (it needs one). */
    private static TestContext context(Duration attemptTimeout, List<Integer> ports, LinuxSide linux) {
        VantageRequest vantage = ports.isEmpty() ? null : new VantageRequest("alice", Target.parse("198.18.0.20"), null, null);
        return new TestContext(new DiagnosisRequest(Target.parse("198.19.1.2"), ports, vantage, attemptTimeout, null), linux, null);
    }

    /** A Linux side reached from Windows: only whether it is the app's own machine matters here. */
    private static final LinuxSide DISTRO = new ScriptedLinux().asDistro();

    @Test
    void theIdsAreTheOnesTheRulesAndReportsLookUp() {
        assertThat(ALL).extracting(Probe::id).containsExactly(ProbeId.NAME_RESOLUTION, ProbeId.PING, ProbeId.ROUTES, ProbeId.LOCAL_ROUTES, ProbeId.DSCP_CONNECT,
                ProbeId.SSH_HANDSHAKE, ProbeId.OPENSSH_CLIENT, ProbeId.SOCKET_TABLE, ProbeId.PATH_MTU, ProbeId.LISTENING_SOCKETS, ProbeId.SERVICE_PORTS, ProbeId.LOOPBACK_SELF_TEST,
                ProbeId.OUTSIDE_VANTAGE);
        assertThat(VantageProbe.ID).isEqualTo(ProbeId.OUTSIDE_VANTAGE);
    }

    @Test
    void onlyTheChecksOfTheTargetItselfNeedItsAddress() {
        Map<ProbeId, Boolean> needs = ALL.stream().collect(Collectors.toMap(Probe::id, Probe::needsAddress));
        assertThat(needs).containsEntry(ProbeId.PING, true).containsEntry(ProbeId.ROUTES, true).containsEntry(ProbeId.DSCP_CONNECT, true)
                .containsEntry(ProbeId.SSH_HANDSHAKE, true).containsEntry(ProbeId.OPENSSH_CLIENT, true).containsEntry(ProbeId.SOCKET_TABLE, true)
                .containsEntry(ProbeId.PATH_MTU, true)
                .containsEntry(ProbeId.NAME_RESOLUTION, false).containsEntry(ProbeId.LOCAL_ROUTES, false).containsEntry(ProbeId.LISTENING_SOCKETS, false)
                .containsEntry(ProbeId.SERVICE_PORTS, false).containsEntry(ProbeId.LOOPBACK_SELF_TEST, false).containsEntry(ProbeId.OUTSIDE_VANTAGE, false);
    }

    @Test
    void everyCheckHasItsOwnTitleForTheChecksList() {
        assertThat(ALL).extracting(Probe::title).allSatisfy(t -> assertThat(t).isNotBlank()).doesNotHaveDuplicates();
        assertThat(new DscpConnectProbe().title()).isEqualTo("Connect with and without packet marking");
        assertThat(new VantageProbe().title()).isEqualTo("Reach your service from another machine");
    }

    @Test
    void timeLimitsLeaveRoomForTheChecksOwnWaits() {
        TestContext two = context(Duration.ofSeconds(2), List.of(8443), new LocalLinuxSide());
        TestContext five = context(Duration.ofSeconds(5), List.of(8443, 8444), new LocalLinuxSide());
        // connects and handshakes: the attempt's own limit plus room to start and report
        assertThat(new DscpConnectProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(4));
        assertThat(new DscpConnectProbe().timeLimit(five)).isEqualTo(Duration.ofSeconds(7));
        assertThat(new SshHandshakeProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(6));
        assertThat(new OpenSshClientProbe().timeLimit(two)).isEqualTo(Duration.ofMillis(5500));
        assertThat(new SocketWatchProbe().timeLimit(two)).isEqualTo(Duration.ofMillis(5200));
        assertThat(new PathMtuProbe().timeLimit(two)).isEqualTo(Duration.ofMillis(4500));
        // fixed commands
        assertThat(new PingProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(3));
        assertThat(new RouteProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(7));
        assertThat(new LocalRoutesProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(8));
        assertThat(new NameResolutionProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(6));
        assertThat(new ListeningSocketsProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(4));
        // local connects: a second try inside a distro (DistroConnects.CONFIRM_LIMIT) is allowed for
        assertThat(new LoopbackSelfTestProbe().timeLimit(two)).isEqualTo(Duration.ofMillis(2600));
        assertThat(new LoopbackSelfTestProbe().timeLimit(context(Duration.ofSeconds(2), List.of(), DISTRO))).isEqualTo(Duration.ofMillis(5600));
        assertThat(new ServicePortProbe().timeLimit(two)).isEqualTo(Duration.ofMillis(4600));
        assertThat(new ServicePortProbe().timeLimit(context(Duration.ofSeconds(2), List.of(), DISTRO))).isEqualTo(Duration.ofMillis(7600));
        // the outside check: the login, then each port's remote check
        assertThat(new VantageProbe().timeLimit(two)).isEqualTo(Duration.ofSeconds(15));
        assertThat(new VantageProbe().timeLimit(five)).isEqualTo(Duration.ofSeconds(20));
    }
}
