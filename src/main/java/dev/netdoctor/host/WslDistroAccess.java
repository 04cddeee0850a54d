// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.Optional;

/**
 * What a Linux reached through wsl.exe can do beyond running commands: the one capability the
 * rest of the app asks for, through {@link LinuxSide#throughWsl()}, instead of asking which class
 * a side is. Every wrapper of a {@link LinuxSide} forwards it, so a distro stays a distro however
 * it is wrapped (the wizard's chosen distro, a test's counting side).
 */
public interface WslDistroAccess extends AutoCloseable {
    /** The distro's name, as {@code wsl.exe -d} takes it. */
    String distro();

    /** The wsl.exe that reaches it. */
    String wslExe();

    /**
     * The same distro with commands run as root ({@code wsl.exe -d DISTRO -u root}): how files
     * that belong to root, such as /etc/wsl.conf, are written from Windows. wsl.exe asks for no
     * password there: Windows' own user owns the distro. Close it after use.
     */
    WslLinuxSide asRoot();

    /**
     * Whether a process inside the distro is one of our own checks, by its command line
     * (arguments joined by spaces): the distro's process ids mean nothing to Windows.
     */
    boolean isOurs(String commandLine);

    /**
     * Whether a command of ours with this program (as ss names a process) runs now or ended a
     * moment ago: for a process that ended before its command line could be read.
     */
    boolean ranJustNow(String program);

    /** Starts the distro and says why it failed, in wsl.exe's words; empty when it runs. */
    Optional<String> startProblem() throws InterruptedException;

    /** {@code wsl.exe --version}: the WSL, kernel and Windows versions behind this distro. */
    WslVersion version() throws InterruptedException;

    /** {@code wsl.exe --status}: the default distro and WSL version. */
    WslStatus status() throws InterruptedException;

    /** Ends the relay inside the distro, and with it any command of ours still running there; later commands still run. */
    @Override
    void close();
}
