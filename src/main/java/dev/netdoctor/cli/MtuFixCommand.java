// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fix wsl-mtu}: the distro's MTU at every start, through [boot] command in its wsl.conf. */
@Command(name = "wsl-mtu", mixinStandardHelpOptions = true,
        description = {"Sets the MTU of the distro's eth0 every time it starts, through [boot] command in its /etc/wsl.conf.",
                "It writes command = ip link set dev eth0 mtu N, which WSL runs as root; a boot command already there is kept",
                "and runs after it.",
                "The file belongs to root. From Windows it is written as root through wsl.exe -u root; inside Linux, run this",
                "command with sudo (the password goes to sudo, never to Net Doctor). Takes effect when the distro next starts;",
                "'sudo ip link set dev eth0 mtu N' sets it at once."},
        footer = {"", "Examples:", "  wsl-net-doctor fix wsl-mtu --mtu 1400 --dry-run", "  sudo wsl-net-doctor fix wsl-mtu --mtu 1400",
                "  wsl-net-doctor fix wsl-mtu --mtu 1400 --wsl Ubuntu      (from Windows)"})
final class MtuFixCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mtu", required = true, paramLabel = "BYTES",
            description = "The MTU: the largest packet that gets through (path-mtu-blackhole says it), 576 to 9000.")
    String mtu;

    @Option(names = "--device", paramLabel = "NAME", defaultValue = FixWiring.DEFAULT_DEVICE,
            description = "The distro's interface, ${DEFAULT-VALUE} by default.")
    String device;

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
        FixPlan.DistroMtuAtBoot plan;
        try {
            plan = new FixPlan.DistroMtuAtBoot(device, mtu);
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        LinuxSide linux = wsl.linuxSideOrSayWhy(err);
        if (linux == null) {
            return ExitCodes.INCOMPLETE;
        }
        String path = WslOptions.wslConfPath(wslConf, linux, err);
        if (path == null) {
            return ExitCodes.BAD_INPUT;
        }
        return FixCommand.wireAndApply(out, err, plan, FixCommand.places(linux, ConfigFiles.of(linux), null, null, path),
                new FixWiring.Choices("none", false, false), List.of(), dryRun, wsl.sameLinux(linux));
    }
}
