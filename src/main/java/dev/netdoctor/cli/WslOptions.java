// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.host.WslDistros;
import dev.netdoctor.host.WslUnavailableException;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Words;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Option(names = "--powershell-exe", paramLabel = "PATH",
            description = "The powershell.exe that reads Windows' firewall and port settings (once per run) and asks Windows for "
                    + "administrator rights for the firewall fix, if not Windows' own.")
    Path powershellExe;

    static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
    }

    /** This Linux, or a WSL distro: chosen by --wsl or --wsl-exe, and by default on Windows. */
    LinuxSide linuxSide(PrintWriter err) throws InterruptedException {
        return linuxSide(err, onWindows(), true);
    }

    /**
     * Windows' side for a run that reaches a distro through wsl.exe, its settings already being
     * read (one PowerShell start, 0.3-2 s, passes while wsl.exe lists and starts the distro);
     * null for a run inside this Linux. Whoever gets one and then opens no distro cancels it.
     */
    WindowsHost windowsReadAhead() {
        if (distro == null && wslExe == null && !onWindows()) {
            return null;
        }
        WindowsHost windows = WindowsHost.ofThisMachine(powershellExe);
        windows.readPolicyAhead();
        return windows;
    }

    /**
     * {@link #linuxSide(PrintWriter)}, or null after saying on stderr why no Linux can be used (the
     * command then ends with "could not finish"); an interrupt stays set for the caller.
     */
    LinuxSide linuxSideOrSayWhy(PrintWriter err) {
        try {
            return linuxSide(err);
        } catch (InvalidInputException e) {
            err.println("wsl-net-doctor: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
        try {
            return WslDistros.open(wslExe != null ? wslExe.toString() : WslDistros.defaultWslExe(), distro, wsl2Only, note -> err.println(Words.get("cli.note", note)));
        } catch (WslUnavailableException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The options that reach the same Linux again, for a command line printed to the user (e.g. the undo). */
    String sameLinux(LinuxSide side) {
        return side.throughWsl().map(wsl -> " --wsl " + wsl.distro()
                + (wslExe == null ? "" : " --wsl-exe " + FixCommand.pasteable(wslExe.toString()))).orElse("");
    }

    /**
     * The --wsl-conf path to use in {@code linux}, or null after saying why on stderr. A relative
     * path is read as --wslconfig's is, from the current folder, where this process reads the file
     * itself; a distro reached through wsl.exe has no such folder, so there a full path is needed.
     */
    static String wslConfPath(String given, LinuxSide linux, PrintWriter err) {
        if (given.startsWith("/")) {
            return given;
        }
        if (linux.throughWsl().isPresent() || given.isBlank()) {
            err.println("wsl-net-doctor: " + Words.get("cli.fix.wslConfPath"));
            return null;
        }
        return java.nio.file.Path.of(given).toAbsolutePath().normalize().toString();
    }
}
