package dev.netdoctor.ui;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where fixes write and what checks them. The ssh config belongs to the Linux being diagnosed:
 * {@code sshFiles} are its files (this computer's, or a WSL distro's written through wsl.exe;
 * ~/.ssh/config is under their home) and {@code sshLinux} runs ssh -G there. The .wslconfig is
 * always a file of this computer, and {@code thisComputer} runs wsl.exe --shutdown. Tests
 * point these at temporary folders.
 */
public record FixPlaces(ConfigFiles sshFiles, LinuxSide sshLinux, Callable<Optional<Path>> wslconfig, LinuxSide thisComputer,
                        Clock clock) {
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
