// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.config;

import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.ConfigProblem;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.probe.ProbeReport;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings-files check on its own: which files it reads, what WSL uses from them, the lines WSL
 * reads otherwise, and what it says when a file is missing, cannot be found or cannot be read.
 */
class ConfigFilesProbeTest {
    @TempDir
    Path dir;

    /** The check with .wslconfig at {@code wslconfig} (null: found as the app would) and this Linux's files. */
    private static ProbeReport run(String wslconfig, ScriptedLinux linux) throws Exception {
        DiagnosisRequest request = new DiagnosisRequest(null, List.of(), null, Duration.ofSeconds(2), null,
                new DiagnosisRequest.ConfigPaths(wslconfig, null));
        return new ConfigFilesProbe().run(new TestContext(request, linux, Environments.linux().build()));
    }

    private static ProbeData.ConfigFiles files(ProbeReport report) {
        return (ProbeData.ConfigFiles) report.data();
    }

    @Test
    void whatWslUsesAndTheLinesItReadsOtherwise() throws Exception {
        Path wslconfig = Files.writeString(dir.resolve(".wslconfig"), "[wsl2]\nnetworkingMode=mirrored\nnetworkingMode=nat\n");
        ScriptedLinux linux = new ScriptedLinux().file("/etc/wsl.conf", "[network]\nhostname=box\n");

        ProbeReport report = run(wslconfig.toString(), linux);

        assertThat(report.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(report.summary()).isEqualTo("1 line of WSL's settings files read differently from how they look");
        assertThat(report.parameters()).containsExactly(Map.entry(".wslconfig", wslconfig.toString()),
                Map.entry("/etc/wsl.conf", "/etc/wsl.conf"));
        ConfigFileCheck first = files(report).files().get(0);
        assertThat(first.file()).isEqualTo(".wslconfig");
        assertThat(first.status()).isEqualTo(ConfigFileCheck.READ);
        assertThat(first.encoding()).isEqualTo("UTF-8");
        assertThat(first.settings()).containsExactly(Map.entry("wsl2.networkingMode", "mirrored"));
        assertThat(first.problems()).singleElement().satisfies(p -> {
            assertThat(p.findingId()).isEqualTo(FindingId.WSLCONFIG_DUPLICATE_KEY);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.text()).isEqualTo("networkingMode=nat");
        });
        ConfigFileCheck second = files(report).files().get(1);
        assertThat(second.file()).isEqualTo("/etc/wsl.conf");
        assertThat(second.settings()).containsExactly(Map.entry("network.hostname", "box"));
        assertThat(second.problems()).isEmpty();
        assertThat(report.evidence()).extracting(Evidence::summary).containsExactly(
                ".wslconfig (" + wslconfig + ", UTF-8): wsl2.networkingMode=mirrored; 1 line(s) read differently.",
                "/etc/wsl.conf (/etc/wsl.conf, UTF-8): network.hostname=box; every line reads as it looks.");
    }

    @Test
    void linesOfBothFilesAreCountedTogether() throws Exception {
        Path wslconfig = Files.writeString(dir.resolve(".wslconfig"), "networkingMode=mirrored\n");
        ScriptedLinux linux = new ScriptedLinux().file("/etc/wsl.conf", "[network]\ngenerateResolvConf=maybe\n");

        ProbeReport report = run(wslconfig.toString(), linux);

        assertThat(files(report).files()).extracting(f -> f.problems().size()).containsExactly(1, 1);
        assertThat(report.summary()).isEqualTo("2 lines of WSL's settings files read differently from how they look");
        assertThat(report.evidence()).extracting(Evidence::summary).allMatch(e -> e.contains(": no setting WSL uses; 1 line(s)"));
        assertThat(files(report).files().get(0).problems()).extracting(ConfigProblem::findingId)
                .containsExactly(FindingId.WSLCONFIG_LINE_IGNORED);
    }

    @Test
    void missingFilesMeanWslsDefaults() throws Exception {
        Path absent = dir.resolve(".wslconfig");

        ProbeReport report = run(absent.toString(), new ScriptedLinux());

        assertThat(report.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(report.summary()).isEqualTo("WSL reads its settings files as they look");
        assertThat(files(report).files()).extracting(ConfigFileCheck::status).containsExactly(ConfigFileCheck.MISSING, ConfigFileCheck.MISSING);
        assertThat(report.parameters()).containsEntry(".wslconfig", absent.toString());
        assertThat(report.evidence()).extracting(Evidence::summary).containsExactly(
                ".wslconfig: There is no .wslconfig, so WSL uses its defaults (NAT networking, DNS tunneling on in WSL 2.2.1 and later).",
                "/etc/wsl.conf: There is no /etc/wsl.conf (or it cannot be read), so the distro uses its defaults.");
    }

    @Test
    void withoutWindowsThereIsNoWslconfigToLookFor() throws Exception {
        ProbeReport report = run(null, new ScriptedLinux().file("/etc/wsl.conf", "[boot]\nsystemd=true\n"));

        ConfigFileCheck wslconfig = files(report).files().get(0);
        assertThat(wslconfig.status()).isEqualTo(ConfigFileCheck.NOT_FOUND);
        assertThat(wslconfig.path()).isNull();
        assertThat(report.parameters()).containsEntry(".wslconfig", ConfigFileCheck.NOT_FOUND);
        assertThat(files(report).files().get(1).settings()).containsEntry("boot.systemd", "true");
    }

    @Test
    void aWslconfigThatCannotBeReadIsSaidSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve(".wslconfig"));

        ProbeReport report = run(folder.toString(), new ScriptedLinux());

        ConfigFileCheck wslconfig = files(report).files().get(0);
        assertThat(wslconfig.status()).isEqualTo(ConfigFileCheck.UNREADABLE);
        assertThat(wslconfig.note()).startsWith("It cannot be read: ");
        assertThat(report.evidence().getFirst().summary()).startsWith(".wslconfig: It cannot be read: ");
    }
}
