// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The powershell.exe stand-in's own checks of the 5.1 behaviour it plays (its --self-test). */
class FakePowerShellSelfTest {
    @Test
    void theStandInPlaysWhatItClaims() throws Exception {
        assumeTrue(FakePowerShell.runs(), "Skipping: the powershell.exe stand-in needs python3");
        Process p = new ProcessBuilder(List.of(FakePowerShell.EXE.toString(), "--self-test")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("SELF-TEST OK");
        assertThat(p.exitValue()).as(out).isZero();
    }
}
