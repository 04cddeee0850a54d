// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.PowerShellExe;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --powershell-exe PATH}, shared by the commands that start Windows PowerShell (the
 * firewall fix and its undo; diagnose reads Windows' settings with it): without it, the one
 * {@link PowerShellExe#defaultExe()} finds.
 */
final class PowerShellOption {
    @Option(names = "--powershell-exe", paramLabel = "PATH", description = "Where Windows PowerShell (powershell.exe) is, if not in its usual place.")
    Path exe;

    /** The powershell.exe to start. */
    String exe() {
        return exe != null ? exe.toString() : PowerShellExe.defaultExe();
    }

    /** The option again, for a command line printed to the user (the undo). */
    String sameExe() {
        return exe == null ? "" : " --powershell-exe " + FixCommand.pasteable(exe.toString());
    }
}
