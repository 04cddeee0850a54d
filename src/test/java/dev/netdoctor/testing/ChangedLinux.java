// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.testing;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.host.WslDistroAccess;
import dev.netdoctor.model.CommandRun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real Linux side with a few things changed, for tests that run real commands on this computer
 * but need one fact to differ: a program missing, a file reading as the test wrote it, or the app
 * standing on Windows. Everything not changed is forwarded, {@link #throughWsl()} and
 * {@link #readBytes} included, as every wrapper of a side must.
 *
 * <p>What it does not model: {@link #standingAt standing on Windows} changes only the
 * {@link Standpoint} probes read (whose sockets are the app's, how long commands wait); commands
 * still run on this computer, and {@link #throughWsl()} stays the wrapped side's (empty for this
 * Linux), so what needs a distro behind wsl.exe (root, own processes, versions) is not there.
 */
public final class ChangedLinux implements LinuxSide {
    private final LinuxSide real;
    private final Set<String> missing = new HashSet<>();
    private final Map<String, String> files = new HashMap<>();
    private Standpoint standpoint;
    private String description;

    private ChangedLinux(LinuxSide real) {
        this.real = real;
    }

    /** {@code real}, unchanged until a change is added. */
    public static ChangedLinux of(LinuxSide real) {
        return new ChangedLinux(real);
    }

    /**
     * As if {@code program} were not installed: not on PATH, and running it anyway fails the test
     * (a probe that is told a program is missing must not run it).
     */
    public ChangedLinux without(String program) {
        missing.add(program);
        return this;
    }

    /** {@code path} reads as {@code text}; null: as a file that does not exist. */
    public ChangedLinux withFile(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** Where the app stands towards this side (see the class comment for what that leaves out). */
    public ChangedLinux standingAt(Standpoint standpoint) {
        this.standpoint = standpoint;
        return this;
    }

    /** How the side names itself in the user's words. */
    public ChangedLinux describedAs(String description) {
        this.description = description;
        return this;
    }

    @Override
    public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
        if (missing.contains(argv.getFirst())) {
            throw new AssertionError(argv.getFirst() + " is not installed, yet it was run: " + argv);
        }
        return real.run(argv, stdin, timeout);
    }

    @Override
    public CommandRun runUntil(List<String> argv, Duration timeout, java.util.function.BooleanSupplier enough) throws InterruptedException {
        if (missing.contains(argv.getFirst())) {
            throw new AssertionError(argv.getFirst() + " is not installed, yet it was run: " + argv);
        }
        return real.runUntil(argv, timeout, enough);
    }

    @Override
    public Optional<String> readFile(String path, int maxBytes) {
        return files.containsKey(path) ? Optional.ofNullable(files.get(path)) : real.readFile(path, maxBytes);
    }

    @Override
    public Optional<byte[]> readBytes(String path, int maxBytes) {
        return files.containsKey(path)
                ? Optional.ofNullable(files.get(path)).map(s -> s.getBytes(StandardCharsets.UTF_8))
                : real.readBytes(path, maxBytes);
    }

    @Override public boolean hasCommand(String name) { return !missing.contains(name) && real.hasCommand(name); }
    @Override public Optional<String> env(String name) { return real.env(name); }
    @Override public String describe() { return description != null ? description : real.describe(); }
    @Override public Standpoint standpoint() { return standpoint != null ? standpoint : real.standpoint(); }
    @Override public Optional<WslDistroAccess> throughWsl() { return real.throughWsl(); }
}
