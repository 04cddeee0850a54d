// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.testing.ScriptedLinux;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The restart that makes WSL read .wslconfig again: the wsl.exe found, its failure in its own words. */
class WslRestartTest {
    @Test
    void shutsDownThroughTheWslExeOnThePath() throws Exception {
        ScriptedLinux side = new ScriptedLinux("wsl.exe", "/mnt/c/Windows/System32/wsl.exe").answer("wsl.exe --shutdown", "");

        WslRestart.shutdown(side);
        assertThat(side.asked).containsExactly("wsl.exe --shutdown");
    }

    /** Inside a distro whose PATH lacks Windows' folders, the interop path is used. */
    @Test
    void fallsBackToWindowsOwnWslExeThroughInterop() throws Exception {
        ScriptedLinux side = new ScriptedLinux("/mnt/c/Windows/System32/wsl.exe")
                .answer("/mnt/c/Windows/System32/wsl.exe --shutdown", "");

        assertThat(WslRestart.wslExe(side)).contains("/mnt/c/Windows/System32/wsl.exe");
        WslRestart.shutdown(side);
        assertThat(side.asked).containsExactly("/mnt/c/Windows/System32/wsl.exe --shutdown");
    }

    @Test
    void withoutWslExeTheUserIsToldWhatToRunInstead() {
        ScriptedLinux side = new ScriptedLinux("ssh");

        assertThat(WslRestart.wslExe(side)).isEmpty();
        assertThatThrownBy(() -> WslRestart.shutdown(side)).isInstanceOf(FixException.class)
                .hasMessage("wsl.exe is not reachable from here. In Windows PowerShell, run: wsl --shutdown");
        assertThat(side.asked).isEmpty();
    }

    @Test
    void aFailedShutdownIsReportedInWslExesWords() {
        ScriptedLinux side = new ScriptedLinux("wsl.exe").fail("wsl.exe --shutdown", 1, "Access is denied.\n");

        assertThatThrownBy(() -> WslRestart.shutdown(side)).isInstanceOf(FixException.class)
                .hasMessage("wsl.exe --shutdown failed: Access is denied.");
    }
}
