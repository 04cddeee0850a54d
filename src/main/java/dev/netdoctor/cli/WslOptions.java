package dev.netdoctor.cli;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslDistro;
import dev.netdoctor.host.WslLinuxSide;
import dev.netdoctor.model.InvalidInputException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --wsl [DISTRO]} and {@code --wsl-exe PATH}, shared by the commands that work on a
 * Linux: this one, or a WSL distro through wsl.exe. Every way reaching the distro can fail gets
 * a sentence that says what to do.
 */
final class WslOptions {
    @Option(names = "--wsl", arity = "0..1", fallbackValue = "", paramLabel = "DISTRO",
            description = "Work inside a WSL distro through wsl.exe (the default distro when no name is given). "
                    + "The default on Windows.")
    String distro;

    @Option(names = "--wsl-exe", paramLabel = "PATH", description = "Where wsl.exe is, if not on the PATH.")
    Path wslExe;

    static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
    }

    /** This Linux, or a WSL distro: chosen by --wsl or --wsl-exe, and by default on Windows. */
    LinuxSide linuxSide(PrintWriter err) throws InterruptedException {
        return linuxSide(err, onWindows(), true);
    }

    /**
     * @param wslByDefault whether, without --wsl or --wsl-exe, the default distro is meant
     * @param wsl2Only     whether a WSL 1 distro is refused: what we diagnose and fix happens in WSL 2
     *                     only, but an undo must work wherever a fix was made
     * @throws InvalidInputException with the sentence for the user when no distro can be used
     */
    LinuxSide linuxSide(PrintWriter err, boolean wslByDefault, boolean wsl2Only) throws InterruptedException {
        if (distro == null && wslExe == null && !wslByDefault) {
            return new LocalLinuxSide();
        }
        String exe = wslExe != null ? wslExe.toString() : "wsl.exe";
        if (!new LocalLinuxSide().hasCommand(exe)) {
            throw new InvalidInputException("WSL is not installed here (no " + exe + "). Install it with \"wsl --install\" in an "
                    + "administrator PowerShell, or give its location with --wsl-exe.");
        }
        List<WslDistro> distros = WslLinuxSide.list(exe);
        if (distros.isEmpty()) {
            throw new InvalidInputException("WSL has no Linux distro installed. Install one, e.g. \"wsl --install -d Ubuntu\".");
        }
        String wanted = distro == null || distro.isBlank() ? null : distro;
        WslDistro chosen = WslDistro.choose(distros, wanted).orElseThrow(() -> new InvalidInputException(
                (wanted == null ? "No default WSL distro is set" : "There is no WSL distro named " + wanted) + "; installed: "
                        + String.join(", ", distros.stream().map(WslDistro::name).toList()) + ". Choose one with --wsl NAME."));
        if (wsl2Only && chosen.version() == 1) {
            throw new InvalidInputException("The distro " + chosen.name() + " runs WSL 1, which shares Windows' network: these "
                    + "problems happen only in WSL 2. Convert it with \"wsl --set-version " + chosen.name() + " 2\".");
        }
        if (!chosen.running()) {
            err.println("Note: the distro " + chosen.name() + " is not running; WSL starts it now.");
        }
        return new WslLinuxSide(exe, chosen.name());
    }

    /** The options that reach the same Linux again, for a command line printed to the user (e.g. the undo). */
    String sameLinux(LinuxSide side) {
        if (!(side instanceof WslLinuxSide wsl)) {
            return "";
        }
        return " --wsl " + wsl.distro() + (wslExe == null ? "" : " --wsl-exe " + wslExe);
    }
}
