// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsRoute;
import dev.netdoctor.testing.Environments;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VPN on Windows that takes WSL's traffic, as the vpn-capture lab shows it from Windows and
 * inside the distro, and the look-alikes that must keep their old verdicts: a machine that is
 * really off, a gateway whose link does not resolve, a Windows that does not reach the target.
 */
class RouteCaptureRulesTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final String DISTRO = "198.18.1.2";
    private static final String GATEWAY = "198.18.1.1";
    private static final WindowsInterface WSL_ADAPTER = new WindowsInterface(47, "vEthernet (WSL (Hyper-V firewall))",
            "Hyper-V Virtual Ethernet Adapter #2", 1500, true, List.of("198.18.1.1/24"));
    private static final WindowsInterface VPN = new WindowsInterface(23, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1400, true,
            List.of("198.19.200.7/32"));
    private static final WindowsRoute WSL_ROUTE = new WindowsRoute("198.18.1.0", 24, null, 47, 256);
    private static final WindowsRoute VPN_MORE_SPECIFIC = new WindowsRoute("198.18.1.0", 28, null, 23, 1);
    private static final WindowsRoute VPN_SAME_PREFIX = new WindowsRoute("198.18.1.0", 24, null, 23, 1);

    /** The target timed out from the distro, pings went unanswered: what the capture looks like to the other checks. */
    private static Scenarios silentTarget() {
        return new Scenarios("198.19.1.2").ping(false).route(true).connects(ConnectResult.TIMED_OUT, ConnectResult.TIMED_OUT);
    }

    private static ProbeData.RouteCapture seen(WindowsRoute route, WindowsInterface routeAdapter, ConnectResult fromWindows,
                                               int gatewayReplies, String linkState) {
        return new ProbeData.RouteCapture(DISTRO, GATEWAY, new ProbeData.Ping(GATEWAY, 3, gatewayReplies, null),
                linkState == null ? null : "00:15:5d:01:02:03", linkState, route, routeAdapter, route == null ? null : WSL_ROUTE,
                route == null ? null : WSL_ADAPTER,
                fromWindows == null ? null : new LocalConnect("198.19.1.2", "Windows itself", 22, fromWindows, 4, null));
    }

    private static Environment fromWindows(Scenarios s, String wslVersion) {
        WindowsFacts windows = new WindowsFacts(wslVersion, "10.0.26100.2605", "Ubuntu", 2, "", List.of(),
                Fact.known(List.of(WSL_ADAPTER, VPN)), Fact.known(List.of(WSL_ROUTE, VPN_MORE_SPECIFIC)), WSL_ADAPTER, null);
        return Environments.from(s.environment()).windows(windows).build();
    }

    private static List<Finding> diagnose(Scenarios s, Environment env, ProbeData.RouteCapture capture) {
        dev.netdoctor.model.ProbeOutcome o = Scenarios.outcome(ProbeId.ROUTE_CAPTURE, capture);
        s.outcomes.add(new dev.netdoctor.model.ProbeOutcome(o.probeId(), o.title(), o.status(), o.summary(), o.parameters(), o.startedAfterMillis(),
                o.durationMillis(), o.data(), List.of(dev.netdoctor.model.Evidence.of("seen by route-capture")), o.error()));
        return DIAGNOSER.diagnose(s.target, env, s.outcomes);
    }

    private static List<FindingId> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    private static Finding only(List<Finding> findings, FindingId id) {
        assertThat(ids(findings)).containsOnlyOnce(id);
        return findings.stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    private static FixSuggestion fix(Finding f, FixId id) {
        return f.fixes().stream().filter(x -> x.id() == id).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + f.fixes()));
    }

    @Test
    void fromWindowsTheVpnsMoreSpecificRouteIsTheCauseNamedWithItsAdapterAndAHostRouteBack() {
        Scenarios s = silentTarget();
        List<Finding> findings = diagnose(s, fromWindows(s, "WSL 2.3.26.0, WSL kernel 5.15.167.4-1, Windows 10.0.26100.2605"),
                seen(VPN_MORE_SPECIFIC, VPN, ConnectResult.CONNECTED, 0, "REACHABLE"));
        assertThat(ids(findings)).as("Windows reaches the target: not 'cannot be reached', and the silence is explained once")
                .containsExactly(FindingId.VPN_CAPTURES_WSL_TRAFFIC);
        Finding f = findings.getFirst();
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.title()).contains("\"PANGP Virtual Ethernet Adapter\" (\"Ethernet 3\")");
        assertThat(f.explanation()).contains("Windows itself reaches 198.19.1.2:22").contains("(198.18.1.2)")
                .contains("198.18.1.0/28 (metric 1) is more specific than WSL's own 198.18.1.0/24 (metric 256)")
                .contains("\"Hyper-V Virtual Ethernet Adapter #2\" (\"vEthernet (WSL (Hyper-V firewall))\")")
                .contains("not even a ping from its gateway 198.18.1.1");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_NETWORKING_MODE,
                FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY, FixId.WINDOWS_ROUTE_FOR_WSL);
        assertThat(fix(f, FixId.WSLCONFIG_NETWORKING_MODE).plan()).isEqualTo(new FixPlan.WslconfigSetting("wsl2.networkingMode", "mirrored"));
        assertThat(fix(f, FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY).plan())
                .isEqualTo(new FixPlan.WslconfigSetting("wsl2.networkingMode", "virtioproxy"));
        assertThat(fix(f, FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY).detail()).contains("your WSL (2.3.26)");
        FixSuggestion route = fix(f, FixId.WINDOWS_ROUTE_FOR_WSL);
        assertThat(route.plan()).isEqualTo(FixPlan.BY_HAND);
        assertThat(route.detail()).contains("New-NetRoute -DestinationPrefix 198.18.1.2/32 -InterfaceIndex 47 -PolicyStore ActiveStore.")
                .contains("Remove-NetRoute -DestinationPrefix 198.18.1.2/32 -InterfaceIndex 47 -PolicyStore ActiveStore -Confirm:$false")
                .contains("Some VPNs reset routes within seconds");
        assertThat(f.evidence()).extracting(dev.netdoctor.model.Evidence::summary).contains("seen by route-capture");
    }

    @Test
    void anEqualPrefixWithALowerMetricGetsTheMetricCommandAndTheModeNamedAsThatWslNamesIt() {
        Scenarios s = silentTarget();
        List<Finding> findings = diagnose(s, fromWindows(s, "WSL 2.9.1.0"), seen(VPN_SAME_PREFIX, VPN, ConnectResult.REFUSED, 0, "STALE"));
        Finding f = only(findings, FindingId.VPN_CAPTURES_WSL_TRAFFIC);
        assertThat(f.explanation()).contains("covers the same addresses as WSL's own 198.18.1.0/24 (metric 256) at a lower cost");
        assertThat(fix(f, FixId.WINDOWS_ROUTE_FOR_WSL).detail())
                .contains("Set-NetIPInterface -InterfaceIndex 47 -AddressFamily IPv4 -InterfaceMetric 1")
                .contains("Get-NetIPInterface -InterfaceIndex 47 -AddressFamily IPv4 | Select-Object InterfaceMetric")
                .doesNotContain("New-NetRoute");
        assertThat(fix(f, FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY).plan()).isEqualTo(new FixPlan.WslconfigSetting("wsl2.networkingMode", "consomme"));
    }

    @Test
    void aWslTooOldForVirtioproxyOrOneWhoseVersionIsUnknownIsNotOfferedIt() {
        for (String version : List.of("WSL 2.3.24.0", "wsl.exe --version gave no version (WSL older than 0.67, or an unusual output): x")) {
            Scenarios s = silentTarget();
            Finding f = only(diagnose(s, fromWindows(s, version), seen(VPN_MORE_SPECIFIC, VPN, ConnectResult.CONNECTED, 0, "REACHABLE")),
                    FindingId.VPN_CAPTURES_WSL_TRAFFIC);
            assertThat(f.fixes()).as(version).extracting(FixSuggestion::id).doesNotContain(FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY)
                    .contains(FixId.WSLCONFIG_NETWORKING_MODE);
        }
    }

    @Test
    void insideTheDistroAResolvedLinkWithNothingAnsweringIsTheGatewaysSilenceNeverAnUnreachableTarget() {
        Scenarios s = silentTarget();
        s.outcomes.add(Scenarios.outcome(ProbeId.DNS_SERVERS, new ProbeData.DnsServers("198.19.1.2", List.of(GATEWAY), DnsPath.NAT_DNS_PROXY, true,
                List.of(new DnsReply(GATEWAY, DnsReply.Transport.UDP, DnsReply.Outcome.NO_ANSWER, List.of(), 1000, null)))));
        List<Finding> findings = diagnose(s, s.environment(), seen(null, null, null, 0, "REACHABLE"));
        assertThat(ids(findings)).containsExactly(FindingId.GATEWAY_SILENT);
        Finding f = findings.getFirst();
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.title()).isEqualTo("Windows answers nothing at all to WSL");
        assertThat(f.explanation()).contains("finds its gateway 198.18.1.1").contains("link address 00:15:5d:01:02:03")
                .contains("nothing else answered either: no connection to 198.19.1.2:22 and no ping, nor the DNS proxy on 198.18.1.1")
                .contains("a VPN on Windows that routes WSL's addresses into its tunnel")
                .contains("Run WSL Net Doctor on Windows");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_NETWORKING_MODE, FixId.WINDOWS_ROUTE_FOR_WSL);
        assertThat(fix(f, FixId.WINDOWS_ROUTE_FOR_WSL).detail()).contains("Find-NetRoute -RemoteIPAddress 198.18.1.2")
                .contains("New-NetRoute -DestinationPrefix 198.18.1.2/32 -InterfaceIndex (Get-NetIPAddress -IPAddress 198.18.1.1).InterfaceIndex");
    }

    @Test
    void withoutATargetTheWayOutsSilenceIsTheGatewaysToo() {
        Scenarios s = new Scenarios("198.19.1.2");
        List<dev.netdoctor.model.ProbeOutcome> outcomes = List.of(
                Scenarios.outcome(ProbeId.DEFAULT_GATEWAY, new ProbeData.Ping(GATEWAY, 3, 0, null)),
                Scenarios.outcome(ProbeId.ROUTE_CAPTURE, seen(null, null, null, 0, "DELAY")));
        assertThat(ids(DIAGNOSER.diagnose(null, s.environment(), outcomes))).containsExactly(FindingId.GATEWAY_SILENT);
    }

    @Test
    void aLinkThatDoesNotResolveKeepsTheOldVerdict() {
        Scenarios s = silentTarget();
        assertThat(ids(diagnose(s, s.environment(), seen(null, null, null, 0, "FAILED")))).containsExactly(FindingId.HOST_UNREACHABLE);
        Scenarios noLink = silentTarget();
        assertThat(ids(diagnose(noLink, noLink.environment(), seen(null, null, null, 0, null)))).containsExactly(FindingId.HOST_UNREACHABLE);
    }

    @Test
    void aGatewayThatAnswersIsNoSilenceAndTheTargetIsUnreachableAsBefore() {
        Scenarios s = silentTarget();
        assertThat(ids(diagnose(s, s.environment(), seen(null, null, null, 3, "REACHABLE")))).containsExactly(FindingId.HOST_UNREACHABLE);
    }

    @Test
    void withoutTheCheckTheOldVerdictStands() {
        Scenarios s = silentTarget();
        assertThat(ids(DIAGNOSER.diagnose(s.target, s.environment(), s.outcomes))).containsExactly(FindingId.HOST_UNREACHABLE);
    }

    @Test
    void whenWindowsDoesNotReachTheTargetEitherTheRouteIsNoProofButTheSilenceIsSaid() {
        Scenarios s = silentTarget();
        List<Finding> findings = diagnose(s, fromWindows(s, "WSL 2.3.26.0"), seen(VPN_MORE_SPECIFIC, VPN, ConnectResult.TIMED_OUT, 0, "REACHABLE"));
        assertThat(ids(findings)).containsExactly(FindingId.GATEWAY_SILENT);
    }

    @Test
    void whenWindowsRoutesTheDistroToWslsAdapterTheSilenceLooksForAFirewall() {
        Scenarios s = silentTarget();
        Finding f = only(diagnose(s, fromWindows(s, "WSL 2.3.26.0"), seen(WSL_ROUTE, WSL_ADAPTER, ConnectResult.CONNECTED, 0, "REACHABLE")),
                FindingId.GATEWAY_SILENT);
        assertThat(f.explanation()).contains("look for a firewall or security program on Windows").doesNotContain("Run WSL Net Doctor on Windows");
        assertThat(f.fixes()).extracting(FixSuggestion::id).contains(FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY);
    }

    @Test
    void anAnswerFromTheTargetMeansNothingIsCaptured() {
        Scenarios s = new Scenarios("198.19.1.2").ping(false).route(true).connects(ConnectResult.REFUSED, ConnectResult.REFUSED);
        assertThat(ids(diagnose(s, fromWindows(s, "WSL 2.3.26.0"), seen(VPN_MORE_SPECIFIC, VPN, ConnectResult.CONNECTED, 0, "REACHABLE"))))
                .containsExactly(FindingId.PORT_REFUSED);
    }
}
