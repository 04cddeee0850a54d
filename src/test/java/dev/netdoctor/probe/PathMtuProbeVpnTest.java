// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.HandshakeAttempt;
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
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From Windows the path is sized without a stalled SSH handshake when Windows' route to the target
 * leaves through a smaller adapter than the distro's eth0 (a VPN's tunnel): a TLS or git stall has no
 * handshake to watch. The pings leave from the distro (the Linux side), never from Windows.
 */
class PathMtuProbeVpnTest {
    private static final WindowsInterface WSL = new WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter", 1500, true,
            List.of("198.18.1.1/24"));

    /** The distro's side: answers DF pings as a path of {@code pathMtu} bytes, and records them. */
    private static final class Distro implements LinuxSide {
        final List<List<String>> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) {
            asked.add(argv);
            boolean through = Integer.parseInt(argv.get(argv.indexOf("-s") + 1)) + 28 <= 1400;
            return new CommandRun(argv, through ? 0 : 1, through ? "2 packets transmitted, 2 received, 0% packet loss, time 201ms\n"
                    : "2 packets transmitted, 0 received, 100% packet loss, time 2002ms\n", "", 5, false, false, false);
        }

        @Override public Optional<String> readFile(String path, int maxBytes) { return Optional.empty(); }
        @Override public boolean hasCommand(String name) { return name.equals("ping"); }
        @Override public Optional<String> env(String name) { return Optional.empty(); }
        @Override public String describe() { return "the distro"; }
    }

    private static WindowsFacts windows(int tunnelMtu, int tunnelIndex) {
        WindowsInterface vpn = new WindowsInterface(12, "Ethernet 3", "PANGP Virtual Ethernet Adapter", tunnelMtu, true, List.of("198.19.5.7/32"));
        return new WindowsFacts("WSL 2.6.1.0", "10.0.26100", "Lab", 2, "", List.of(), Fact.known(List.of(WSL, vpn)),
                Fact.known(List.of(new WindowsRoute("198.18.1.0", 24, null, 47, 256), new WindowsRoute("198.19.1.0", 24, null, tunnelIndex, 1))),
                WSL, null);
    }

    private static TestContext context(Distro distro, WindowsFacts windows) {
        Environment env = Environments.linux().interfaces(new NetInterface("eth0", 1500, true, List.of("198.18.1.2"), List.of()))
                .wsl(Environments.wsl2("Lab", "nat")).windows(windows).build();
        TestContext ctx = new TestContext(new DiagnosisRequest(Target.parse("198.19.1.2"), List.of(), null, Duration.ofSeconds(1), null), distro, env);
        ctx.earlier.add(new ProbeOutcome(ProbeId.ROUTES, "routes", ProbeStatus.COMPLETED, "", Map.of(), 0, 1, new ProbeData.Routes(List.of(
                new RouteLookup("198.19.1.2", null, null, "eth0", "198.18.1.1", "198.18.1.2", null, null, null)), List.of()), List.of(), null));
        return ctx;
    }

    @Test
    void aSmallerVpnAdapterOnWindowsIsReasonEnoughToSizeThePathFromTheDistro() throws Exception {
        Distro distro = new Distro();
        ProbeReport r = new PathMtuProbe().run(context(distro, windows(1400, 12)));
        assertThat(r.parameters()).containsEntry(ProbeData.PathMtu.SIZED_BECAUSE, ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
        ProbeData.PathMtu m = (ProbeData.PathMtu) r.data();
        assertThat(m.blackHole()).isTrue();
        assertThat(m.estimatedPathMtu()).isEqualTo(1400);
        assertThat(distro.asked).isNotEmpty().allSatisfy(argv -> assertThat(argv).startsWith("ping", "-4").containsSubsequence("-M", "do"));
    }

    @Test
    void aSmallerLinkKnownFromWindowsStartsTheSizingWithTheTargetsChecks() throws Exception {
        PathMtuProbe probe = new PathMtuProbe();
        DiagnosisRequest asked = new DiagnosisRequest(Target.parse("198.19.1.2"), List.of(), null, Duration.ofSeconds(1), null);
        assertThat(probe.startsEarly(context(new Distro(), windows(1400, 12)).environment(), asked, "198.19.1.2")).isTrue();
        for (WindowsFacts no : new WindowsFacts[] {windows(1500, 12), windows(1400, 47), null}) {
            assertThat(probe.startsEarly(context(new Distro(), no).environment(), asked, "198.19.1.2")).as(String.valueOf(no)).isFalse();
        }
        assertThat(probe.startsEarly(context(new Distro(), windows(1400, 12)).environment(), asked, null)).as("no address").isFalse();

        // Started early there is no routes check yet: the distro's interface that is up sets the largest size.
        Distro distro = new Distro();
        TestContext early = context(distro, windows(1400, 12));
        early.earlier.clear();
        ProbeReport r = probe.run(early);
        assertThat(r.parameters()).containsEntry(ProbeData.PathMtu.SIZED_BECAUSE, ProbeData.PathMtu.SMALLER_WINDOWS_LINK)
                .containsEntry("interfaceMtu", "1500");
        assertThat(((ProbeData.PathMtu) r.data()).estimatedPathMtu()).isEqualTo(1400);
    }

    @Test
    void withoutASmallerLinkOrAStallNothingIsSent() throws Exception {
        for (WindowsFacts windows : new WindowsFacts[] {windows(1500, 12), windows(1400, 47), null}) {
            Distro distro = new Distro();
            ProbeReport r = new PathMtuProbe().run(context(distro, windows));
            assertThat(r.data()).as(String.valueOf(windows)).isNull();
            assertThat(r.summary()).startsWith("Not needed: no connection stalled after opening");
            assertThat(distro.asked).isEmpty();
        }
        // only the distro's interface towards the target counts: a Windows adapter of 1400 against a distro at 1400 is no smaller link
        TestContext atTheSameSize = context(new Distro(), windows(1400, 12));
        atTheSameSize.earlier.clear();
        assertThat(PathMtuProbe.reason(atTheSameSize, 1400)).isEmpty();
        assertThat(PathMtuProbe.reason(atTheSameSize, 1500)).contains(ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
    }

    /**
     * A company web page asked about as no SSH server: a handshake that "stalled" there (if one
     * were ever reported) is no reason to size the path, but a smaller VPN link on Windows still is.
     */
    @Test
    void forATargetThatIsNoSshServerOnlyTheSmallerVpnLinkSizesThePath() {
        HandshakeAttempt stalled = new HandshakeAttempt(DscpClass.UNMARKED, HandshakeAttempt.Stage.KEY_EXCHANGE_STARTED, false, 2000,
                "SSH-2.0-x", null, null, null, "timeout");
        ProbeOutcome handshake = new ProbeOutcome(ProbeId.SSH_HANDSHAKE, "ssh", ProbeStatus.COMPLETED, "", Map.of(), 0, 1,
                new ProbeData.SshHandshakes("198.19.1.2", 443, List.of(stalled)), List.of(), null);
        DiagnosisRequest web = new DiagnosisRequest(Target.parse("198.19.1.2:443"), List.of(), null, Duration.ofSeconds(1), null)
                .withSshTarget(false);

        TestContext noVpn = new TestContext(web, new Distro(), context(new Distro(), windows(1500, 12)).environment());
        noVpn.earlier.add(handshake);
        assertThat(PathMtuProbe.reason(noVpn, 1500)).isEmpty();
        TestContext asSsh = new TestContext(web.withSshTarget(true), new Distro(), noVpn.environment());
        asSsh.earlier.add(handshake);
        assertThat(PathMtuProbe.reason(asSsh, 1500)).contains(ProbeData.PathMtu.SSH_STALLED);

        TestContext vpn = new TestContext(web, new Distro(), context(new Distro(), windows(1400, 12)).environment());
        vpn.earlier.add(handshake);
        assertThat(PathMtuProbe.reason(vpn, 1500)).contains(ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
    }
}
