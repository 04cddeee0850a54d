// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way reaching a WSL distro can fail gets one plain sentence and exit 3; nothing runs. */
class WslModeCliTest {
    static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    @Test
    void wslMissing() {
        CliRun r = CliRun.of("diagnose", "--wsl", "--wsl-exe", "/nonexistent/wsl.exe", "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("WSL is not installed").contains("wsl --install");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownDistroNamesTheInstalledOnes() {
        CliRun r = CliRun.of("diagnose", "--wsl", "Arch", "--wsl-exe", FAKE, "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("no WSL distro named Arch").contains("installed: Lab");
    }

    @Test
    void aDistroThatCannotStartStopsTheRunWithWslsOwnWords(@org.junit.jupiter.api.io.TempDir Path dir) {
        String exe = dev.netdoctor.host.FakeWsl.with(dir, java.util.Map.of("FAKE_WSL_DISTROS", "Lab:Broken:2:default"));
        CliRun r = CliRun.of("diagnose", "--wsl", "--wsl-exe", exe, "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("Note: The distro Lab is not running")
                .contains("could not be started: The virtual machine could not be started");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void noDistroAndWsl1AreExplained(@org.junit.jupiter.api.io.TempDir Path dir) {
        CliRun none = CliRun.of("diagnose", "--wsl", "--wsl-exe",
                dev.netdoctor.host.FakeWsl.with(dir, java.util.Map.of("FAKE_WSL_DISTROS", "")), "--quiet");
        assertThat(none.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(none.err()).contains("WSL has no Linux distro installed");
        CliRun old = CliRun.of("diagnose", "--wsl", "--wsl-exe",
                dev.netdoctor.host.FakeWsl.with(dir, java.util.Map.of("FAKE_WSL_DISTROS", "Old:Running:1:default")), "--quiet");
        assertThat(old.err()).contains("runs WSL 1").contains("only in WSL 2");
    }

    @Test
    void aCommandMissingInTheDistroNamesItsPackage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bin = dev.netdoctor.host.FakeWsl.pathWithout(dir, java.util.List.of("ip"));
        String exe = dev.netdoctor.host.FakeWsl.with(dir, java.util.Map.of("FAKE_WSL_PATH", bin.toString()));
        // a service port keeps the question on this computer: without one the way out is checked,
        // which would ask this machine's real DNS servers (tests send nothing beyond the machine)
        CliRun r = CliRun.of("diagnose", "--wsl", "Lab", "--wsl-exe", exe, "--service-port", "1", "--json", "--quiet", "--timeout", "15");
        dev.netdoctor.report.ResultSchema.DIAGNOSIS.check(r.out());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.path("environment").path("notes").toString())
                .contains("The ip command is not installed on the WSL distro Lab (package iproute2)");
        assertThat(json.path("probes").findValuesAsText("summary"))
                .anySatisfy(s -> assertThat(s).contains("not installed on the WSL distro Lab (package iproute2)"));
    }
}
