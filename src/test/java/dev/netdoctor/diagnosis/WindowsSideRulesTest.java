// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RelayConnect;
import dev.netdoctor.model.RelayPort;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsProcess;
import dev.netdoctor.model.WindowsService;
import dev.netdoctor.testing.Environments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows and WSL reaching each other, decided from what each side showed: the shapes of
 * windows-side.md §2.A-C, one per test, and the look-alikes that must not raise them.
 */
class WindowsSideRulesTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final int APP = 3000;
    private static final int DB = 5432;
    private static final WindowsInterface WSL_ADAPTER = new WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter #2",
            1500, true, List.of("198.18.1.1/24"));
    private static final WindowsInterface WIFI = new WindowsInterface(9, "Wi-Fi", "Intel Wi-Fi 6E", 1500, true, List.of("198.19.5.20/24"));
    private static final WindowsProcess RELAY = new WindowsProcess(7100, "wslrelay", "wslrelay.exe --mode 1 --vm-id {0A} --handle 2");

    // ---- fixtures ----------------------------------------------------------------------------

    private static WindowsPolicy policy(List<WindowsPolicy.FirewallProfile> profiles, List<WindowsPolicy.PortRange> excluded,
                                        List<WindowsPolicy.PortProxy> proxies, String ipHelper, WindowsPolicy.HyperVFirewall hyperV) {
        return new WindowsPolicy(Fact.known(profiles), Fact.known(List.of(new WindowsPolicy.NetworkProfile("vEthernet (WSL)", "Public"))),
                hyperV == null ? Fact.unknown("not on this Windows (the Hyper-V firewall came with Windows 11 22H2)") : Fact.known(hyperV),
                Fact.known(excluded), Fact.known(proxies), Fact.known(ipHelper), Fact.known(List.of()), Fact.unknown("no answer"),
                Fact.known(List.of()), Fact.known(new WindowsPolicy.PowerShellRun("5.1.26100", "FullLanguage", 700)));
    }

    private static final WindowsPolicy.FirewallProfile PUBLIC_ON = new WindowsPolicy.FirewallProfile("Public", true, "Block", true, true, null, null);

    private static WindowsPolicy stock() {
        return policy(List.of(PUBLIC_ON), List.of(), List.of(), "Running", null);
    }

    private static Environment fromWindows(WindowsPolicy policy, String mode) {
        WindowsFacts windows = new WindowsFacts("WSL version: 2.6.1.0", "10.0.26100", "Ubuntu", 2, "", List.of(),
                Fact.known(List.of(WSL_ADAPTER, WIFI)), Fact.known(List.of()), "mirrored".equals(mode) ? null : WSL_ADAPTER, policy);
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", mode))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .defaultGateway("198.18.1.1").windows(windows).build();
    }

    private static Environment insideWsl() {
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .defaultGateway("198.18.1.1").build();
    }

    private static TcpConnection distroListener(String address, int port) {
        return new TcpConnection(TcpConnection.LISTEN, address, port, "0.0.0.0", 0, 321, "node", "node server.js", 0, false, false);
    }

    private static TcpConnection windowsListener(String address, int port, String name, int pid) {
        return new TcpConnection(TcpConnection.LISTEN, address, port, "0.0.0.0", 0, pid, name, null, 0, false, true);
    }

    private static RelayConnect works(String address) {
        return new RelayConnect(address, address, ConnectResult.CONNECTED, false, 1, null);
    }

    private static RelayConnect refused(String address) {
        return new RelayConnect(address, address, ConnectResult.REFUSED, false, 1, "Connection refused");
    }

    private static ProbeOutcome outcome(ProbeId id, ProbeData data) {
        return new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, "done", Map.of(), 0, 5, data, List.of(), null);
    }

    private static ProbeOutcome relay(boolean fromWindows, RelayPort port) {
        return outcome(ProbeId.LOCALHOST_RELAY, new ProbeData.LocalhostRelay(fromWindows, List.of(port)));
    }

    private static List<Finding> diagnose(Environment env, ProbeOutcome... outcomes) {
        return DIAGNOSER.diagnose(null, env, List.of(outcomes));
    }

    private static List<FindingId> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    // ---- Windows → WSL localhost -------------------------------------------------------------

    @Test
    void aWorkingRelayIsNoProblem() {
        RelayPort p = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)), List.of(windowsListener("127.0.0.1", APP, "wslrelay", 7100)),
                List.of(works("127.0.0.1"), refused("::1"), works("198.18.1.2")), List.of(RELAY), "198.18.1.2");
        List<Finding> findings = diagnose(fromWindows(stock(), "nat"), relay(true, p));
        assertThat(ids(findings)).containsExactly(FindingId.ENVIRONMENT_ONLY);
        // the all-clear says the question's answer first, in the symptom's words
        assertThat(findings.getFirst().title()).startsWith("Windows' localhost:3000 reaches your app in WSL");
        // inside WSL the same listener is only half the answer: the all-clear says what needs Windows
        RelayPort inside = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)), List.of(), List.of(), List.of(), "198.18.1.2");
        Finding half = diagnose(insideWsl(), relay(false, inside)).getFirst();
        assertThat(half.title()).doesNotContain("localhost:3000");
        assertThat(half.explanation()).contains("needs WSL Net Doctor run on Windows");
    }

    @Test
    void anIpv4RefusalByAListenerOnColonColonOnlyIsNoLocalBlock() {
        dev.netdoctor.model.ServicePort v6 = new dev.netdoctor.model.ServicePort(APP, List.of(distroListener("::", APP)),
                List.of(new LocalConnect("127.0.0.1", "loopback", APP, ConnectResult.REFUSED, 1, "Connection refused"),
                        new LocalConnect("::1", "IPv6 loopback", APP, ConnectResult.CONNECTED, 1, null)));
        ProbeOutcome ports = outcome(ProbeId.SERVICE_PORTS, new ProbeData.ServicePorts(List.of(v6)));
        ProbeOutcome routes = outcome(ProbeId.LOCAL_ROUTES, new ProbeData.Routes(List.of(
                new dev.netdoctor.model.RouteLookup("127.0.0.1", "tcp", APP, "lo", null, "127.0.0.1", "local", "local", null)), List.of()));
        assertThat(ids(diagnose(insideWsl(), ports, routes))).doesNotContain(FindingId.LOCAL_CONNECT_BLOCKED);
        // the same refusal with a listener on 0.0.0.0 is a block
        dev.netdoctor.model.ServicePort v4 = new dev.netdoctor.model.ServicePort(APP, List.of(distroListener("0.0.0.0", APP)), v6.connects());
        assertThat(ids(diagnose(insideWsl(), outcome(ProbeId.SERVICE_PORTS, new ProbeData.ServicePorts(List.of(v4))), routes)))
                .contains(FindingId.LOCAL_CONNECT_BLOCKED);
    }

    @Test
    void aListenerOnTheDistrosOwnAddressIsNotRelayedAndTheWorkingAddressesAreSaid() {
        RelayPort p = new RelayPort(APP, List.of(distroListener("198.18.1.2", APP)), List.of(),
                List.of(refused("127.0.0.1"), refused("::1"), works("198.18.1.2")), List.of(RELAY), "198.18.1.2");
        Finding f = diagnose(fromWindows(stock(), "nat"), relay(true, p)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.LOCALHOST_NOT_RELAYED);
        assertThat(f.explanation()).contains("198.18.1.2").contains("0.0.0.0 or 127.0.0.1").contains("http://198.18.1.2:3000/");
        assertThat(f.fixes()).extracting(s -> s.id()).containsExactly(FixId.BIND_SERVICE_FOR_RELAY);
        assertThat(f.fixes().getFirst().detail()).contains("0.0.0.0").contains("3000");
    }

    @Test
    void insideWslTheUnrelayedAddressIsToldAndTheRestIsLeftToTheWindowsApp() {
        RelayPort eth0 = new RelayPort(APP, List.of(distroListener("198.18.1.2", APP)), List.of(), List.of(), List.of(), "198.18.1.2");
        assertThat(ids(diagnose(insideWsl(), relay(false, eth0)))).containsExactly(FindingId.LOCALHOST_NOT_RELAYED);
        RelayPort wildcard = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)), List.of(), List.of(), List.of(), "198.18.1.2");
        Finding f = diagnose(insideWsl(), relay(false, wildcard)).getFirst();
        assertThat(f.id()).isNotEqualTo(FindingId.LOCALHOST_RELAY_BROKEN).isNotEqualTo(FindingId.WINDOWS_PORT_TAKEN);
    }

    @Test
    void anotherWindowsProgramOnTheLoopbackAddressIsNamedWithItsPid() {
        RelayPort p = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)), List.of(windowsListener("127.0.0.1", APP, "node", 4242)),
                List.of(works("127.0.0.1"), refused("::1"), works("198.18.1.2")), List.of(RELAY), "198.18.1.2");
        Finding f = diagnose(fromWindows(stock(), "nat"), relay(true, p)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.WINDOWS_PORT_TAKEN);
        assertThat(f.title()).contains("node (pid 4242)");
        assertThat(f.fixes()).extracting(s -> s.id()).containsExactly(FixId.USE_ANOTHER_PORT, FixId.RESTART_WSL);
    }

    @Test
    void aWindowsWildcardListenerBesideTheRelaysOwnIsShadowingNotATakenPort() {
        RelayPort p = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)),
                List.of(windowsListener("0.0.0.0", APP, "com.docker.backend", 900), windowsListener("127.0.0.1", APP, "wslrelay", 7100)),
                List.of(works("127.0.0.1"), refused("::1")), List.of(RELAY), "198.18.1.2");
        assertThat(ids(diagnose(fromWindows(stock(), "nat"), relay(true, p)))).doesNotContain(FindingId.WINDOWS_PORT_TAKEN);
    }

    @Test
    void anIpv6OnlyListenerIsToldApartAndSaysThatIpv6Works() {
        RelayPort p = new RelayPort(APP, List.of(distroListener("::", APP)), List.of(windowsListener("::1", APP, "wslrelay", 7100)),
                List.of(refused("127.0.0.1"), works("::1")), List.of(RELAY), "198.18.1.2");
        Finding f = diagnose(fromWindows(stock(), "nat"), relay(true, p)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.LOCALHOST_IPV6_ONLY);
        assertThat(f.explanation()).contains("[::1]:3000").contains("we checked");
    }

    @Test
    void aPortInsideAnExcludedRangeIsReservedNotBroken() {
        WindowsPolicy reserved = policy(List.of(PUBLIC_ON), List.of(new WindowsPolicy.PortRange("ipv4", 2950, 3049, false)), List.of(), "Running", null);
        RelayPort p = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)), List.of(), List.of(refused("127.0.0.1"), refused("::1")),
                List.of(RELAY), "198.18.1.2");
        Finding f = diagnose(fromWindows(reserved, "nat"), relay(true, p)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.WINDOWS_PORT_RESERVED);
        assertThat(f.explanation()).contains("2950").contains("3049");
        // the same without the range: the relay did not take the port
        assertThat(diagnose(fromWindows(stock(), "nat"), relay(true, p)).getFirst().id()).isEqualTo(FindingId.LOCALHOST_RELAY_BROKEN);
    }

    @Test
    void localhostForwardingOffComesFirstAndOffersTheSafeSettingFix() {
        ProbeData.ConfigFiles off = new ProbeData.ConfigFiles(List.of(dev.netdoctor.probe.config.ConfigFilesProbe.checked(
                dev.netdoctor.config.ConfigFileKind.WSLCONFIG, "/mnt/c/Users/me/.wslconfig",
                "[wsl2]\nlocalhostForwarding=false\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        RelayPort p = new RelayPort(APP, List.of(distroListener("0.0.0.0", APP)), List.of(), List.of(refused("127.0.0.1"), refused("::1")),
                List.of(), "198.18.1.2");
        Finding f = diagnose(fromWindows(stock(), "nat"), relay(true, p), outcome(ProbeId.CONFIG_FILES, off)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.LOCALHOST_FORWARDING_OFF);
        assertThat(f.fixes().getFirst().plan()).isEqualTo(new FixPlan.WslconfigSetting("wsl2.localhostForwarding", "true"));
        assertThat(f.fixes()).extracting(s -> s.id()).containsExactly(FixId.WSLCONFIG_LOCALHOST_FORWARDING, FixId.RESTART_WSL);
    }

    @Test
    void aRelayThatAcceptsAndClosesAtOnceIsBrokenWithHighConfidence() {
        RelayPort p = new RelayPort(APP, List.of(distroListener("127.0.0.1", APP)), List.of(windowsListener("127.0.0.1", APP, "wslrelay", 7100)),
                List.of(new RelayConnect("127.0.0.1", "l", ConnectResult.CONNECTED, true, 1, null), refused("::1")), List.of(RELAY), "198.18.1.2");
        Finding f = diagnose(fromWindows(stock(), "nat"), relay(true, p)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.LOCALHOST_RELAY_BROKEN);
        assertThat(f.explanation()).contains("closes it at once");
        assertThat(f.fixes()).extracting(s -> s.id()).containsExactly(FixId.RESTART_WSL);
    }

    // ---- WSL → a program on Windows ----------------------------------------------------------

    private static LocalConnect connect(String address, ConnectResult r) {
        return new LocalConnect(address, "x", DB, r, r == ConnectResult.TIMED_OUT ? 3000 : 2, r == ConnectResult.CONNECTED ? null : "error");
    }

    private static ProbeOutcome service(boolean fromWindows, WindowsService s) {
        return outcome(ProbeId.WINDOWS_SERVICE, new ProbeData.WindowsServices(fromWindows, List.of(s)));
    }

    @Test
    void aWindowsProgramOnEveryAddressThatWslReachesIsNoProblem() {
        WindowsService s = new WindowsService(DB, "198.18.1.1", List.of(windowsListener("0.0.0.0", DB, "postgres", 5100)),
                connect("198.18.1.1", ConnectResult.CONNECTED), connect("198.18.1.1", ConnectResult.CONNECTED), null);
        assertThat(ids(diagnose(fromWindows(stock(), "nat"), service(true, s)))).containsExactly(FindingId.ENVIRONMENT_ONLY);
    }

    @Test
    void aWindowsProgramOnLoopbackOnlyIsToldWithTheAdapterAddressToBindTo() {
        WindowsService s = new WindowsService(DB, "198.18.1.1", List.of(windowsListener("127.0.0.1", DB, "postgres", 5100)),
                connect("198.18.1.1", ConnectResult.TIMED_OUT), connect("198.18.1.1", ConnectResult.TIMED_OUT), null);
        Finding f = diagnose(fromWindows(stock(), "nat"), service(true, s)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.WINDOWS_SERVICE_LOOPBACK_ONLY);
        assertThat(f.explanation()).contains("On Windows, postgres (pid 5100) listens on 127.0.0.1:5432 only").contains("198.18.1.1");
        assertThat(f.fixes().getFirst().detail()).contains("198.18.1.1");
        assertThat(f.fixes().get(1).plan()).isEqualTo(FixPlan.WslconfigSetting.networkingMode(dev.netdoctor.model.NetworkingMode.MIRRORED));
    }

    @Test
    void aDropWhileWindowsItselfReachesTheProgramIsTheFirewallWithThePolicyThatSaysWhy() {
        WindowsService s = new WindowsService(DB, "198.18.1.1", List.of(windowsListener("0.0.0.0", DB, "postgres", 5100)),
                connect("198.18.1.1", ConnectResult.CONNECTED), connect("198.18.1.1", ConnectResult.TIMED_OUT), null);
        Finding f = diagnose(fromWindows(stock(), "nat"), service(true, s)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.WINDOWS_FIREWALL_BLOCKS_WSL);
        assertThat(f.confidence()).isEqualTo(dev.netdoctor.model.Confidence.HIGH);
        assertThat(f.explanation()).contains("Public profile").contains("only a rule for the port");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("Public profile (WSL's adapter)"));
        assertThat(f.fixes().getFirst().plan()).isEqualTo(FixPlan.WindowsFirewallRule.allowFromWsl(DB, "vEthernet (WSL)"));
        assertThat(f.fixes().getFirst().detail()).contains("-LocalPort 5432").contains("vEthernet (WSL)").contains("Remove-NetFirewallRule");
        WindowsPolicy noExceptions = policy(List.of(new WindowsPolicy.FirewallProfile("Public", true, "Block", true, true, true, null)),
                List.of(), List.of(), "Running", null);
        assertThat(diagnose(fromWindows(noExceptions, "nat"), service(true, s)).getFirst().explanation()).contains("only your administrator");
    }

    @Test
    void nothingListeningOnWindowsIsSaidEvenThoughWslOnlySawATimeout() {
        WindowsService s = new WindowsService(DB, "198.18.1.1", List.of(), connect("198.18.1.1", ConnectResult.REFUSED),
                connect("198.18.1.1", ConnectResult.TIMED_OUT), null);
        Finding f = diagnose(fromWindows(stock(), "nat"), service(true, s)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.WINDOWS_SERVICE_NOT_LISTENING);
        assertThat(f.confidence()).isEqualTo(dev.netdoctor.model.Confidence.HIGH);
    }

    @Test
    void insideWslATimeoutIsNeverCalledAFirewall() {
        WindowsService s = new WindowsService(DB, "198.18.1.1", null, null, connect("198.18.1.1", ConnectResult.TIMED_OUT), null);
        Finding f = diagnose(insideWsl(), service(false, s)).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.WINDOWS_SERVICE_NO_ANSWER);
        assertThat(f.explanation()).contains("Run WSL Net Doctor on Windows");
    }

    // ---- other devices → WSL -----------------------------------------------------------------

    private static ProbeOutcome otherDevices() {
        return outcome(ProbeId.OTHER_DEVICES, new ProbeData.OtherDevices(true, List.of(APP), List.of()));
    }

    @Test
    void withoutAPortProxyOtherDevicesCannotReachANatDistroAndTheProofIsSaidToBeMissing() {
        Finding f = diagnose(fromWindows(stock(), "nat"), otherDevices()).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.LAN_NO_PORT_PROXY);
        assertThat(f.confidence()).isEqualTo(dev.netdoctor.model.Confidence.MEDIUM);
        assertThat(f.explanation()).contains("proven only from another machine");
        assertThat(f.fixes().getFirst().detail()).contains("connectaddress=198.18.1.2").contains("connectaddress=127.0.0.1");
    }

    @Test
    void aPortProxyToAnOldAddressIsStaleAndOneThroughTheRelayIsNot() {
        WindowsPolicy stale = policy(List.of(PUBLIC_ON), List.of(), List.of(new WindowsPolicy.PortProxy("v4tov4", "0.0.0.0", APP, "198.18.7.7", APP)),
                "Running", null);
        assertThat(diagnose(fromWindows(stale, "nat"), otherDevices()).getFirst().id()).isEqualTo(FindingId.LAN_PORT_PROXY_STALE);
        WindowsPolicy viaRelay = policy(List.of(PUBLIC_ON), List.of(), List.of(new WindowsPolicy.PortProxy("v4tov4", "0.0.0.0", APP, "127.0.0.1", APP)),
                "Running", null);
        assertThat(ids(diagnose(fromWindows(viaRelay, "nat"), otherDevices()))).doesNotContain(FindingId.LAN_PORT_PROXY_STALE,
                FindingId.LAN_NO_PORT_PROXY);
        WindowsPolicy stopped = policy(List.of(PUBLIC_ON), List.of(), List.of(new WindowsPolicy.PortProxy("v4tov4", "0.0.0.0", APP, "127.0.0.1", APP)),
                "Stopped", null);
        assertThat(diagnose(fromWindows(stopped, "nat"), otherDevices()).getFirst().id()).isEqualTo(FindingId.LAN_IP_HELPER_STOPPED);
    }

    @Test
    void inMirroredModeTheHyperVFirewallsDefaultBlockIsTheCauseUnlessOurRuleLetsThePortIn() {
        WindowsPolicy.HyperVFirewall block = new WindowsPolicy.HyperVFirewall(true, "Block", "Allow", true, true);
        Finding f = diagnose(fromWindows(policy(List.of(PUBLIC_ON), List.of(), List.of(), "Running", block), "mirrored"), otherDevices()).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.HYPERV_FIREWALL_BLOCKS_INBOUND);
        assertThat(f.fixes().getFirst().plan()).isEqualTo(FixPlan.WindowsFirewallRule.allowFromLan(APP, true));
        assertThat(f.fixes().getFirst().detail()).contains(WindowsPolicy.WSL_VM_CREATOR).contains("3000");
        // once our Hyper-V rule lets the port in, the block is no longer the cause
        WindowsPolicy.FirewallRule ours = new WindowsPolicy.FirewallRule(FixPlan.WindowsFirewallRule.allowFromLan(APP, true).rule(), "d", true,
                "Inbound", "Allow", "3000", "WSL");
        WindowsPolicy withRule = new WindowsPolicy(Fact.known(List.of(PUBLIC_ON)), Fact.known(List.of()), Fact.known(block), Fact.known(List.of()),
                Fact.known(List.of()), Fact.known("Running"), Fact.known(List.of()), Fact.unknown("no answer"), Fact.known(List.of(ours)),
                Fact.unknown("no answer"));
        assertThat(ids(diagnose(fromWindows(withRule, "mirrored"), otherDevices()))).doesNotContain(FindingId.HYPERV_FIREWALL_BLOCKS_INBOUND);
    }

    @Test
    void anAdapterNameNoCommandCanCarryIsAdviceNotAOneClickRule() {
        WindowsInterface odd = new WindowsInterface(47, "vEthernet (WSL*)", "Hyper-V", 1500, true, List.of("198.18.1.1/24"));
        Environment env = Environments.from(fromWindows(stock(), "nat")).windows(new WindowsFacts("WSL", null, null, null, "", List.of(),
                Fact.known(List.of(odd)), Fact.known(List.of()), odd, stock())).build();
        WindowsService s = new WindowsService(DB, "198.18.1.1", List.of(windowsListener("0.0.0.0", DB, "postgres", 5100)),
                connect("198.18.1.1", ConnectResult.CONNECTED), connect("198.18.1.1", ConnectResult.TIMED_OUT), null);
        Finding f = diagnose(env, service(true, s)).getFirst();
        assertThat(f.fixes()).extracting(x -> x.id()).containsExactly(FixId.OPEN_FIREWALL);
    }

    @Test
    void anOutsideMachineThatGotThroughSettlesIt() {
        ProbeData.Vantage reached = new ProbeData.Vantage("alice", "198.19.5.30", 22, "SHA256:x", ProbeData.Vantage.HostKeyStatus.KNOWN, true,
                List.of(new VantageCheck("198.19.5.20", APP, true, "bash /dev/tcp", null)), null);
        List<ProbeOutcome> outcomes = new ArrayList<>(List.of(otherDevices(), outcome(ProbeId.OUTSIDE_VANTAGE, reached)));
        assertThat(ids(DIAGNOSER.diagnose(null, fromWindows(stock(), "nat"), outcomes))).doesNotContain(FindingId.LAN_NO_PORT_PROXY);
    }
}
