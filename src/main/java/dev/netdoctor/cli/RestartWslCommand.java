// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.WslRestart;
import dev.netdoctor.model.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "restart-wsl", mixinStandardHelpOptions = true,
        description = {"Runs 'wsl.exe --shutdown' so a .wslconfig change takes effect.",
                "This STOPS EVERY RUNNING WSL DISTRO (and this program too, when run inside WSL): save your work first.",
                "WSL applies the new settings when a distro starts again, about 8 seconds after all have stopped."})
public final class RestartWslCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--yes", description = "Confirm that every running distro may be stopped now.")
    boolean yes;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!yes) {
            err.println("wsl-net-doctor: " + Words.get("cli.restart.confirm"));
            return ExitCodes.BAD_INPUT; // asked to act without the confirmation it needs: usage, not a finding
        }
        LocalLinuxSide here = new LocalLinuxSide();
        // Said before "Stopping…": announcing a restart that cannot happen reads as if it did.
        if (WslRestart.wslExe(here).isEmpty()) {
            err.println("wsl-net-doctor: " + Words.get("cli.restart.noWslExe"));
            return ExitCodes.INCOMPLETE;
        }
        out.println(Words.get("cli.restart.stopping"));
        out.flush();
        try {
            WslRestart.shutdown(here);
        } catch (FixException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.INCOMPLETE;
        }
        out.println(Words.get("cli.restart.done"));
        return ExitCodes.NO_PROBLEM;
    }
}
