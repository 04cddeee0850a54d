// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.SafeApply;
import dev.netdoctor.fix.WslConfPlace;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = {"Puts back the exact bytes a fix replaced, from the backup it printed.",
                "Refuses when the file was changed after the fix, so those changes are not lost.",
                "With --wsl the backup is inside that WSL distro; on Windows that is the default for a Linux path (/home/…).",
                "With --firewall-rule NAME: removes the Windows firewall rule a fix added, by its name, and nothing else."})
public final class UndoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BACKUP_FILE", arity = "0..1", description = "The backup (or .undo record) a fix printed.")
    String backup;

    @CommandLine.Mixin
    WslOptions wsl = new WslOptions();

    @CommandLine.Option(names = "--firewall-rule", paramLabel = "NAME",
            description = "Remove the Windows firewall rule a fix added (its name starts with WSLNetDoctor-); Windows asks for administrator rights.")
    String firewallRule;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (firewallRule != null) {
            if (backup != null) {
                err.println("wsl-net-doctor: " + Words.get("cli.undo.oneThing"));
                return ExitCodes.BAD_INPUT;
            }
            return FirewallRuleCli.undo(spec.commandLine().getOut(), err, firewallRule, standpoint(err), wsl);
        }
        // "undo --wsl /home/…/x.bak": --wsl takes an optional distro name, so it took the path.
        // No distro name has a '/' in it: that is the backup, in the default distro.
        if (backup == null && wsl.distro != null && (wsl.distro.contains("/") || wsl.distro.contains("\\"))) {
            backup = wsl.distro;
            wsl.distro = "";
        }
        if (backup == null || backup.isBlank()) {
            err.println("wsl-net-doctor: " + Words.get("cli.undo.which"));
            err.println(Words.get("cli.tryHelp", "wsl-net-doctor undo"));
            return ExitCodes.BAD_INPUT;
        }
        try {
            // On Windows a path like /home/alice/.ssh/config.….bak can only be a distro's.
            LinuxSide linux = wsl.linuxSide(err, WslOptions.onWindows() && backup.startsWith("/"), false);
            if (backup.startsWith("/etc/")) {
                // root's files (the fix of /etc/wsl.conf): as root through wsl.exe, or sudo here
                try (WslConfPlace place = WslConfPlace.of(linux, backup)) {
                    if (place.needsSudo().isPresent()) {
                        err.println("wsl-net-doctor: " + Words.get("cli.undo.sudo", backup));
                        err.println("  sudo " + WslConfPlace.self() + " undo " + FixCommand.pasteable(backup));
                        err.println(Words.get("cli.nothingChanged"));
                        return ExitCodes.PROBLEM_FOUND;
                    }
                    return undo(place.files());
                }
            }
            return undo(ConfigFiles.of(linux));
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.INCOMPLETE; // no distro to undo in
        } catch (FixException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return e.isBadInput() ? ExitCodes.BAD_INPUT : ExitCodes.PROBLEM_FOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("wsl-net-doctor: " + Words.get("cli.interrupted"));
            return ExitCodes.INCOMPLETE;
        } catch (Exception e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.INCOMPLETE;
        }
    }

    /**
     * Where the app stands, for removing a firewall rule: Windows when it runs there (a Windows
     * without WSL can still remove our rule), else as the Linux it was pointed at says (--wsl).
     */
    private Standpoint standpoint(PrintWriter err) {
        if (WslOptions.onWindows() || (wsl.distro == null && wsl.wslExe == null)) {
            return WslOptions.onWindows() ? Standpoint.WINDOWS : Standpoint.THIS_LINUX;
        }
        LinuxSide side = wsl.linuxSideOrSayWhy(err);
        return side == null ? Standpoint.THIS_LINUX : side.standpoint();
    }

    private int undo(ConfigFiles files) throws FixException, InterruptedException {
        String restored = new SafeApply(files, Clock.systemUTC()).undo(backup);
        boolean removed;
        try {
            removed = files.read(restored, SafeApply.MAX_BYTES).isEmpty();
        } catch (java.io.IOException e) {
            removed = false;
        }
        // A fix that created the file is undone by removing it: say so, not "Restored".
        spec.commandLine().getOut().println(removed ? Words.get("cli.undo.removed", files.where(restored))
                : Words.get("cli.undo.restored", files.where(restored), backup));
        return ExitCodes.NO_PROBLEM;
    }
}
