// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.EditResult;
import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.SafeApply;
import dev.netdoctor.fix.SshConfigEdit;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.fix.WslConfPlace;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslConfigLocation;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code fix …}: the one-click fixes, from the command line, with the same safety. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = "Applies a fix safely: shows the diff, keeps a backup, checks the result, can be undone.",
        subcommands = {FixCommand.SshIpqos.class, WslModeCommand.class, DnsFixCommands.DnsTunneling.class,
                DnsFixCommands.ResolvConf.class, ConfigLinesFixCommand.class, ApplyFixCommand.class, MtuFixCommand.class})
public final class FixCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the CLI's fixes write: the ssh config of {@code linux}, the .wslconfig found as {@code wslconfig} says. */
    static FixWiring.Places places(LinuxSide linux, ConfigFiles files, String sshConfig, Path wslconfig, String wslConf) {
        return new FixWiring.Places(linux, files, sshConfig, () -> wslconfig != null ? Optional.of(wslconfig.toString())
                : WslConfigLocation.find(new LocalLinuxSide()).map(Path::toString), wslConf, WslConfPlace::writable, Clock.systemDefaultZone());
    }

    /**
     * Shared by every fix command: wires the plan ({@link FixWiring}), says what to do instead where
     * this process may not write the file, prints {@code notes}, then {@link #previewAndApply}.
     */
    static int wireAndApply(PrintWriter out, PrintWriter err, FixPlan plan, FixWiring.Places places, FixWiring.Choices choices,
                            List<String> notes, boolean dryRun, String undoOptions) {
        try (FixWiring.Wired wired = FixWiring.wire(plan, places, choices).orElseThrow()) {
            if (wired.needsSudo().isPresent() && !dryRun) {
                err.println("wsl-net-doctor: " + Words.get("cli.fix.sudo", wired.file()));
                err.println("  " + wired.needsSudo().get());
                err.println(Words.get("cli.fix.sudo.dryRun"));
                return ExitCodes.PROBLEM_FOUND;
            }
            notes.forEach(out::println);
            return previewAndApply(out, err, wired.files(), wired.file(), wired.edit(), wired.verifier(), dryRun, undoOptions);
        } catch (FixWiring.NoWslconfig e) {
            err.println("wsl-net-doctor: " + Words.get("cli.fix.noWslconfig"));
            return ExitCodes.BAD_INPUT;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.INCOMPLETE;
        }
    }

    /** Shared: print the preview, apply unless dry-run, report; exit 0 done or nothing to do, 1 refused. */
    static int previewAndApply(PrintWriter out, PrintWriter err, ConfigFiles files, String file, Function<byte[], EditResult> edit,
                               FixWiring.VerifierFactory verifier, boolean dryRun, String undoOptions) {
        SafeApply apply = new SafeApply(files, Clock.systemUTC());
        try {
            SafeApply.Preview preview = apply.preview(file, edit);
            EditResult r = preview.edit();
            r.notes().forEach(n -> out.println(n));
            if (!r.applicable()) {
                r.conflicts().forEach(c -> err.println(Words.get("cli.fix.conflict", c)));
                err.println(Words.get("cli.nothingChanged"));
                return ExitCodes.PROBLEM_FOUND;
            }
            if (!r.changed()) {
                return ExitCodes.NO_PROBLEM;
            }
            if (!preview.existed()) {
                out.println(Words.get("cli.fix.willCreate", files.where(preview.file())));
            }
            out.println();
            out.print(preview.diff());
            if (dryRun) {
                out.println();
                out.println(Words.get("cli.fix.dryRun"));
                return ExitCodes.NO_PROBLEM;
            }
            SafeApply.Applied applied = apply.apply(preview, verifier.create(preview));
            out.println();
            out.println(Words.get("cli.fix.written", files.where(applied.file())));
            out.println(applied.backup() == null ? Words.get("cli.fix.noBackup") : Words.get("cli.fix.backup", applied.backup()));
            out.println(Words.get(applied.verdict().ran() ? "cli.fix.checked" : "cli.fix.notChecked", applied.verdict().message()));
            out.println(Words.get("cli.fix.undo") + " wsl-net-doctor undo " + pasteable(String.valueOf(applied.backup() == null ? applied.undoRecord()
                    : applied.backup())) + undoOptions);
            return ExitCodes.NO_PROBLEM;
        } catch (FixException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return e.isBadInput() ? ExitCodes.BAD_INPUT : ExitCodes.PROBLEM_FOUND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("wsl-net-doctor: " + Words.get("cli.interrupted"));
            return ExitCodes.INCOMPLETE;
        }
    }

    @Command(name = "ssh-ipqos", mixinStandardHelpOptions = true,
            description = {"Turns off ssh's packet marking (IPQoS) for some hosts in your ~/.ssh/config.",
                    "Changes nothing for any other host; the real ssh (ssh -G) checks that before and after writing.",
                    "With --wsl (the default on Windows) it is the config inside the WSL distro, written through wsl.exe."},
            footer = {"", "Examples:", "  wsl-net-doctor fix ssh-ipqos --hosts '192.168.1.*' --dry-run",
                    "  wsl-net-doctor fix ssh-ipqos --hosts '192.168.1.*' --wsl Ubuntu"})
    static final class SshIpqos implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--hosts", required = true, paramLabel = "PATTERN", description = "Host pattern, e.g. 192.168.1.* or nas.local.")
        String hosts;

        @Option(names = "--value", defaultValue = "none", paramLabel = "IPQOS", description = "The IPQoS to use, ${DEFAULT-VALUE} by default.")
        String value;

        @Option(names = "--ssh-config", paramLabel = "PATH",
                description = "The config file, ~/.ssh/config by default; with --wsl a full path inside the distro.")
        String sshConfig;

        @Option(names = "--dry-run", description = "Show the change and write nothing.")
        boolean dryRun;

        @CommandLine.Mixin
        WslOptions wsl = new WslOptions();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String pattern;
            String ipqos;
            try {
                pattern = SshConfigEdit.checkPattern(hosts);
                ipqos = SshConfigEdit.checkValue(value);
            } catch (InvalidInputException e) {
                err.println("wsl-net-doctor: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            LinuxSide linux = wsl.linuxSideOrSayWhy(err);
            if (linux == null) {
                return ExitCodes.INCOMPLETE;
            }
            // --hosts is a pattern, not a host the diagnosis named: ssh -G checks it by an example host only
            return wireAndApply(spec.commandLine().getOut(), err, new FixPlan.SshIpqosNone(pattern, pattern),
                    places(linux, ConfigFiles.of(linux), sshConfig, null, WslConfEdit.FILE), new FixWiring.Choices(ipqos, false, false),
                    List.of(), dryRun, wsl.sameLinux(linux));
        }
    }

    /** A path as the user can paste it into their shell ({@link dev.netdoctor.fix.UndoCommand#pasteable}). */
    static String pasteable(String path) {
        return dev.netdoctor.fix.UndoCommand.pasteable(path);
    }
}
