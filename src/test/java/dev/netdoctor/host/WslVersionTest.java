// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Recorded `wsl.exe --version` outputs, in English and translated. */
class WslVersionTest {
    @Test
    void english() {
        WslVersion v = WslVersion.parse("""
                WSL version: 2.3.26.0
                Kernel version: 5.15.167.4-1
                WSLg version: 1.0.65
                MSRDC version: 1.2.5620
                Direct3D version: 1.611.1-81528511
                DXCore version: 10.0.26100.1-240331-1435.ge-release
                Windows version: 10.0.26100.2605
                """);
        assertThat(v.wsl()).isEqualTo("2.3.26.0");
        assertThat(v.kernel()).isEqualTo("5.15.167.4-1");
        assertThat(v.windows()).isEqualTo("10.0.26100.2605");
        assertThat(v.describe()).isEqualTo("WSL 2.3.26.0, WSL kernel 5.15.167.4-1, Windows 10.0.26100.2605");
    }

    @Test
    void translatedLabelsAreReadByPlace() {
        WslVersion de = WslVersion.parse("""
                WSL-Version: 2.4.11.0
                Kernelversion: 5.15.167.4-1
                WSLg-Version: 1.0.65
                MSRDC-Version: 1.2.5716
                Direct3D-Version: 1.611.1-81528511
                DXCore-Version: 10.0.26100.1-240331-1435.ge-release
                Windows-Version: 10.0.22631.4751
                """);
        assertThat(de.wsl()).isEqualTo("2.4.11.0");
        assertThat(de.windows()).isEqualTo("10.0.22631.4751");
        WslVersion fr = WslVersion.parse("Version WSL : 2.3.26.0\nVersion du noyau : 5.15.167.4-1\nVersion de Windows : 10.0.26100.2605\n");
        assertThat(fr.wsl()).isEqualTo("2.3.26.0");
        assertThat(fr.kernel()).isEqualTo("5.15.167.4-1");
    }

    @Test
    void anOldWslPrintsUsageAndWeSaySo() {
        WslVersion old = WslVersion.parse("Usage: wsl.exe [Argument] [Options...] [CommandLine]\nArguments for running Linux binaries:\n");
        assertThat(old.wsl()).isNull();
        assertThat(old.describe()).contains("gave no version").contains("Usage: wsl.exe");
    }

    @Test
    void throughTheFakeWslExe() throws Exception {
        var fake = java.nio.file.Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();
        org.junit.jupiter.api.Assumptions.assumeTrue(new LocalLinuxSide().hasCommand("iconv"));
        assertThat(new WslLinuxSide(fake, "Lab").version().describe()).isEqualTo("WSL 2.3.26.0, WSL kernel 5.15.167.4-1, Windows 10.0.26100.2605");
    }
}
