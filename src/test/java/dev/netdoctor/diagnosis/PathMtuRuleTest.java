// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsRoute;
import dev.netdoctor.testing.Environments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * path-mtu-blackhole's words and fixes: from Windows it names the VPN's adapter and its MTU; inside
 * a WSL distro it says where the smaller link usually is; the wsl.conf fix only where WSL reads one.
 */
class PathMtuRuleTest {
    private static final NetInterface ETH0 = new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of());
    private static final WindowsInterface WSL = new WindowsInterface(47, "vEthernet (WSL (Hyper-V firewall))", "Hyper-V Virtual Ethernet Adapter",
            1500, true, List.of("198.18.1.1/24"));
    private static final WindowsInterface VPN = new WindowsInterface(12, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1400, true,
            List.of("198.19.5.7/32"));

    private static WindowsFacts windows(WindowsInterface tunnel) {
        return new WindowsFacts("WSL 2.6.1.0", "10.0.26100", "Lab", 2, "", List.of(), Fact.known(List.of(WSL, tunnel)),
                Fact.known(List.of(new WindowsRoute("198.18.1.0", 24, null, 47, 256), new WindowsRoute("198.19.1.0", 24, null, 12, 1))), WSL, null);
    }

    private static Environment wsl(WindowsFacts windows) {
        return Environments.linux().interfaces(ETH0).wsl(Environments.wsl2("Lab", "nat")).windows(windows).build();
    }

    private static ProbeOutcome outcome(ProbeId id, ProbeData data, Map<String, String> parameters) {
        return new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, id.id(), parameters, 0, 1, data, List.of(), null);
    }

    private static Finding finding(Environment env, String sizedBecause) {
        List<ProbeOutcome> outcomes = new ArrayList<>();
        outcomes.add(outcome(ProbeId.ROUTES, new ProbeData.Routes(List.of(
                new RouteLookup("198.19.1.2", null, null, "eth0", "198.18.1.1", "198.18.1.2", null, null, null)), List.of()), Map.of()));
        outcomes.add(outcome(ProbeId.PATH_MTU, new ProbeData.PathMtu("198.19.1.2", 1500, 1372, 1464, List.of(1472, 1464, 1372)),
                sizedBecause == null ? Map.of("interfaceMtu", "1500") : Map.of("interfaceMtu", "1500", ProbeData.PathMtu.SIZED_BECAUSE, sizedBecause)));
        return new PathMtuRule().apply(new Observations(Target.parse("198.19.1.2:22"), env, outcomes)).orElseThrow();
    }

    private static FixSuggestion fix(Finding f, FixId id) {
        return f.fixes().stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + f.fixes()));
    }

    @Test
    void fromWindowsTheVpnAdapterAndItsMtuAreNamed() {
        Finding f = finding(wsl(windows(VPN)), ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
        assertThat(f.id()).isEqualTo(FindingId.PATH_MTU_BLACKHOLE);
        assertThat(f.explanation()).isEqualTo("Small packets get through, large ones do not: packets of 1400 bytes arrive, packets of 1492 bytes"
                + " silently vanish (the distro's interface allows 1500). Small requests work, while a TLS handshake, a git clone or an apt download"
                + " stalls. Windows sends traffic for 198.19.1.2 through \"Ethernet 3\" (PANGP Virtual Ethernet Adapter) with an MTU of 1400,"
                + " smaller than the distro's 1500: a VPN's tunnel, typically. The messages that would tell the distro to send smaller packets do"
                + " not reach it. Lowering the packet size (MTU) to 1400 avoids the loss.");
        assertThat(f.evidence()).extracting(e -> e.summary()).contains("Windows' route to 198.19.1.2 leaves through \"Ethernet 3\""
                + " (PANGP Virtual Ethernet Adapter), MTU 1400; the distro's interface: MTU 1500");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSL_CONF_BOOT_MTU, FixId.WINDOWS_ADAPTER_MTU);
        assertThat(fix(f, FixId.WSL_CONF_BOOT_MTU).plan()).isEqualTo(new FixPlan.DistroMtuAtBoot("eth0", "1400"));
        assertThat(fix(f, FixId.WSL_CONF_BOOT_MTU).detail()).contains("[boot] command = ip link set dev eth0 mtu 1400")
                .contains("sudo ip link set dev eth0 mtu 1400");
        FixSuggestion windowsFix = fix(f, FixId.WINDOWS_ADAPTER_MTU);
        assertThat(windowsFix.title()).isEqualTo("Set the MTU of \"Ethernet 3\" on Windows to 1400");
        assertThat(windowsFix.detail()).contains("netsh interface ipv4 set subinterface \"Ethernet 3\" mtu=1400 store=persistent")
                .contains("wsl --shutdown").contains("mtu=1400.").contains("says 1400 already");
        assertThat(windowsFix.plan().writesAFile()).isFalse();
    }

    /**
     * From Windows the sizing starts beside the SSH checks (Windows' smaller link calls for it
     * at once), so it says it ran for the link; the user's own ssh stalling in the same run
     * still gets the words for SSH. A web server's silence does not.
     */
    @Test
    void sizedForTheVpnLinkWhileTheUsersSshStalledItSpeaksOfSsh() {
        CommandRun run = new CommandRun(List.of("ssh"), 255, "", "debug1: Connection established.\nConnection to 198.19.1.2 port 22 timed out",
                2100, false, false, false);
        ProbeOutcome stalled = outcome(ProbeId.OPENSSH_CLIENT, new ProbeData.OpenSshRuns("OpenSSH_9.2p1",
                List.of(new OpenSshAttempt("none", OpenSshAttempt.Result.STALLED_AFTER_CONNECT, 2100, null, run))), Map.of());
        List<ProbeOutcome> outcomes = new ArrayList<>(List.of(stalled,
                outcome(ProbeId.PATH_MTU, new ProbeData.PathMtu("198.19.1.2", 1500, 1372, 1464, List.of(1472, 1464, 1372)),
                        Map.of("interfaceMtu", "1500", ProbeData.PathMtu.SIZED_BECAUSE, ProbeData.PathMtu.SMALLER_WINDOWS_LINK))));
        Finding ssh = new PathMtuRule().apply(new Observations(Target.parse("198.19.1.2:22"), true, wsl(windows(VPN)), outcomes)).orElseThrow();
        assertThat(ssh.explanation()).contains("SSH").doesNotContain("TLS handshake, a git clone");
        Finding web = new PathMtuRule().apply(new Observations(Target.parse("198.19.1.2:443"), false, wsl(windows(VPN)), outcomes)).orElseThrow();
        assertThat(web.explanation()).contains("TLS handshake, a git clone");
    }

    /** A VPN adapter that overstates the path: the netsh command lowers it, and its old MTU undoes that. */
    @Test
    void anAdapterLargerThanThePathGetsTheSizeThatGotThroughAndItsOldMtuToUndo() {
        WindowsInterface overstated = new WindowsInterface(12, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1450, true, List.of());
        FixSuggestion windowsFix = fix(finding(wsl(windows(overstated)), ProbeData.PathMtu.SMALLER_WINDOWS_LINK), FixId.WINDOWS_ADAPTER_MTU);
        assertThat(windowsFix.detail()).contains("mtu=1400 store=persistent").contains("the same command with mtu=1450").doesNotContain("already");
    }

    @Test
    void anAdapterWithoutANameNetshTakesIsNamedButGetsNoCommand() {
        WindowsInterface quoted = new WindowsInterface(12, "VPN \"corp\"", "PANGP Virtual Ethernet Adapter", 1400, true, List.of());
        Finding f = finding(wsl(windows(quoted)), ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
        assertThat(f.explanation()).contains("\"VPN \"corp\"\" (PANGP Virtual Ethernet Adapter)");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSL_CONF_BOOT_MTU);
        WindowsInterface unnamed = new WindowsInterface(12, "", "PANGP Virtual Ethernet Adapter", 1400, true, List.of());
        Finding g = finding(wsl(windows(unnamed)), ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
        assertThat(g.explanation()).contains("through \"PANGP Virtual Ethernet Adapter\" with an MTU of 1400");
        assertThat(g.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSL_CONF_BOOT_MTU);
    }

    @Test
    void insideTheDistroItSaysWhereTheSmallerLinkUsuallyIs() {
        Finding f = finding(wsl(null), ProbeData.PathMtu.SSH_STALLED);
        assertThat(f.explanation()).startsWith("The connection opens, but the SSH handshake stalls as soon as large packets are sent: packets of"
                + " 1400 bytes get through, packets of 1492 bytes silently vanish (your interface allows 1500).")
                .contains("The smaller link is usually a VPN on Windows").contains("Run WSL Net Doctor on Windows")
                .endsWith("Lowering the packet size (MTU) to 1400 avoids the loss.");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSL_CONF_BOOT_MTU);
        assertThat(fix(f, FixId.WSL_CONF_BOOT_MTU).plan()).isEqualTo(new FixPlan.DistroMtuAtBoot("eth0", "1400"));
    }

    /** Not WSL: no wsl.conf to write and no Windows to point at; the words of before, with the command to try. */
    @Test
    void onPlainLinuxTheFindingStaysAsItWas() {
        Environment linux = Environments.linux().interfaces(ETH0).wsl(Environments.notWsl()).build();
        Finding f = finding(linux, null);
        assertThat(f.explanation()).isEqualTo("The connection opens, but the SSH handshake stalls as soon as large packets are sent: packets of"
                + " 1400 bytes get through, packets of 1492 bytes silently vanish (your interface allows 1500). Lowering the packet size (MTU)"
                + " to 1400 avoids the loss.");
        assertThat(f.fixes()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(FixId.LOWER_MTU);
            assertThat(s.plan()).isEqualTo(FixPlan.BY_HAND);
            assertThat(s.detail()).contains("sudo ip link set dev <interface> mtu 1400");
        });
    }

    /** From Windows with a route through WSL's own adapter only: no adapter is named, nothing said of "inside". */
    @Test
    void fromWindowsWithoutASmallerLinkNoAdapterIsNamed() {
        WindowsFacts noVpn = new WindowsFacts("WSL 2.6.1.0", "10.0.26100", "Lab", 2, "", List.of(), Fact.known(List.of(WSL)),
                Fact.known(List.of(new WindowsRoute("0.0.0.0", 0, "198.18.1.254", 47, 1))), WSL, null);
        Finding f = finding(wsl(noVpn), ProbeData.PathMtu.SSH_STALLED);
        assertThat(f.explanation()).doesNotContain("Windows sends").doesNotContain("usually a VPN");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSL_CONF_BOOT_MTU);
    }
}
