package dev.netdoctor.cli;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.CommandRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
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
            err.println("wsl-net-doctor: restarting WSL stops every running distro. Run again with --yes to confirm.");
            return ExitCodes.PROBLEM_FOUND;
        }
        LocalLinuxSide local = new LocalLinuxSide();
        String wsl = local.hasCommand("wsl.exe") ? "wsl.exe" : "/mnt/c/Windows/System32/wsl.exe";
        if (!local.hasCommand(wsl)) {
            err.println("wsl-net-doctor: wsl.exe is not reachable from here. In Windows PowerShell, run: wsl --shutdown");
            return ExitCodes.INCOMPLETE;
        }
        out.println("Stopping all WSL distros (wsl.exe --shutdown)…");
        out.flush();
        CommandRun r = local.run(List.of(wsl, "--shutdown"), Duration.ofSeconds(60));
        if (!r.succeeded()) {
            err.println("wsl-net-doctor: wsl.exe --shutdown failed: " + (r.stderr() + r.stdout()).strip());
            return ExitCodes.INCOMPLETE;
        }
        out.println("Done. Start your distro again; WSL reads .wslconfig when it starts.");
        return ExitCodes.NO_PROBLEM;
    }
}
