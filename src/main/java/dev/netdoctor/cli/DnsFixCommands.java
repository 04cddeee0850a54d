// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.host.LinuxSide;
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

/** The two DNS fixes: WSL's DNS tunneling on, and WSL writing resolv.conf again. */
final class DnsFixCommands {
    private DnsFixCommands() {
    }

    @Command(name = "dns-tunneling", mixinStandardHelpOptions = true,
            description = {"Turns on WSL's DNS tunneling: dnsTunneling=true in [wsl2] of %%UserProfile%%\\.wslconfig.",
                    "Name lookups then go to Windows' own resolver instead of across WSL's network (Windows 11 22H2 and later).",
                    "Takes effect after 'wsl --shutdown' (see: wsl-net-doctor restart-wsl)."},
            footer = {"", "Examples:", "  wsl-net-doctor fix dns-tunneling --dry-run",
                    "  wsl-net-doctor fix dns-tunneling --wslconfig /mnt/c/Users/alice/.wslconfig"})
    static final class DnsTunneling implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--wslconfig", paramLabel = "PATH", description = "The .wslconfig file; found through WSL interop by default.")
        Path wslconfig;

        @Option(names = "--rewrite-utf16", description = "If the file is saved as UTF-16 (which WSL may not read), rewrite it as UTF-8 with the same content.")
        boolean rewriteUtf16;

        @Option(names = "--dry-run", description = "Show the change and write nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws InterruptedException {
            LinuxSide here = new LocalLinuxSide();
            return FixCommand.wireAndApply(spec.commandLine().getOut(), spec.commandLine().getErr(), FixPlan.WslconfigSetting.dnsTunnelingOn(),
                    FixCommand.places(here, LocalConfigFiles.forThisUser(), null, wslconfig, WslConfEdit.FILE),
                    new FixWiring.Choices("none", false, rewriteUtf16), List.of(), dryRun, "");
        }
    }

    @Command(name = "wsl-resolv-conf", mixinStandardHelpOptions = true,
            description = {"Lets WSL write /etc/resolv.conf again: generateResolvConf back to true in [network] of the distro's /etc/wsl.conf.",
                    "The file belongs to root. From Windows it is written as root through wsl.exe -u root; inside Linux, run this",
                    "command with sudo (the password goes to sudo, never to Net Doctor). Takes effect after 'wsl --shutdown'."},
            footer = {"", "Examples:", "  wsl-net-doctor fix wsl-resolv-conf --dry-run", "  sudo wsl-net-doctor fix wsl-resolv-conf",
                    "  wsl-net-doctor fix wsl-resolv-conf --wsl Ubuntu      (from Windows)"})
    static final class ResolvConf implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--wsl-conf", paramLabel = "PATH", defaultValue = WslConfEdit.FILE,
                description = "The distro's wsl.conf, ${DEFAULT-VALUE} by default (through wsl.exe a full path).")
        String wslConf;

        @Option(names = "--dry-run", description = "Show the change and write nothing.")
        boolean dryRun;

        @CommandLine.Mixin
        WslOptions wsl = new WslOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LinuxSide linux = wsl.linuxSideOrSayWhy(err);
            if (linux == null) {
                return ExitCodes.INCOMPLETE;
            }
            String wslConf = WslOptions.wslConfPath(this.wslConf, linux, err);
            if (wslConf == null) {
                return ExitCodes.BAD_INPUT;
            }
            return FixCommand.wireAndApply(out, err, new FixPlan.LetWslWriteResolvConf(),
                    FixCommand.places(linux, ConfigFiles.of(linux), null, null, wslConf), new FixWiring.Choices("none", false, false),
                    List.of(), dryRun, wsl.sameLinux(linux));
        }
    }
}
