// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "wsl-networking-mode", mixinStandardHelpOptions = true,
        description = {"Sets networkingMode in %%UserProfile%%\\.wslconfig (mirrored or nat).",
                "Takes effect after 'wsl --shutdown' (see: wsl-net-doctor restart-wsl)."},
        footer = {"", "Examples:", "  wsl-net-doctor fix wsl-networking-mode --mode mirrored --dry-run",
                "  wsl-net-doctor fix wsl-networking-mode --mode nat --wslconfig /mnt/c/Users/alice/.wslconfig"})
final class WslModeCommand implements Callable<Integer> {
    /** The modes a fix offers; virtioproxy and none are not fixes for anything we diagnose. */
    enum FixMode { MIRRORED, NAT }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", required = true, paramLabel = "mirrored|nat", description = "The networking mode to set.")
    FixMode mode;

    @Option(names = "--wslconfig", paramLabel = "PATH", description = "The .wslconfig file; found through WSL interop by default.")
    Path wslconfig;

    @Option(names = "--rewrite-utf16", description = "If the file is saved as UTF-16 (which WSL may not read), rewrite it as UTF-8 with the same content.")
    boolean rewriteUtf16;

    @Option(names = "--dry-run", description = "Show the change and write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NetworkingMode target = mode == FixMode.MIRRORED ? NetworkingMode.MIRRORED : NetworkingMode.NAT;
        List<String> notes = target == NetworkingMode.MIRRORED ? List.of(Words.get("cli.note", Words.get("cli.fix.mirroredNote"))) : List.of();
        LocalLinuxSide here = new LocalLinuxSide();
        return FixCommand.wireAndApply(out, err, FixPlan.WslconfigSetting.networkingMode(target),
                FixCommand.places(here, LocalConfigFiles.forThisUser(), null, wslconfig, WslConfEdit.FILE),
                new FixWiring.Choices("none", false, rewriteUtf16), notes, dryRun, "");
    }
}
