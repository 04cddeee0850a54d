// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.DscpClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizing the path with don't-fragment pings once a key exchange stalled. The pings are answered
 * by a scripted Linux side that loses every packet above a given size, as a path with an MTU
 * black hole does; no packet leaves this computer.
 */
class PathMtuProbeTest {
    /**
     * Answers `ping ... -s PAYLOAD ADDRESS` as a path that carries packets up to {@code pathMtu} bytes.
     * Its own fake, not the shared ScriptedLinux: the answer is computed from the payload asked,
     * which is what a path with an MTU black hole is, rather than looked up from a script.
     */
    private static class Path implements LinuxSide {
        final int pathMtu;
        final List<Integer> payloadsAsked = Collections.synchronizedList(new ArrayList<>());
        final List<List<String>> argvs = Collections.synchronizedList(new ArrayList<>());

        Path(int pathMtu) {
            this.pathMtu = pathMtu;
        }

        @Override
        public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) {
            int payload = Integer.parseInt(argv.get(argv.indexOf("-s") + 1));
            payloadsAsked.add(payload);
            argvs.add(argv);
            assertThat(argv).containsSubsequence("-M", "do").endsWith("198.19.1.2");
            String out = payload + 28 <= pathMtu
                    ? "2 packets transmitted, 2 received, 0% packet loss, time 201ms\nrtt min/avg/max/mdev = 0.1/0.2/0.3/0.1 ms\n"
                    : "2 packets transmitted, 0 received, 100% packet loss, time 2002ms\n";
            return new CommandRun(argv, payload + 28 <= pathMtu ? 0 : 1, out, "", 5, false, false, false);
        }

        @Override public Optional<String> readFile(String path, int maxBytes) { return Optional.empty(); }
        @Override public boolean hasCommand(String name) { return name.equals("ping"); }
        @Override public Optional<String> env(String name) { return Optional.empty(); }
        @Override public String describe() { return "a scripted path"; }
    }

    private static final Environment ENV = Environments.linux().interfaces(new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of()),
                    new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()),
                    new NetInterface("wg0", 1420, true, List.of("198.18.7.2"), List.of()))
            .sshClient(SshClientFacts.missing("x")).build();

    private static TestContext context(LinuxSide linux, List<ProbeOutcome> earlier) {
        TestContext ctx = new TestContext(new DiagnosisRequest(Target.parse("198.19.1.2"), List.of(), null, Duration.ofSeconds(1), null), linux, ENV);
        ctx.earlier.addAll(earlier);
        return ctx;
    }

    private static ProbeOutcome outcome(ProbeId id, ProbeData data) {
        return new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, id.id(), Map.of(), 0, 1, data, List.of(), null);
    }

    private static ProbeOutcome stalledHandshake() {
        return outcome(ProbeId.SSH_HANDSHAKE, new ProbeData.SshHandshakes("198.19.1.2", 22, List.of(
                new HandshakeAttempt(DscpClass.UNMARKED, Stage.KEY_EXCHANGE_STARTED, false, 2000, "SSH-2.0-x", null, null, null, "timeout"))));
    }

    private static ProbeOutcome routeVia(String device) {
        return outcome(ProbeId.ROUTES, new ProbeData.Routes(List.of(
                new RouteLookup("198.19.1.2", null, null, device, "198.18.1.1", "198.18.1.2", null, null, null)), List.of()));
    }

    @Test
    void aBlackHoleIsSizedFromTheLargestAnsweredAndTheSmallestLostPacket() throws Exception {
        Path path = new Path(1400);
        TestContext ctx = context(path, List.of(stalledHandshake(), routeVia("eth0")));
        ProbeReport r = new PathMtuProbe().run(ctx);
        ProbeData.PathMtu m = (ProbeData.PathMtu) r.data();
        assertThat(m.interfaceMtu()).isEqualTo(1500);
        assertThat(m.estimatedPathMtu()).isEqualTo(1400);
        assertThat(m.blackHole()).isTrue();
        assertThat(r.summary()).isEqualTo("packets up to 1400 bytes get through, 1492 bytes are lost");
        assertThat(r.parameters()).containsEntry("interfaceMtu", "1500");
        // the smallest size first for the round trip, then the interface's own size and every usual size below it, as ICMP payloads
        assertThat(path.payloadsAsked.getFirst()).isEqualTo(548);
        assertThat(path.payloadsAsked.subList(1, path.payloadsAsked.size())).containsExactlyInAnyOrder(1472, 1464, 1372, 1252, 1172, 972, 872, 548);
        // the path answered within 0.2 ms: a lost size's silence is waited for one second, five echoes
        assertThat(r.parameters()).containsEntry("silenceSeconds", "1");
        assertThat(path.argvs.subList(1, path.argvs.size())).allSatisfy(argv -> assertThat(argv).containsSubsequence("-w", "1"));
        assertThat(r.evidence()).extracting(e -> e.summary()).contains("1400-byte packets: answered", "1492-byte packets: lost");
        assertThat(ctx.progress).containsExactly("don't-fragment pings of 8 sizes");
    }

    /** A lost size is waited for 1 s only where the path's round trip leaves five echoes in it; a slow or silent one gets 2 s. */
    @Test
    void theSilenceWaitedForFollowsTheRoundTrip() {
        assertThat(PathMtuProbe.silenceSeconds(new ProbeData.Ping("198.19.1.2", 1, 1, 0.3))).isEqualTo(1);
        assertThat(PathMtuProbe.silenceSeconds(new ProbeData.Ping("198.19.1.2", 1, 1, 150.0))).isEqualTo(1);
        assertThat(PathMtuProbe.silenceSeconds(new ProbeData.Ping("198.19.1.2", 1, 1, 151.0))).as("a satellite's 0.7 s needs more").isEqualTo(2);
        assertThat(PathMtuProbe.silenceSeconds(new ProbeData.Ping("198.19.1.2", 1, 0, null))).as("the small echo was lost").isEqualTo(2);
        assertThat(PathMtuProbe.silenceSeconds(new ProbeData.Ping("198.19.1.2", 1, 1, null))).as("no round trip printed").isEqualTo(2);
    }

    @Test
    void theRoutesInterfaceSetsTheLargestSizeTried() throws Exception {
        Path path = new Path(9000);
        ProbeReport r = new PathMtuProbe().run(context(path, List.of(stalledHandshake(), routeVia("wg0"))));
        assertThat(((ProbeData.PathMtu) r.data()).interfaceMtu()).isEqualTo(1420);
        assertThat(path.payloadsAsked).contains(1392).doesNotContain(1472, 1464);
        assertThat(r.summary()).isEqualTo("all sizes up to 1420 bytes got through");
        // Without a route, the largest up interface other than lo.
        ProbeReport noRoute = new PathMtuProbe().run(context(new Path(9000), List.of(stalledHandshake())));
        assertThat(((ProbeData.PathMtu) noRoute.data()).interfaceMtu()).isEqualTo(1500);
    }

    /**
     * Found in the lab: this computer's own route lookups (127.0.0.1 via lo) came after the
     * target's, and lo's 65536 made every size above the real MTU "lost": a black hole that was not.
     */
    @Test
    void thisComputersOwnRoutesDoNotSetTheSize() throws Exception {
        ProbeOutcome local = outcome(ProbeId.LOCAL_ROUTES, new ProbeData.Routes(List.of(
                new RouteLookup("127.0.0.1", null, null, "lo", null, "127.0.0.1", null, null, null)), List.of()));
        Path path = new Path(1500);
        ProbeReport r = new PathMtuProbe().run(context(path, List.of(stalledHandshake(), routeVia("eth0"), local)));
        assertThat(((ProbeData.PathMtu) r.data()).interfaceMtu()).isEqualTo(1500);
        assertThat(path.payloadsAsked).doesNotContain(65508);
        assertThat(((ProbeData.PathMtu) r.data()).blackHole()).isFalse();
    }

    @Test
    void nothingAnsweredIsNotABlackHole() throws Exception {
        ProbeReport r = new PathMtuProbe().run(context(new Path(100), List.of(stalledHandshake(), routeVia("eth0"))));
        assertThat(((ProbeData.PathMtu) r.data()).blackHole()).isFalse();
        assertThat(r.summary()).isEqualTo("no don't-fragment ping was answered");
    }

    @Test
    void withoutAStalledKeyExchangeOrWithoutPingItIsSkipped() throws Exception {
        ProbeReport notNeeded = new PathMtuProbe().run(context(new Path(1400), List.of(routeVia("eth0"))));
        assertThat(notNeeded.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(notNeeded.summary()).isEqualTo("Not needed: no connection stalled after opening.");
        LinuxSide noPing = new Path(1400) {
            @Override
            public boolean hasCommand(String name) {
                return false;
            }
        };
        ProbeReport cannot = new PathMtuProbe().run(context(noPing, List.of(stalledHandshake())));
        assertThat(cannot.summary()).isEqualTo("Path MTU sizing needs ping and an IPv4 target.");
        // A handshake that got no TCP connection says nothing about packet sizes.
        ProbeOutcome noTcp = outcome(ProbeId.SSH_HANDSHAKE, new ProbeData.SshHandshakes("198.19.1.2", 22, List.of(
                new HandshakeAttempt(DscpClass.UNMARKED, Stage.NOTHING, false, 2000, null, null, null, null, "timeout"))));
        assertThat(ProbeData.PathMtu.keyExchangeStalledIn(List.of(noTcp))).isFalse();
        ProbeOutcome markedStalled = outcome(ProbeId.SSH_HANDSHAKE, new ProbeData.SshHandshakes("198.19.1.2", 22, List.of(
                new HandshakeAttempt(DscpClass.parse("af21").orElseThrow(), Stage.TCP_CONNECTED, false, 2000, null, null, null, null, "timeout"))));
        assertThat(ProbeData.PathMtu.keyExchangeStalledIn(List.of(markedStalled))).isFalse();
        assertThat(ProbeData.PathMtu.keyExchangeStalledIn(List.of(stalledHandshake()))).isTrue();
    }
}
