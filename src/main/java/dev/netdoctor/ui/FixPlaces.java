package dev.netdoctor.ui;

import dev.netdoctor.host.LinuxSide;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Where fixes write and what checks them: the home folder holding ~/.ssh/config, how to find
 * .wslconfig, the Linux side for ssh -G and wsl.exe. Tests point these at temporary folders.
 */
public record FixPlaces(Path home, Callable<Optional<Path>> wslconfig, LinuxSide linux, Clock clock) {
    public Path sshConfig() {
        return home.resolve(".ssh").resolve("config");
    }
}
