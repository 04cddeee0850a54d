// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsRoute;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route-capture check against a scripted distro: when it runs at all (only after the other
 * checks heard nothing), what it asks the distro (a ping of the gateway, then its neighbour
 * entry), how it reads either form of {@code ip neigh}, and, from Windows, Windows' route for the
 * distro's address against WSL's adapter with the app's own connect to the target.
 */
class RouteCaptureProbeTest {
    private static final String GATEWAY = "198.18.1.1";
    private static final String SILENT_PING = "PING 198.18.1.1 (198.18.1.1) 56(84) bytes of data.\n\n--- 198.18.1.1 ping statistics ---\n"
            + "15 packets transmitted, 0 received, 100% packet loss, time 2810ms\n";
    private static final String ANSWERED_PING = "--- 198.18.1.1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 402ms\n"
            + "rtt min/avg/max/mdev = 0.041/0.052/0.061/0.008 ms\n";
    private static final String NEIGH_JSON = "[{\"dst\":\"198.18.1.1\",\"dev\":\"eth0\",\"lladdr\":\"00:15:5d:01:02:03\",\"state\":[\"REACHABLE\"]}]\n";
    private static final WindowsInterface WSL_ADAPTER = new WindowsInterface(47, "vEthernet (WSL (Hyper-V firewall))",
            "Hyper-V Virtual Ethernet Adapter #2", 1500, true, List.of("198.18.1.1/24"));
    private static final WindowsInterface VPN = new WindowsInterface(23, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1400, true,
            List.of("198.19.200.7/32"));

    private static Environment wsl(String mode, WindowsFacts windows) {
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", mode))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .defaultGateway(GATEWAY).windows(windows).build();
    }

    private static ProbeOutcome silentConnects(String from) {
        return new ProbeOutcome(ProbeId.DSCP_CONNECT, "", ProbeStatus.COMPLETED, "", from == null ? Map.of() : Map.of(ProbeId.FROM, from), 0, 1,
                new ProbeData.MarkedConnects("198.19.1.2", 22, List.of(new ConnectAttempt(DscpClass.UNMARKED, ConnectResult.TIMED_OUT, 2000, null))),
                List.of(), null);
    }

    private static ProbeOutcome completed(ProbeId id, ProbeData data) {
        return new ProbeOutcome(id, "", ProbeStatus.COMPLETED, "", Map.of(), 0, 1, data, List.of(), null);
    }

    private static TestContext context(String target, ScriptedLinux linux, Environment env, ProbeOutcome... earlier) {
        TestContext ctx = new TestContext(new DiagnosisRequest(target == null ? null : Target.parse(target), List.of(), null,
                Duration.ofSeconds(1), null), linux, env);
        if (target != null) {
            ctx.address(Target.parse(target).host());
        }
        ctx.earlier.addAll(List.of(earlier));
        return ctx;
    }

    private static ScriptedLinux distro() {
        return new ScriptedLinux("ping", "ip")
                .answerStartingWith("ping -4 -n -c 1", SILENT_PING)
                .answer("ip -j neigh show to 198.18.1.1", NEIGH_JSON);
    }

    @Test
    void insideTheDistroItPingsTheGatewayThenReadsItsLinkAddress() throws Exception {
        ScriptedLinux linux = distro();
        ProbeReport r = new RouteCaptureProbe().run(context("198.19.1.2:22", linux, wsl("nat", null), silentConnects(null),
                completed(ProbeId.PING, new ProbeData.Ping("198.19.1.2", 15, 0, null))));
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(linux.asked).as("the ping first: after it the kernel has asked for the gateway's link address")
                .containsExactly("ping -4 -n -c 1 -i 0.2 -W 1 -w 2 198.18.1.1", "ip -j neigh show to 198.18.1.1");
        ProbeData.RouteCapture d = (ProbeData.RouteCapture) r.data();
        assertThat(d.gatewaySilent()).isTrue();
        assertThat(d.gatewayLinkResolves()).isTrue();
        assertThat(d.gatewayLinkAddress()).isEqualTo("00:15:5d:01:02:03");
        assertThat(d.distroAddress()).isEqualTo("198.18.1.2");
        assertThat(d.route()).as("Windows' routes need the app on Windows").isNull();
        assertThat(d.fromWindows()).as("no connect from Windows is made inside the distro").isNull();
        assertThat(r.summary()).isEqualTo("the gateway answers no ping, its link address resolves");
    }

    @Test
    void anIpWithoutJsonIsReadInItsTextForm() throws Exception {
        ScriptedLinux linux = new ScriptedLinux("ping", "ip").answerStartingWith("ping -4", SILENT_PING)
                .fail("ip -j neigh show to 198.18.1.1", 255, "Option \"-j\" is unknown")
                .answer("ip neigh show to 198.18.1.1", "198.18.1.1 dev eth0 lladdr 00:15:5d:0a:0b:0c STALE\n");
        ProbeData.RouteCapture d = (ProbeData.RouteCapture) new RouteCaptureProbe().run(context(null, linux, wsl("nat", null),
                completed(ProbeId.DEFAULT_GATEWAY, new ProbeData.Ping(GATEWAY, 15, 0, null)))).data();
        assertThat(linux.asked).as("without a target the gateway's ping is the default-gateway check's, not asked again")
                .containsExactly("ip -j neigh show to 198.18.1.1", "ip neigh show to 198.18.1.1");
        assertThat(d.gatewaySilent()).isTrue();
        assertThat(d.gatewayLinkAddress()).isEqualTo("00:15:5d:0a:0b:0c");
        assertThat(d.gatewayLinkState()).isEqualTo("STALE");
        assertThat(d.gatewayLinkResolves()).isTrue();
        assertThat(RouteCaptureProbe.fromText("198.18.1.1 dev eth0 FAILED\n", GATEWAY)).containsExactly(null, "FAILED");
        assertThat(RouteCaptureProbe.fromJson("[{\"dst\":\"198.18.1.1\",\"dev\":\"eth0\",\"state\":[\"INCOMPLETE\"]}]", GATEWAY))
                .containsExactly(null, "INCOMPLETE");
        assertThat(RouteCaptureProbe.fromJson("[]", GATEWAY)).containsExactly(null, null);
    }

    @Test
    void fromWindowsItComparesWindowsRouteForTheDistroWithWslsAdapterAndConnectsToTheTargetItself() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.1"))) {
            WindowsFacts windows = new WindowsFacts("WSL 2.3.26.0", null, "Ubuntu", 2, "", List.of(), Fact.known(List.of(WSL_ADAPTER, VPN)),
                    Fact.known(List.of(new WindowsRoute("0.0.0.0", 0, "198.19.5.1", 9, 25), new WindowsRoute("198.18.1.0", 24, null, 47, 256),
                            new WindowsRoute("198.18.1.0", 28, null, 23, 1))), WSL_ADAPTER, null);
            ScriptedLinux linux = distro().asDistro();
            ProbeReport r = new RouteCaptureProbe().run(context("127.0.0.1:" + target.getLocalPort(), linux, wsl("nat", windows),
                    silentConnects(ProbeId.FROM_DISTRO)));
            ProbeData.RouteCapture d = (ProbeData.RouteCapture) r.data();
            assertThat(d.route()).isEqualTo(new WindowsRoute("198.18.1.0", 28, null, 23, 1));
            assertThat(d.routeAdapter()).isEqualTo(VPN);
            assertThat(d.wslRoute()).isEqualTo(new WindowsRoute("198.18.1.0", 24, null, 47, 256));
            assertThat(d.routedElsewhere()).isTrue();
            assertThat(d.fromWindows().result()).isEqualTo(ConnectResult.CONNECTED);
            assertThat(d.windowsReachesTarget()).isTrue();
            assertThat(r.parameters()).containsEntry(ProbeId.FROM, ProbeId.FROM_WINDOWS);
            assertThat(r.summary()).contains("through \"PANGP Virtual Ethernet Adapter\" (\"Ethernet 3\"), not WSL's adapter")
                    .endsWith("Windows itself reaches the target");
            assertThat(r.evidence()).extracting(e -> e.summary())
                    .contains("Windows' route for the distro's address 198.18.1.2: 198.18.1.0/28 metric 1 on "
                            + "\"PANGP Virtual Ethernet Adapter\" (\"Ethernet 3\") (index 23)");
        }
    }

    private static WindowsFacts windowsRouting(int adapterIndex) {
        return new WindowsFacts("WSL 2.3.26.0", null, "Ubuntu", 2, "", List.of(), Fact.known(List.of(WSL_ADAPTER, VPN)),
                Fact.known(List.of(new WindowsRoute("0.0.0.0", 0, "198.19.5.1", 9, 25), new WindowsRoute("198.18.1.0", 24, null, 47, 256),
                        new WindowsRoute("198.18.1.0", 28, null, adapterIndex, 1))), WSL_ADAPTER, null);
    }

    @Test
    void fromWindowsARouteThatTakesTheDistrosAddressStartsItWithTheTargetsChecks() throws Exception {
        DiagnosisRequest asked = new DiagnosisRequest(Target.parse("198.19.1.2:22"), List.of(), null, Duration.ofSeconds(1), null);
        RouteCaptureProbe probe = new RouteCaptureProbe();
        assertThat(probe.startsEarly(wsl("nat", windowsRouting(23)), asked, "198.19.1.2")).isTrue();
        assertThat(probe.startsEarly(wsl("nat", windowsRouting(47)), asked, "198.19.1.2")).as("WSL's own adapter wins").isFalse();
        assertThat(probe.startsEarly(wsl("mirrored", windowsRouting(23)), asked, "198.19.1.2")).as("no NAT network to take").isFalse();
        assertThat(probe.startsEarly(wsl("nat", null), asked, "198.19.1.2")).as("inside WSL: only silence tells").isFalse();
        assertThat(probe.startsEarly(wsl("nat", windowsRouting(23)), new DiagnosisRequest(null, List.of(), null, Duration.ofSeconds(1), null)
                .withWayOut(), null)).as("the way out: the default-gateway check's ping is taken instead").isFalse();

        // Started early it has no outcomes of the target's checks, and does its work all the same.
        try (ServerSocket target = new ServerSocket(0, 5, InetAddress.ofLiteral("127.0.0.1"))) {
            ScriptedLinux linux = distro().asDistro();
            ProbeReport r = probe.run(context("127.0.0.1:" + target.getLocalPort(), linux, wsl("nat", windowsRouting(23))));
            assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
            assertThat(linux.asked).containsExactly("ping -4 -n -c 1 -i 0.2 -W 1 -w 2 198.18.1.1", "ip -j neigh show to 198.18.1.1");
            assertThat(((ProbeData.RouteCapture) r.data()).routedElsewhere()).isTrue();
            assertThat(((ProbeData.RouteCapture) r.data()).windowsReachesTarget()).isTrue();
        }
    }

    @Test
    void itPingsNothingWhenAnythingAnsweredOrNothingWasSilent() throws Exception {
        ScriptedLinux linux = distro();
        ProbeOutcome answered = new ProbeOutcome(ProbeId.DSCP_CONNECT, "", ProbeStatus.COMPLETED, "", Map.of(), 0, 1,
                new ProbeData.MarkedConnects("198.19.1.2", 22, List.of(new ConnectAttempt(DscpClass.UNMARKED, ConnectResult.CONNECTED, 3, null))),
                List.of(), null);
        for (TestContext ctx : List.of(context("198.19.1.2:22", linux, wsl("nat", null), answered),
                context("198.19.1.2:22", linux, wsl("nat", null), silentConnects(null), completed(ProbeId.PING, new ProbeData.Ping("198.19.1.2", 3, 3, 0.2))),
                context(null, linux, wsl("nat", null)),
                context(null, linux, wsl("nat", null), completed(ProbeId.DEFAULT_GATEWAY, new ProbeData.Ping(GATEWAY, 3, 3, 0.1))))) {
            ProbeReport r = new RouteCaptureProbe().run(ctx);
            assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
            assertThat(r.summary()).startsWith("Not needed");
        }
        assertThat(linux.asked).as("a healthy run pays nothing").isEmpty();
    }

    @Test
    void whatCountsAsSilence() {
        assertThat(RouteCaptureProbe.nothingAnswered(List.of(silentConnects(null)), GATEWAY)).isTrue();
        assertThat(RouteCaptureProbe.nothingAnswered(List.of(silentConnects(ProbeId.FROM_WINDOWS)), GATEWAY))
                .as("a connect the app made on Windows says nothing of the distro's way out").isFalse();
        ProbeOutcome gatewayDnsSilent = completed(ProbeId.DNS_SERVERS, new ProbeData.DnsServers("example.com", List.of(GATEWAY),
                DnsPath.NAT_DNS_PROXY, true, List.of(new DnsReply(GATEWAY, DnsReply.Transport.UDP, DnsReply.Outcome.NO_ANSWER, List.of(), 1000, null))));
        assertThat(RouteCaptureProbe.nothingAnswered(List.of(gatewayDnsSilent), GATEWAY)).isTrue();
        ProbeOutcome tunnelledDnsAnswers = completed(ProbeId.DNS_SERVERS, new ProbeData.DnsServers("example.com", List.of("10.255.255.254"),
                DnsPath.NAT_DNS_PROXY, true, List.of(new DnsReply("10.255.255.254", DnsReply.Transport.UDP, DnsReply.Outcome.ANSWER,
                List.of("198.19.1.2"), 3, null))));
        assertThat(RouteCaptureProbe.nothingAnswered(List.of(tunnelledDnsAnswers), GATEWAY))
                .as("DNS tunnelling's answers do not come from the gateway: no silence, and no answer from it either").isFalse();
        assertThat(RouteCaptureProbe.nothingAnswered(List.of(silentConnects(null), tunnelledDnsAnswers), GATEWAY)).isTrue();
    }

    @Test
    void itSaysWhyItDoesNotRunOutsideNatMode() throws Exception {
        ScriptedLinux linux = distro();
        ProbeOutcome silent = silentConnects(null);
        assertThat(new RouteCaptureProbe().run(context("198.19.1.2:22", linux, wsl("mirrored", null), silent)).summary()).contains("mirrored mode");
        Environment notWsl = Environments.linux().wsl(new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of())).defaultGateway(GATEWAY).build();
        assertThat(new RouteCaptureProbe().run(context("198.19.1.2:22", linux, notWsl, silent)).status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(linux.asked).isEmpty();
    }
}
