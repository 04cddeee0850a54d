// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.fix.ElevatedPowerShell;
import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.WindowsFirewallFix;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Words;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The firewall fix from the command line, for {@code fix apply} and {@code undo}: the command and
 * its undo are always printed first (as the file fixes print their diff), {@code --dry-run} stops
 * there, and otherwise Windows is asked for administrator rights for exactly that command. Where the
 * app does not run on Windows the command is for the user to run, and nothing is changed.
 */
final class FirewallRuleCli {
    private FirewallRuleCli() {
    }

    /**
     * Adds the plan's rule; exit 0 added (or there already), 1 declined or refused, 2 bad input, 3 could not finish.
     *
     * @param sameOptions the options that reach the same powershell.exe and Linux again, for the printed undo
     */
    static int apply(PrintWriter out, PrintWriter err, FixPlan.WindowsFirewallRule plan, Standpoint standpoint,
                     WslOptions options, boolean dryRun, String sameOptions) {
        out.println(Words.get("cli.firewall.command"));
        out.println("  " + plan.addCommand());
        out.println(Words.get("cli.firewall.undoCommand"));
        out.println("  " + plan.removeCommand());
        if (!FixWiring.appliesFrom(plan, standpoint)) {
            err.println("wsl-net-doctor: " + Words.get("cli.firewall.fromWindows"));
            return ExitCodes.PROBLEM_FOUND;
        }
        if (dryRun) {
            out.println(Words.get("cli.firewall.dryRun"));
            return ExitCodes.NO_PROBLEM;
        }
        out.println(Words.get("cli.firewall.asking", ElevatedPowerShell.PROMPT_LIMIT.toSeconds()));
        out.flush();
        return ask(out, err, () -> fix(options).apply(plan), r -> {
            out.println(Words.get("cli.firewall.added", r.rule()));
            out.println(Words.get("cli.fix.checked", r.verification()));
            out.println(Words.get("cli.fix.undo") + " wsl-net-doctor undo --firewall-rule " + r.rule() + sameOptions);
        }, r -> out.println(Words.get("cli.firewall.already", r.verification())));
    }

    /** Removes our rule named {@code rule}; the same exit codes. */
    static int undo(PrintWriter out, PrintWriter err, String rule, Standpoint standpoint, WslOptions options) {
        String remove;
        try {
            remove = FixPlan.WindowsFirewallRule.removeCommand(rule);
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        out.println(Words.get("cli.firewall.removeCommand"));
        out.println("  " + remove);
        switch (standpoint) {
            case WINDOWS -> {
            }
            case THIS_LINUX -> {
                err.println("wsl-net-doctor: " + Words.get("cli.firewall.fromWindows"));
                return ExitCodes.PROBLEM_FOUND;
            }
        }
        out.println(Words.get("cli.firewall.asking", ElevatedPowerShell.PROMPT_LIMIT.toSeconds()));
        out.flush();
        return ask(out, err, () -> fix(options).undo(rule), r -> {
            out.println(Words.get("cli.firewall.removed", rule));
            out.println(Words.get("cli.fix.checked", r.verification()));
        }, r -> out.println(Words.get("cli.firewall.alreadyGone", rule)));
    }

    /** A change Windows asks administrator rights for: what ran is said, and its exit code. */
    private interface Change {
        WindowsFirewallFix.Result run() throws FixException, InterruptedException;
    }

    /** Runs the change and says how it ended: done or already so (0), declined or refused (1), stopped (3). */
    private static int ask(PrintWriter out, PrintWriter err, Change change, java.util.function.Consumer<WindowsFirewallFix.Result> done,
                           java.util.function.Consumer<WindowsFirewallFix.Result> already) {
        try {
            WindowsFirewallFix.Result r = change.run();
            return switch (r.outcome()) {
                case DONE -> {
                    done.accept(r);
                    yield ExitCodes.NO_PROBLEM;
                }
                case ALREADY -> {
                    already.accept(r);
                    yield ExitCodes.NO_PROBLEM;
                }
                case DECLINED -> {
                    err.println("wsl-net-doctor: " + Words.get("cli.firewall.declined", r.verification()));
                    yield ExitCodes.PROBLEM_FOUND;
                }
            };
        } catch (FixException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.PROBLEM_FOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("wsl-net-doctor: " + Words.get("cli.interrupted"));
            return ExitCodes.INCOMPLETE;
        }
    }

    /** The powershell.exe of --powershell-exe, else the one the app uses for Windows' settings. */
    private static WindowsFirewallFix fix(WslOptions options) {
        Path exe = options.powershellExe != null ? options.powershellExe : WindowsHost.powershellExe();
        return FixWiring.firewall(new LocalLinuxSide(), exe.toString());
    }

    /** --powershell-exe again, for a printed command line (the undo). */
    static String samePowerShell(WslOptions options) {
        return options.powershellExe == null ? "" : " --powershell-exe " + FixCommand.pasteable(options.powershellExe.toString());
    }
}
