// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis.config;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.diagnosis.Scenarios;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.probe.config.ConfigFilesProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings-file rules: each kind of line becomes one finding naming the file and line, and
 * "not the mode you set" is said only when WSL itself reported a different mode.
 */
class ConfigRulesTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private static List<ProbeOutcome> files(String wslconfig, String wslConf) {
        ConfigFileCheck a = ConfigFilesProbe.checked(ConfigFileKind.WSLCONFIG, "/mnt/c/Users/alice/.wslconfig", wslconfig.getBytes(UTF_8));
        ConfigFileCheck b = ConfigFilesProbe.checked(ConfigFileKind.WSL_CONF, "/etc/wsl.conf", wslConf.getBytes(UTF_8));
        return List.of(Scenarios.outcome(ProbeId.CONFIG_FILES, new ProbeData.ConfigFiles(List.of(a, b))));
    }

    private static Environment env(String kernel, String mode, String source) {
        WslFacts wsl = new WslFacts(WslFacts.Kind.WSL2, "Ubuntu", mode, source, List.of());
        return Environments.linux().kernel(kernel).wsl(wsl).defaultGateway("198.18.1.1")
                .sshClient(new SshClientFacts(true, "OpenSSH_9.2p1", Map.of(), "lowdelay", "throughput", null)).build();
    }

    private List<Finding> diagnose(Environment env, String wslconfig, String wslConf) {
        // Without a target the diagnoser also says what it could not check; these tests are about the files.
        return diagnoser.diagnose(null, env, files(wslconfig, wslConf)).stream().filter(f -> !f.id().equals(FindingId.ENVIRONMENT_ONLY)).toList();
    }

    private static final Environment NAT_BY_WSLINFO = env("6.6.87.2-microsoft-standard-WSL2", "nat", "wslinfo --networking-mode");

    @Test
    void cleanFilesGiveNoFinding() {
        assertThat(diagnose(NAT_BY_WSLINFO, "[wsl2]\r\nnetworkingMode=nat\r\n", "[boot]\nsystemd=true\n")).isEmpty();
    }

    @Test
    void eachKindOfLineIsItsOwnFindingWithTheRewriteForItsFile() {
        List<Finding> f = diagnose(NAT_BY_WSLINFO, "memory=8GB\n[wsl2]\nswap=0\nswap=1GB\n", "[boot]\n; x\nsystemd=true\n");
        assertThat(f).extracting(Finding::id)
                .containsExactlyInAnyOrder(FindingId.WSL_CONF_PARSING_STOPS, FindingId.WSLCONFIG_LINE_IGNORED, FindingId.WSLCONFIG_DUPLICATE_KEY);
        Finding stops = f.stream().filter(x -> x.id().equals(FindingId.WSL_CONF_PARSING_STOPS)).findFirst().orElseThrow();
        assertThat(stops.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("/etc/wsl.conf").contains("line 2"));
        assertThat(stops.fixes()).extracting(FixSuggestion::plan).singleElement()
                .isEqualTo(new FixPlan.RewriteConfigLines(ConfigFileCheck.WSL_CONF, FindingId.WSL_CONF_PARSING_STOPS));
        Finding ignored = f.stream().filter(x -> x.id().equals(FindingId.WSLCONFIG_LINE_IGNORED)).findFirst().orElseThrow();
        assertThat(ignored.fixes()).extracting(FixSuggestion::plan)
                .containsExactly(new FixPlan.RewriteConfigLines(ConfigFileCheck.WSLCONFIG, FindingId.WSLCONFIG_LINE_IGNORED));
    }

    /**
     * "A WSL setting seems to do nothing": the finding itself names each line and why WSL reads it
     * otherwise, and no all-clear about this computer stands beside it.
     */
    @Test
    void theFindingNamesTheLineAndWhyAndNoAllClearStandsBesideIt() {
        List<Finding> all = diagnoser.diagnose(null, NAT_BY_WSLINFO, files("[wsl2]\nnetworkMode=mirrored\n", "[boot]\nsystemd=true\n"));
        assertThat(all).extracting(Finding::id).containsExactly(FindingId.WSLCONFIG_LINE_IGNORED);
        assertThat(all.getFirst().explanation())
                .startsWith(".wslconfig line 2 (\"networkMode=mirrored\"): WSL has no setting networkMode and ignores the line. "
                        + "Did you mean networkingMode in [wsl2]?");
        // many lines: the first few in the text, the rest counted
        String many = "[wsl2]\n" + "networkMode=mirrored\n".repeat(7);
        Finding f = diagnose(NAT_BY_WSLINFO, many, "").stream().filter(x -> x.id() == FindingId.WSLCONFIG_LINE_IGNORED).findFirst().orElseThrow();
        assertThat(f.explanation()).contains(".wslconfig line 6 (").doesNotContain(".wslconfig line 7 (")
                .contains("And 2 more such lines are listed in the details.");
    }

    @Test
    void aDifferentModeIsCalledNotEffectiveWhenWslinfoSaidSo() {
        List<Finding> f = diagnose(NAT_BY_WSLINFO, "[wsl2]\nnetworkingMode=mirrored\n", "");
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE);
        assertThat(f.getFirst().explanation()).contains("networkingMode=mirrored").contains("nat mode");
        assertThat(f.getFirst().fixes().getFirst().detail()).contains("22H2").contains("DisabledComponents")
                .doesNotContain("kernel is");
    }

    @Test
    void aModeGuessedFromInterfacesIsNeverCalledNotEffective() {
        Environment guessed = env("6.6.87.2-microsoft-standard-WSL2", "nat", "interfaces (eth0 with a NAT address)");
        assertThat(diagnose(guessed, "[wsl2]\nnetworkingMode=mirrored\n", "")).isEmpty();
        Environment unknown = env("6.6.87.2-microsoft-standard-WSL2", null, null);
        assertThat(diagnose(unknown, "[wsl2]\nnetworkingMode=mirrored\n", "")).isEmpty();
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"Mirrored,mirrored", "virtioproxy,consomme", "VirtioProxy,VirtioProxy", "NAT,nat"})
    void theSameModeInOtherWordsIsNoFinding(String configured, String running) {
        Environment env = env("6.6.87.2-microsoft-standard-WSL2", running, "wslinfo --networking-mode");
        assertThat(diagnose(env, "[wsl2]\nnetworkingMode=" + configured + "\n", "")).isEmpty();
    }

    @Test
    void anOldKernelIsNamedAsTheFirstReason() {
        Environment old = env("5.4.72-microsoft-standard-WSL2", "nat", "wslinfo --networking-mode");
        Finding f = diagnose(old, "[wsl2]\nnetworkingMode=mirrored\n", "").getFirst();
        assertThat(f.fixes().getFirst().detail()).contains("Your Linux kernel is 5.4; mirrored networking needs 5.10 or newer.");
        assertThat(ConfigRules.kernelTooOld("5.10.16.3-microsoft-standard-WSL2")).isEmpty();
        assertThat(ConfigRules.kernelTooOld("4.19.128-microsoft-standard")).contains("4.19");
        assertThat(ConfigRules.kernelTooOld("not a version")).isEmpty();
    }

    @Test
    void aModeWslRefusedIsAnIgnoredLineNotAModeFinding() {
        List<Finding> f = diagnose(NAT_BY_WSLINFO, "[wsl2]\nnetworkingMode=mirored\n", "");
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.WSLCONFIG_LINE_IGNORED);
    }
}
