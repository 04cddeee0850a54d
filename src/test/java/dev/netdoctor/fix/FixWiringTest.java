// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.NetworkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each plan wired once for both faces: which file in which store, whether WSL restarts, and the sudo command where it must. */
class FixWiringTest {
    private static final FixWiring.Choices CHOICES = new FixWiring.Choices("none", true, false);

    @TempDir
    Path home;

    private FixWiring.Places places(Optional<Path> wslconfig, boolean mayWrite) {
        return new FixWiring.Places(new LocalLinuxSide(), new LocalConfigFiles(home), null, () -> wslconfig.map(Path::toString),
                home.resolve("wsl.conf").toString(), file -> mayWrite, Clock.systemUTC());
    }

    private FixWiring.Wired wire(FixPlan plan, FixWiring.Places places) throws Exception {
        return FixWiring.wire(plan, places, CHOICES).orElseThrow();
    }

    @Test
    void theSshFixWritesTheUsersSshConfigAndNeedsNoRestart() throws Exception {
        FixWiring.Wired w = wire(new FixPlan.SshIpqosNone("198.18.1.*", "198.18.1.5"), places(Optional.empty(), true));
        assertThat(w.file()).isEqualTo(home.resolve(".ssh").resolve("config").toString());
        assertThat(w.restartsWsl()).isFalse();
        assertThat(w.needsSudo()).isEmpty();
        assertThat(new String(w.edit().apply(new byte[0]).updated(), UTF_8)).contains("Host 198.18.1.*").contains("IPQoS none");
    }

    @Test
    void theWslconfigFixesWriteTheFoundFileAndRestartWsl() throws Exception {
        Path wslconfig = Files.writeString(home.resolve(".wslconfig"), "[wsl2]\n");
        for (FixPlan plan : new FixPlan[]{FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED), FixPlan.WslconfigSetting.dnsTunnelingOn(),
                new FixPlan.RewriteConfigLines(ConfigFileCheck.WSLCONFIG, FindingId.WSLCONFIG_LINE_IGNORED)}) {
            FixWiring.Wired w = wire(plan, places(Optional.of(wslconfig), false));
            assertThat(w.file()).as(plan.toString()).isEqualTo(wslconfig.toString());
            assertThat(w.restartsWsl()).as(plan.toString()).isTrue();
            assertThat(w.needsSudo()).as("a file of the user's: %s", plan).isEmpty();
        }
        assertThat(new String(wire(FixPlan.WslconfigSetting.dnsTunnelingOn(), places(Optional.of(wslconfig), true)).edit()
                .apply("[wsl2]\n".getBytes(UTF_8)).updated(), UTF_8)).contains("dnsTunneling=true");
    }

    @Test
    void aWslconfigThatCannotBeFoundIsSaidSoForTheFaceToAsk() {
        assertThatThrownBy(() -> wire(FixPlan.WslconfigSetting.dnsTunnelingOn(), places(Optional.empty(), true)))
                .isInstanceOf(FixWiring.NoWslconfig.class);
    }

    @Test
    void bothWslConfFixesNameTheirOwnSudoCommandWhereThisProcessMayNotWrite() throws Exception {
        String wslConf = home.resolve("wsl.conf").toString();
        FixWiring.Wired resolv = wire(new FixPlan.LetWslWriteResolvConf(), places(Optional.empty(), false));
        assertThat(resolv.file()).isEqualTo(wslConf);
        assertThat(resolv.restartsWsl()).isTrue();
        assertThat(resolv.needsSudo()).hasValueSatisfying(s -> assertThat(s).startsWith("sudo ")
                .contains(" fix wsl-resolv-conf --wsl-conf " + wslConf));
        FixWiring.Wired lines = wire(new FixPlan.RewriteConfigLines(ConfigFileCheck.WSL_CONF, FindingId.WSL_CONF_PARSING_STOPS),
                places(Optional.empty(), false));
        assertThat(lines.needsSudo()).hasValueSatisfying(s -> assertThat(s).startsWith("sudo ")
                .contains(" fix config-lines --in wsl-conf --finding " + FindingId.WSL_CONF_PARSING_STOPS.id() + " --wsl-conf " + wslConf));
        assertThat(wire(new FixPlan.LetWslWriteResolvConf(), places(Optional.empty(), true)).needsSudo()).isEmpty();
        FixWiring.Wired mtu = wire(FixPlan.DistroMtuAtBoot.of("eth0", 1400), places(Optional.empty(), false));
        assertThat(mtu.file()).isEqualTo(wslConf);
        assertThat(mtu.needsSudo()).hasValueSatisfying(s -> assertThat(s).startsWith("sudo ").contains(" fix wsl-mtu --mtu 1400 --wsl-conf " + wslConf));
        assertThat(wire(FixPlan.DistroMtuAtBoot.of("wg0", 1280), places(Optional.empty(), false)).needsSudo())
                .hasValueSatisfying(s -> assertThat(s).contains(" fix wsl-mtu --mtu 1280 --device wg0 --wsl-conf " + wslConf));
        assertThat(FixWiring.writes(FixPlan.DistroMtuAtBoot.of("eth0", 1400))).isEqualTo(FixWiring.Writes.WSL_CONF);
    }

    @Test
    void whatTheResolvConfEditSaysNamesTheFileItEdits() throws Exception {
        FixWiring.Wired w = wire(new FixPlan.LetWslWriteResolvConf(), places(Optional.empty(), true));
        assertThat(String.join("\n", w.edit().apply("[network]\nhostname=dev\n".getBytes(UTF_8)).notes()))
                .startsWith(w.file() + " does not turn off WSL's resolv.conf").doesNotContain(WslConfEdit.FILE);
    }

    @Test
    void aFixByHandWritesNothing() throws Exception {
        assertThat(FixWiring.wire(FixPlan.BY_HAND, places(Optional.empty(), true), CHOICES)).isEmpty();
    }

    /**
     * Any setting of WSL's table is one plan: a fix that sets another key (here the one in
     * [experimental]) needs no code of its own. It goes to the section WSL's own writer uses, is
     * checked after writing by the reader the check uses, and a key or value WSL would not take is
     * refused with the file unchanged.
     */
    @Test
    void anySettingOfWslsTableIsWrittenInItsOwnSectionAndCheckedAsWslReadsIt() throws Exception {
        Path wslconfig = Files.writeString(home.resolve(".wslconfig"), "[wsl2]\nmemory=4GB\n");
        FixWiring.Wired w = wire(new FixPlan.WslconfigSetting("experimental.hostAddressLoopback", "true"), places(Optional.of(wslconfig), true));
        SafeApply apply = new SafeApply(w.files(), Clock.systemUTC());
        SafeApply.Preview preview = apply.preview(w.file(), w.edit());
        assertThat(preview.edit().notes().getFirst()).isEqualTo("Adds a [experimental] section with hostAddressLoopback=true at the end of the file (line 5).");
        SafeApply.Applied applied = apply.apply(preview, w.verifier().create(preview));
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\nmemory=4GB\n\n[experimental]\nhostAddressLoopback=true\n");
        assertThat(applied.verdict().message()).contains("hostAddressLoopback=true");
        assertThat(w.restartsWsl()).isTrue();

        // WSL reads 1 as true: already set, nothing to write
        assertThat(WslConfigEdit.set("[wsl2]\nlocalhostForwarding=1\n".getBytes(UTF_8), "wsl2.localhostForwarding", "true", false).changed()).isFalse();
        // the old section name of a key WSL moved still counts, and is changed where it is
        assertThat(new String(WslConfigEdit.set("[experimental]\ndnsTunneling=false\n".getBytes(UTF_8), "wsl2.dnsTunneling", "true", false).updated(), UTF_8))
                .isEqualTo("[experimental]\ndnsTunneling=true\n");

        EditResult unknown = WslConfigEdit.set("[wsl2]\n".getBytes(UTF_8), "wsl2.localhostForwardin", "true", false);
        assertThat(unknown.applicable()).isFalse();
        assertThat(unknown.conflicts()).singleElement().asString().startsWith("wsl2.localhostForwardin is not a setting WSL reads from .wslconfig");
        EditResult badValue = WslConfigEdit.set("[wsl2]\n".getBytes(UTF_8), "wsl2.localhostForwarding", "yes", false);
        assertThat(badValue.applicable()).isFalse();
        assertThat(badValue.conflicts()).singleElement().asString().contains("true, false, 1 or 0");
        assertThat(new WslConfigOracle("wsl2.localhostForwarding", "true").verify(wslconfig.toString()).ok())
                .as("the file does not set it: WSL's default is no proof").isFalse();
    }

    /** Which file each kind of plan writes, as the wizard shows it: derived here, so no face has a switch of its own. */
    @Test
    void eachKindOfPlanSaysWhichFileItWrites() {
        assertThat(FixWiring.writes(new FixPlan.SshIpqosNone("a", "a"))).isEqualTo(FixWiring.Writes.SSH_CONFIG);
        assertThat(FixWiring.writes(FixPlan.WslconfigSetting.dnsTunnelingOn())).isEqualTo(FixWiring.Writes.WSLCONFIG);
        assertThat(FixWiring.writes(new FixPlan.LetWslWriteResolvConf())).isEqualTo(FixWiring.Writes.WSL_CONF);
        assertThat(FixWiring.writes(new FixPlan.RewriteConfigLines(ConfigFileCheck.WSL_CONF, FindingId.WSL_CONF_PARSING_STOPS)))
                .isEqualTo(FixWiring.Writes.WSL_CONF);
        assertThat(FixWiring.writes(new FixPlan.RewriteConfigLines(ConfigFileCheck.WSLCONFIG, FindingId.WSLCONFIG_DUPLICATE_KEY)))
                .isEqualTo(FixWiring.Writes.WSLCONFIG);
        assertThat(FixWiring.writes(FixPlan.BY_HAND)).isEqualTo(FixWiring.Writes.NOTHING);
        assertThat(FixWiring.writes(FixPlan.WindowsFirewallRule.allowFromLan(3000, true))).isEqualTo(FixWiring.Writes.WINDOWS_FIREWALL);
    }

    /**
     * The firewall rule is no file: nothing to wire for the file pipeline, and made by the app only
     * where it can ask Windows for administrator rights (on Windows); inside WSL its command is shown.
     */
    @Test
    void theFirewallRuleIsAppliedFromWindowsOnlyAndNotThroughTheFilePipeline() throws Exception {
        FixPlan.WindowsFirewallRule rule = FixPlan.WindowsFirewallRule.allowFromWsl(5432, "vEthernet (WSL)");
        assertThat(FixWiring.appliesFrom(rule, dev.netdoctor.host.Standpoint.WINDOWS)).isTrue();
        assertThat(FixWiring.appliesFrom(rule, dev.netdoctor.host.Standpoint.THIS_LINUX)).isFalse();
        assertThat(FixWiring.appliesFrom(FixPlan.WslconfigSetting.dnsTunnelingOn(), dev.netdoctor.host.Standpoint.THIS_LINUX)).isTrue();
        assertThat(FixWiring.appliesFrom(FixPlan.BY_HAND, dev.netdoctor.host.Standpoint.WINDOWS)).isFalse();
        assertThat(FixWiring.wire(rule, null, null)).isEmpty();
    }
}
