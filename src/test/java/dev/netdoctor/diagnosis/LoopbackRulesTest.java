// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeData.Vantage.HostKeyStatus;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackRulesTest {
    private final Diagnoser diagnoser = new Diagnoser();
    private final Environment env = new Scenarios("198.18.2.2").environment();

    private static LocalConnect connect(String address, int port, ConnectResult r) {
        return new LocalConnect(address, address.startsWith("127.0.0.1") ? "loopback" : "address", port, r, r == ConnectResult.TIMED_OUT ? 600 : 1, null);
    }

    private static RouteLookup tcpRoute(String address, Integer port, String device, String table) {
        return new RouteLookup(address, "tcp", port, device, device.equals("lo") ? null : "169.254.73.2", address, table, null, null);
    }

    /** Observations shaped like mirrored mode: 127.0.0.1 and the own address leave through some non-lo device. */
    private static List<ProbeOutcome> mirrored(String device, ConnectResult failure, boolean withService) {
        List<ProbeOutcome> o = new ArrayList<>();
        o.add(Scenarios.outcome(ProbeId.LOOPBACK_SELF_TEST, new ProbeData.LoopbackSelfTest(40000, List.of(
                connect("127.0.0.1", 40000, failure), connect("198.18.2.2", 40000, failure), connect("127.0.0.2", 40000, ConnectResult.CONNECTED)))));
        List<RouteLookup> routes = new ArrayList<>(List.of(
                new RouteLookup("127.0.0.1", null, null, "lo", null, "127.0.0.1", "local", "local", null),
                tcpRoute("127.0.0.1", null, device, "127"), tcpRoute("198.18.2.2", null, device, "128"),
                tcpRoute("127.0.0.2", null, "lo", "local")));
        if (withService) {
            routes.add(tcpRoute("127.0.0.1", 8443, device, "127"));
            TcpConnection socat = new TcpConnection("LISTEN", "0.0.0.0", 8443, "0.0.0.0", 0, 321, "socat", "socat TCP-LISTEN:8443", 0, false);
            o.add(Scenarios.outcome(ProbeId.SERVICE_PORTS, new ProbeData.ServicePorts(List.of(new ServicePort(8443, List.of(socat), List.of(
                    connect("127.0.0.1", 8443, failure), connect("198.18.2.2", 8443, failure), connect("127.0.0.2", 8443, ConnectResult.CONNECTED)))))));
        }
        o.add(Scenarios.outcome(ProbeId.LOCAL_ROUTES, new ProbeData.Routes(routes, List.of(
                new PolicyRule(1, "iif lo ipproto tcp dst 127.0.0.1", "lookup 127"), new PolicyRule(100, "", "lookup local")))));
        return o;
    }

    @Test
    void oneCauseOneCardAFailureOnLoBesideTheRedirectIsPartOfIt() {
        List<ProbeOutcome> o = mirrored("loopback0", ConnectResult.REFUSED, true);
        // ::1 refused too, although its route stays on lo
        o.replaceAll(x -> x.probeId().equals(ProbeId.LOOPBACK_SELF_TEST) ? Scenarios.outcome(ProbeId.LOOPBACK_SELF_TEST, new ProbeData.LoopbackSelfTest(40000,
                List.of(connect("127.0.0.1", 40000, ConnectResult.REFUSED), connect("198.18.2.2", 40000, ConnectResult.REFUSED),
                        connect("127.0.0.2", 40000, ConnectResult.CONNECTED), connect("::1", 40000, ConnectResult.REFUSED)))) : x);
        ProbeData.Routes routes = (ProbeData.Routes) o.getLast().data();
        List<RouteLookup> more = new ArrayList<>(routes.lookups());
        more.add(tcpRoute("::1", null, "lo", "local"));
        o.set(o.size() - 1, Scenarios.outcome(ProbeId.LOCAL_ROUTES, new ProbeData.Routes(more, routes.rules())));
        List<Finding> findings = diagnoser.diagnose(null, env, o);
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.LOOPBACK_REDIRECTED);
        assertThat(findings.getFirst().evidence()).extracting(e -> e.summary()).anyMatch(s -> s.startsWith("Also failed, though its route stays on lo:"));
    }

    @Test
    void onPlainLinuxNoWslSettingIsOffered() {
        Scenarios plain = new Scenarios("198.18.2.2");
        plain.wsl = new dev.netdoctor.model.WslFacts(dev.netdoctor.model.WslFacts.Kind.NOT_WSL, null, null, "no WSL", List.of());
        Finding f = diagnoser.diagnose(null, plain.environment(), mirrored("loopback0", ConnectResult.REFUSED, true)).getFirst();
        assertThat(f.fixes()).extracting(x -> x.id()).containsExactly(FixId.USE_OTHER_LOOPBACK, FixId.BIND_SERVICE_TO_INTERFACE, FixId.REVERSE_PROXY,
                FixId.TEST_FROM_ANOTHER_HOST);
        Finding wsl = diagnoser.diagnose(null, env, mirrored("loopback0", ConnectResult.REFUSED, true)).getFirst();
        assertThat(wsl.fixes()).extracting(x -> x.id()).startsWith(FixId.USE_OTHER_LOOPBACK)
                .contains(FixId.WSLCONFIG_HOST_ADDRESS_LOOPBACK, FixId.WSLCONFIG_NETWORKING_MODE);
    }

    @Test
    void aLocalConnectThatLeavesThroughAnotherInterfaceIsTheLoopbackTrap() {
        List<Finding> findings = diagnoser.diagnose(null, env, mirrored("loopback0", ConnectResult.REFUSED, true));
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.LOOPBACK_REDIRECTED);
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.title()).isEqualTo("Port 8443 can't be reached through 127.0.0.1 and 198.18.2.2 from inside WSL");
        assertThat(f.explanation()).contains("Your service on port 8443, socat (pid 321), is fine").doesNotContain("loopback0").contains("on to Windows").contains("whether other machines reach it was not checked")
                .contains("WSL's mirrored networking").contains("Ping still works");
        assertThat(f.evidence()).extracting(e -> e.summary())
                .anyMatch(s -> s.contains("routes TCP for 127.0.0.1 out of loopback0 via 169.254.73.2, table 127"))
                .anyMatch(s -> s.contains("Policy rule 1: iif lo ipproto tcp dst 127.0.0.1 → lookup 127"))
                .anyMatch(s -> s.contains("127.0.0.2 reaches the same listener"));
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.USE_OTHER_LOOPBACK, FixId.WSLCONFIG_NETWORKING_MODE,
                FixId.WSLCONFIG_HOST_ADDRESS_LOOPBACK, FixId.BIND_SERVICE_TO_INTERFACE, FixId.REVERSE_PROXY, FixId.TEST_FROM_ANOTHER_HOST);
    }

    @Test
    void theShapeMattersNotTheNames() {
        // Another WSL release could name the interface differently and use other tables: same finding.
        assertThat(diagnoser.diagnose(null, env, mirrored("mirror7", ConnectResult.TIMED_OUT, false)))
                .extracting(Finding::id).containsExactly(FindingId.LOOPBACK_REDIRECTED);
    }

    @Test
    void aHangIsTreatedLikeARefusal() {
        Finding f = diagnoser.diagnose(null, env, mirrored("loopback0", ConnectResult.TIMED_OUT, true)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.LOOPBACK_REDIRECTED);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("not answered"));
    }

    @Test
    void theOutsideViewIsPartOfTheStory() {
        List<ProbeOutcome> o = mirrored("loopback0", ConnectResult.REFUSED, true);
        o.add(Scenarios.outcome(ProbeId.OUTSIDE_VANTAGE, new ProbeData.Vantage("root", "198.18.2.3", 22, "SHA256:x", HostKeyStatus.ACCEPTED_BY_FINGERPRINT,
                true, List.of(new VantageCheck("198.18.2.2", 8443, true, "bash", "netdoctor-result reachable bash")), null)));
        Finding f = diagnoser.diagnose(null, env, o).getFirst();
        assertThat(f.explanation()).contains("Other machines can reach it: we checked from 198.18.2.3");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.summary()).isEqualTo("From 198.18.2.3, 198.18.2.2:8443 is reachable (bash)"));
    }

    @Test
    void aFailureThatStaysOnLoIsNotBlamedOnWsl() {
        List<ProbeOutcome> o = mirrored("lo", ConnectResult.REFUSED, false);
        List<Finding> findings = diagnoser.diagnose(null, env, o);
        assertThat(findings).extracting(Finding::id).contains(FindingId.LOCAL_CONNECT_BLOCKED).doesNotContain(FindingId.LOOPBACK_REDIRECTED);
    }

    @Test
    void healthyLoopbackRaisesNothing() {
        List<ProbeOutcome> o = mirrored("lo", ConnectResult.CONNECTED, true);
        assertThat(diagnoser.diagnose(null, env, o)).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
    }

    @Test
    void aPortNobodyListensOnIsSaidPlainly() {
        List<ProbeOutcome> o = List.of(Scenarios.outcome(ProbeId.SERVICE_PORTS, new ProbeData.ServicePorts(List.of(
                new ServicePort(9000, List.of(), List.of(connect("127.0.0.1", 9000, ConnectResult.REFUSED)))))));
        assertThat(diagnoser.diagnose(null, env, o)).extracting(Finding::id).containsExactly(FindingId.SERVICE_NOT_LISTENING);
    }

    @Test
    void anUnknownVantageKeyAsksForConfirmationWithItsFingerprint() {
        String fp = "SHA256:" + "A".repeat(43);
        List<ProbeOutcome> o = List.of(Scenarios.outcome(ProbeId.OUTSIDE_VANTAGE, new ProbeData.Vantage("root", "198.18.2.3", 22, fp,
                HostKeyStatus.UNKNOWN, false, List.of(), "not in known_hosts; run again with --accept-host-key " + fp)));
        Finding f = diagnoser.diagnose(null, env, o).stream().filter(x -> x.id().equals(FindingId.VANTAGE_HOST_KEY_UNCONFIRMED)).findFirst().orElseThrow();
        assertThat(f.explanation()).contains("--accept-host-key " + fp);
    }

    /** Replaces 127.0.0.2's connects in the mirrored observations by ones with this result. */
    private static List<ProbeOutcome> with127002(List<ProbeOutcome> o, ConnectResult r) {
        List<ProbeOutcome> out = new ArrayList<>();
        for (ProbeOutcome x : o) {
            if (x.data() instanceof ProbeData.LoopbackSelfTest t) {
                out.add(Scenarios.outcome(x.probeId(), new ProbeData.LoopbackSelfTest(t.port(), t.connects().stream()
                        .map(c -> c.address().equals("127.0.0.2") ? connect(c.address(), c.port(), r) : c).toList())));
            } else if (x.data() instanceof ProbeData.ServicePorts s) {
                out.add(Scenarios.outcome(x.probeId(), new ProbeData.ServicePorts(s.ports().stream().map(p -> new ServicePort(p.port(), p.listeners(),
                        p.connects().stream().map(c -> c.address().equals("127.0.0.2") ? connect(c.address(), c.port(), r) : c).toList())).toList())));
            } else {
                out.add(x);
            }
        }
        return out;
    }

    @Test
    void ifOtherLoopbackAddressesFailTooUsing127002IsNotOffered() {
        for (ConnectResult failure : List.of(ConnectResult.REFUSED, ConnectResult.TIMED_OUT)) {
            List<Finding> findings = diagnoser.diagnose(null, env, with127002(mirrored("loopback0", ConnectResult.REFUSED, true), failure));
            Finding f = findings.stream().filter(x -> x.id().equals(FindingId.LOOPBACK_REDIRECTED)).findFirst().orElseThrow();
            assertThat(f.fixes()).extracting(FixSuggestion::id).doesNotContain(FixId.USE_OTHER_LOOPBACK)
                    .startsWith(FixId.WSLCONFIG_NETWORKING_MODE);
            assertThat(f.fixes()).extracting(FixSuggestion::title).noneMatch(t -> t.contains("127.0.0.2"));
            assertThat(f.evidence()).noneSatisfy(e -> assertThat(e.summary()).contains("127.0.0.2 reaches"));
        }
    }

    @Test
    void the127002FixSaysWhereToConnect() {
        Finding f = diagnoser.diagnose(null, env, mirrored("loopback0", ConnectResult.REFUSED, true)).getFirst();
        FixSuggestion use = f.fixes().getFirst();
        assertThat(use.id()).isEqualTo(FixId.USE_OTHER_LOOPBACK);
        assertThat(use.title()).isEqualTo("Use 127.0.0.2 for local tests");
        assertThat(use.detail()).contains("connect to 127.0.0.2:8443 instead of 127.0.0.1:8443");
    }

    /** The mirrored observations as a plain user sees them: the service belongs to another user, so its program is not known. */
    private static List<ProbeOutcome> ownerUnknown(List<ProbeOutcome> o) {
        return o.stream().map(x -> x.data() instanceof ProbeData.ServicePorts s ? Scenarios.outcome(x.probeId(), new ProbeData.ServicePorts(
                s.ports().stream().map(p -> new ServicePort(p.port(), p.listeners().stream().map(l -> new TcpConnection(l.state(), l.localAddress(),
                        l.localPort(), l.remoteAddress(), l.remotePort(), -1, null, null, 0, false)).toList(), p.connects())).toList())) : x).toList();
    }

    @Test
    void whatKeepsLocalTestsIsRecommendedFirstAndGivingThemUpComesLater() {
        // 127.0.0.2 fails too: on WSL the first fix (the wizard's recommended one) is the mode in which 127.0.0.1 stays local.
        Finding f = diagnoser.diagnose(null, env, with127002(mirrored("loopback0", ConnectResult.REFUSED, true), ConnectResult.REFUSED)).getFirst();
        assertThat(f.fixes().getFirst().id()).isEqualTo(FixId.WSLCONFIG_NETWORKING_MODE);
        assertThat(f.fixes().getFirst().detail()).contains("127.0.0.1 stays inside Linux");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsSubsequence(FixId.WSLCONFIG_NETWORKING_MODE, FixId.BIND_SERVICE_TO_INTERFACE);
        // Binding to the network address says what it gives up, and names the address and the program.
        FixSuggestion bind = f.fixes().stream().filter(x -> x.id() == FixId.BIND_SERVICE_TO_INTERFACE).findFirst().orElseThrow();
        assertThat(bind.title()).isEqualTo("Only if no program here needs it: bind the service to 198.18.2.2");
        assertThat(bind.detail()).contains("bind socat (pid 321) to 198.18.2.2 instead of 0.0.0.0").contains("they connect to 198.18.2.2:8443")
                .contains("gives up local tests").doesNotContain("by design");
        FixSuggestion elsewhere = f.fixes().stream().filter(x -> x.id() == FixId.TEST_FROM_ANOTHER_HOST).findFirst().orElseThrow();
        assertThat(elsewhere.detail()).contains("curl http://198.18.2.2:8443/").doesNotContain("<this address>");
    }

    @Test
    void anAddressThatWorksFromHereIsSaidToWork() {
        List<ProbeOutcome> o = mirrored("loopback0", ConnectResult.REFUSED, true).stream().map(x -> x.data() instanceof ProbeData.ServicePorts s
                ? Scenarios.outcome(x.probeId(), new ProbeData.ServicePorts(s.ports().stream().map(p -> new ServicePort(p.port(), p.listeners(),
                        p.connects().stream().map(c -> c.address().equals("198.18.2.2") ? connect(c.address(), c.port(), ConnectResult.CONNECTED) : c)
                                .toList())).toList())) : x).toList();
        FixSuggestion bind = diagnoser.diagnose(null, env, o).getFirst().fixes().stream()
                .filter(x -> x.id() == FixId.BIND_SERVICE_TO_INTERFACE).findFirst().orElseThrow();
        assertThat(bind.detail()).contains("connects to 198.18.2.2:8443, which works from this computer too");
    }

    @Test
    void aServiceWhoseProgramWeCannotSeeIsNotCalledUnknownProcess() {
        Finding f = diagnoser.diagnose(null, env, ownerUnknown(mirrored("loopback0", ConnectResult.REFUSED, true))).getFirst();
        assertThat(f.explanation()).startsWith("Your service on port 8443 is fine and listening").doesNotContain("unknown process");
        assertThat(f.evidence()).extracting(e -> e.summary()).noneMatch(s -> s.contains("unknown process"))
                .anyMatch(s -> s.startsWith("A program on port 8443 listens, but a connect through 127.0.0.1"));
        assertThat(f.fixes()).extracting(FixSuggestion::detail).noneMatch(d -> d.contains("unknown process"))
                .anyMatch(d -> d.contains("bind the program listening on port 8443 to 198.18.2.2"));
    }
}
