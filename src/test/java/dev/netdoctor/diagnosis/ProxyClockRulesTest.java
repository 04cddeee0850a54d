// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ClockReading;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.ProxyAddress;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.testing.Environments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxy on 127.0.0.1 in NAT mode and a distro clock that is off (issue 28, windows-side.md §2.E):
 * each branch of the two rules, and the look-alikes that must raise nothing.
 */
class ProxyClockRulesTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static final int PORT = 7890;
    private static final String GATEWAY = "198.18.1.1";
    private static final ProxyAddress LOOPBACK = new ProxyAddress(null, "127.0.0.1", PORT);
    private static final WindowsInterface WSL_ADAPTER = new WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter #2",
            1500, true, List.of("198.18.1.1/24"));

    private static Environment fromWindows() {
        WindowsPolicy policy = WindowsPolicy.unknown("not needed here");
        WindowsFacts windows = new WindowsFacts("WSL version: 2.6.1.0", "10.0.26100", "Ubuntu", 2, "", List.of(),
                Fact.known(List.of(WSL_ADAPTER)), Fact.known(List.of()), WSL_ADAPTER, policy);
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .defaultGateway(GATEWAY).windows(windows).build();
    }

    private static TcpConnection clash(String address) {
        return new TcpConnection(TcpConnection.LISTEN, address, PORT, "0.0.0.0", 0, 4242, "clash", null, 0, false, true);
    }

    private static LocalConnect connect(String address, ConnectResult result) {
        return new LocalConnect(address, "Windows", PORT, result, result == ConnectResult.TIMED_OUT ? 5000 : 2, null);
    }

    private static ProbeData.LoopbackProxy seenFromWindows(List<TcpConnection> listeners, ConnectResult fromDistro) {
        return new ProbeData.LoopbackProxy(true, "nat", ProbeData.LoopbackProxy.SET_BY_WINDOWS, LOOPBACK, GATEWAY, listeners,
                fromDistro == null ? null : connect(GATEWAY, fromDistro), null, null);
    }

    private static ProbeData.LoopbackProxy seenInside(ConnectResult ownPort, ConnectResult toGateway) {
        return new ProbeData.LoopbackProxy(false, "nat", "https_proxy", LOOPBACK, GATEWAY, null, connect(GATEWAY, toGateway), null,
                new LocalConnect("127.0.0.1", "the distro itself", PORT, ownPort, 1, null));
    }

    private static List<Finding> diagnose(ProbeOutcome... outcomes) {
        return DIAGNOSER.diagnose(null, fromWindows(), List.of(outcomes));
    }

    private static ProbeOutcome outcome(ProbeId id, ProbeData data) {
        return new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, "done", Map.of(), 0, 5, data, List.of(), null);
    }

    private static Finding proxyFinding(ProbeData.LoopbackProxy data) {
        List<Finding> findings = diagnose(outcome(ProbeId.LOOPBACK_PROXY, data));
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.WINDOWS_PROXY_LOOPBACK);
        return findings.getFirst();
    }

    private static List<FixId> fixes(Finding f) {
        return f.fixes().stream().map(FixSuggestion::id).toList();
    }

    // ---- proxy --------------------------------------------------------------------------------

    @Test
    void aWindowsProxyOnLoopbackWithItsProgramOnLoopbackOnlyNamesTheProgramAndEveryWayOut() {
        Finding f = proxyFinding(seenFromWindows(List.of(clash("127.0.0.1")), ConnectResult.TIMED_OUT));
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.title()).contains("127.0.0.1:7890");
        assertThat(f.explanation()).contains("not mirrored into WSL").contains("clash (pid 4242) listens on 127.0.0.1:7890 only")
                .contains("198.18.1.1:7890");
        assertThat(fixes(f)).containsExactly(FixId.WSLCONFIG_NETWORKING_MODE, FixId.PROXY_ALLOW_LAN, FixId.WINDOWS_FIREWALL_ALLOW_PORT,
                FixId.WSLCONFIG_AUTO_PROXY);
        assertThat(f.fixes().get(0).plan()).isEqualTo(new FixPlan.WslconfigSetting("wsl2.networkingMode", "mirrored"));
        assertThat(f.fixes().get(1).detail()).contains("In clash on Windows, turn on \"Allow LAN\"")
                .contains("export http_proxy=http://198.18.1.1:7890 https_proxy=http://198.18.1.1:7890");
        assertThat(f.fixes().get(2).plan()).isInstanceOf(FixPlan.WindowsFirewallRule.class);
        assertThat(f.fixes().get(2).detail()).contains("7890").contains("vEthernet (WSL)");
        FixSuggestion autoProxy = f.fixes().get(3);
        assertThat(autoProxy.plan()).isEqualTo(new FixPlan.WslconfigSetting("wsl2." + "autoProxy", "false"));
        assertThat(autoProxy.title()).startsWith("Only to stop WSL's warning");
        assertThat(autoProxy.detail()).contains("fixes nothing by itself");
    }

    @Test
    void aProgramOnEveryAddressThatWslReachesNeedsOnlyTheVariablesAndNoFirewallRule() {
        Finding f = proxyFinding(seenFromWindows(List.of(clash("0.0.0.0")), ConnectResult.CONNECTED));
        assertThat(f.explanation()).contains("clash (pid 4242) listens on every address").contains("The distro reached 198.18.1.1:7890 just now");
        assertThat(fixes(f)).containsExactly(FixId.WSLCONFIG_NETWORKING_MODE, FixId.PROXY_ALLOW_LAN, FixId.WSLCONFIG_AUTO_PROXY);
        assertThat(f.fixes().get(1).detail()).startsWith("clash already listens on every address");
    }

    @Test
    void aProgramOnEveryAddressThatWslGetsNoAnswerFromIsTheFirewall() {
        Finding f = proxyFinding(seenFromWindows(List.of(clash("0.0.0.0")), ConnectResult.TIMED_OUT));
        assertThat(f.explanation()).contains("got no answer: Windows' firewall drops it");
        assertThat(fixes(f)).contains(FixId.WINDOWS_FIREWALL_ALLOW_PORT);
        Finding refused = proxyFinding(seenFromWindows(List.of(clash("0.0.0.0")), ConnectResult.REFUSED));
        assertThat(refused.explanation()).contains("was refused");
    }

    @Test
    void aProgramOnAnotherAdaptersAddressIsNotCalledReachable() {
        Finding f = proxyFinding(seenFromWindows(List.of(clash("198.19.5.20")), null));
        assertThat(f.explanation()).contains("clash (pid 4242) listens on 198.19.5.20:7890 only, not at 198.18.1.1")
                .doesNotContain("every address");
        assertThat(f.fixes().get(1).detail()).contains("turn on \"Allow LAN\"");
    }

    @Test
    void nothingListeningOnWindowsAsksWhetherTheProxyRuns() {
        Finding f = proxyFinding(seenFromWindows(List.of(), ConnectResult.TIMED_OUT));
        assertThat(f.explanation()).contains("Nothing listens on port 7890 on Windows right now");
        assertThat(fixes(f)).doesNotContain(FixId.WINDOWS_FIREWALL_ALLOW_PORT);
        assertThat(f.fixes().get(1).detail()).contains("In the proxy program on Windows");
    }

    @Test
    void noProxyOnLoopbackOrMirroredModeIsNoProblem() {
        ProbeData.LoopbackProxy none = new ProbeData.LoopbackProxy(true, "nat", ProbeData.LoopbackProxy.SET_BY_WINDOWS, null, GATEWAY,
                null, null, null, null);
        assertThat(diagnose(outcome(ProbeId.LOOPBACK_PROXY, none))).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
        ProbeData.LoopbackProxy mirrored = new ProbeData.LoopbackProxy(true, "mirrored", ProbeData.LoopbackProxy.SET_BY_WINDOWS, LOOPBACK,
                GATEWAY, List.of(clash("127.0.0.1")), null, null, null);
        assertThat(diagnose(outcome(ProbeId.LOOPBACK_PROXY, mirrored))).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
    }

    @Test
    void insideTheDistroAVariableOnLoopbackWithNothingThereIsTheSameFindingWithLessConfidence() {
        Finding f = proxyFinding(seenInside(ConnectResult.REFUSED, ConnectResult.TIMED_OUT));
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.title()).isEqualTo("https_proxy points at 127.0.0.1:7890, which in NAT mode is WSL itself, not Windows");
        assertThat(f.explanation()).contains("127.0.0.1 in WSL is WSL itself").contains("nothing in the distro listens on port 7890")
                .contains("Windows' 198.18.1.1:7890 gives WSL no answer either");
        assertThat(fixes(f)).containsExactly(FixId.PROXY_ALLOW_LAN, FixId.WSLCONFIG_NETWORKING_MODE);
        assertThat(f.fixes().getFirst().detail()).contains("remove the 127.0.0.1 value of https_proxy");
        Finding answers = proxyFinding(seenInside(ConnectResult.REFUSED, ConnectResult.CONNECTED));
        assertThat(answers.explanation()).contains("Windows answers at 198.18.1.1:7890");
    }

    @Test
    void insideTheDistroAProxyThatListensInTheDistroIsFine() {
        assertThat(diagnose(outcome(ProbeId.LOOPBACK_PROXY, seenInside(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT))))
                .extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
    }

    // ---- clock --------------------------------------------------------------------------------

    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;

    private static ProbeOutcome clock(long skewNanos, long bracketNanos, Boolean ptp, String kernel) {
        ClockReading r = new ClockReading(T0, T0 + bracketNanos / 2 + skewNanos, 1, T0 + bracketNanos);
        return outcome(ProbeId.CLOCK, new ProbeData.Clock(true, r, ptp, kernel, null));
    }

    @Test
    void ninetySecondsAheadSaysHowFarWhichWayWhatBreaksAndTheCommand() {
        List<Finding> findings = diagnose(clock(90 * S, S / 5, true, null));
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.CLOCK_SKEW);
        Finding f = findings.getFirst();
        assertThat(f.title()).isEqualTo("The distro's clock is 90 seconds ahead of Windows'");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.explanation()).contains("certificate has expired").contains("slept or hibernated");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.RESYNC_CLOCK);
        assertThat(f.fixes().getFirst().detail()).contains("sudo hwclock -s").contains("wsl.exe --shutdown");
    }

    @Test
    void behindSaysNotYetValidAndAMissingPtpDeviceSaysWhy() {
        Finding f = diagnose(clock(-3 * 3600 * S, S / 5, false, null)).getFirst();
        assertThat(f.title()).isEqualTo("The distro's clock is 3 hours behind Windows'");
        assertThat(f.explanation()).contains("certificate is not yet valid").contains("is not valid yet")
                .contains("no /dev/ptp0").contains("CONFIG_PTP_1588_CLOCK");
        Finding told = diagnose(clock(-3 * 86400 * S, S / 5, null,
                "chronyd: /dev/ptp0 not found - kernel must be built with CONFIG_PTP_1588_CLOCK")).getFirst();
        assertThat(told.title()).contains("3 days behind");
        assertThat(told.explanation()).contains("The kernel log says why: \"chronyd: /dev/ptp0 not found");
    }

    @Test
    void halfASecondOrAReadingThatFailedIsNoClockFinding() {
        assertThat(diagnose(clock(S / 2, S / 5, null, null))).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
        assertThat(diagnose(clock(-S / 2, 6 * S, null, null))).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
        assertThat(diagnose(outcome(ProbeId.CLOCK, new ProbeData.Clock(true, null, null, null, "date failed"))))
                .extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
        assertThat(diagnose(outcome(ProbeId.CLOCK, new ProbeData.Clock(false, null, null, null, null))))
                .extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
    }

    @Test
    void theAmountIsSaidAsAPersonReadsIt() {
        assertThat(ClockSkewRule.amount(95 * S)).isEqualTo("95 seconds");
        assertThat(ClockSkewRule.amount(12 * 60 * S)).isEqualTo("12 minutes");
        assertThat(ClockSkewRule.amount(5 * 3600 * S)).isEqualTo("5 hours");
        assertThat(ClockSkewRule.amount(400 * 86400 * S)).isEqualTo("400 days");
    }
}
