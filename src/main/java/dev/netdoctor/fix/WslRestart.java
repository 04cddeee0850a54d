// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code wsl.exe --shutdown}: stops every running distro so WSL reads .wslconfig on the next
 * start. Callers must have the user's explicit confirmation first.
 */
public final class WslRestart {
    private static final List<String> CANDIDATES = List.of("wsl.exe", "/mnt/c/Windows/System32/wsl.exe");

    private WslRestart() {
    }

    /** The wsl.exe reachable from here (Windows, or WSL interop), if any. */
    public static Optional<String> wslExe(LinuxSide side) {
        return CANDIDATES.stream().filter(side::hasCommand).findFirst();
    }

    /** Runs the shutdown; throws with a plain message when it cannot. */
    public static void shutdown(LinuxSide side) throws FixException, InterruptedException {
        String exe = wslExe(side).orElseThrow(() -> new FixException(
                "wsl.exe is not reachable from here. In Windows PowerShell, run: wsl --shutdown"));
        CommandRun r = side.run(List.of(exe, "--shutdown"), Duration.ofSeconds(60));
        if (!r.succeeded()) {
            throw new FixException("wsl.exe --shutdown failed: " + (r.stderr() + r.stdout()).strip());
        }
    }
}
