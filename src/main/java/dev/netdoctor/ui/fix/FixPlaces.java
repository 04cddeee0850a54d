// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.fix.WslConfPlace;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Where fixes write and what checks them. The ssh config belongs to the Linux being diagnosed:
 * {@code sshFiles} are its files (this computer's, or a WSL distro's written through wsl.exe;
 * ~/.ssh/config is under their home) and {@code sshLinux} runs ssh -G there. The .wslconfig is
 * always a file of this computer, and {@code thisComputer} runs wsl.exe --shutdown. The
 * distro's {@code wsl.conf} (root's) is written where {@code sshLinux} is, as root. Tests
 * point these at temporary folders.
 */
public record FixPlaces(ConfigFiles sshFiles, LinuxSide sshLinux, Callable<Optional<Path>> wslconfig, LinuxSide thisComputer,
                        Clock clock, String wslConf, Predicate<String> mayWrite) {
    public FixPlaces(ConfigFiles sshFiles, LinuxSide sshLinux, Callable<Optional<Path>> wslconfig, LinuxSide thisComputer, Clock clock) {
        this(sshFiles, sshLinux, wslconfig, thisComputer, clock, WslConfEdit.FILE, WslConfPlace::writable);
    }

    /**
     * The same, with the distro's wsl.conf elsewhere and whether this process may write it there
     * decided by {@code mayWrite}: for tests, which must never write /etc and run as root in CI.
     */
    public FixPlaces withWslConf(String file, Predicate<String> mayWrite) {
        return new FixPlaces(sshFiles, sshLinux, wslconfig, thisComputer, clock, file, mayWrite);
    }

    /** Everything on this computer, with ~ at {@code home}. */
    public static FixPlaces onThisComputer(Path home, Callable<Optional<Path>> wslconfig, Clock clock) {
        LocalLinuxSide linux = new LocalLinuxSide();
        return new FixPlaces(new LocalConfigFiles(home), linux, wslconfig, linux, clock);
    }

    /**
     * The ssh config of the Linux {@code linux} is (a WSL distro: through wsl.exe), the rest on
     * this computer.
     */
    public static FixPlaces forLinux(LinuxSide linux, Callable<Optional<Path>> wslconfig, Clock clock) {
        return new FixPlaces(ConfigFiles.of(linux), linux, wslconfig, new LocalLinuxSide(), clock);
    }

    /** ~/.ssh/config there; asks a distro for its home, so never on the FX thread. */
    String sshConfig() throws Exception {
        String home = sshFiles.home();
        return sshFiles.inFolder(sshFiles.inFolder(home, ".ssh"), "config");
    }
}
