// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one way probes touch the Linux system they diagnose: run a command given as an argv list
 * (never a shell string) with a time limit, or read a small file. Implementations: this Linux
 * ({@link LocalLinuxSide}), or a WSL distro reached through wsl.exe ({@link WslLinuxSide}). Nobody outside
 * {@code host} asks which class a side is: what differs is read from {@link #standpoint()} and
 * {@link #throughWsl()}, which every wrapper forwards.
 */
public interface LinuxSide {
    /** Output kept per stream; the rest is dropped and the run marked truncated. */
    int DEFAULT_OUTPUT_CAP = 256 * 1024;

    /**
     * Runs {@code argv} and waits at most {@code timeout}; on time-out or interruption the process
     * (and its children) are killed. Never throws for a failing command: the result says how it
     * ended. Throws {@link InterruptedException} when the calling thread is interrupted.
     */
    default CommandRun run(List<String> argv, Duration timeout) throws InterruptedException {
        return run(argv, null, timeout);
    }

    /**
     * The same, with {@code stdin} (null: none) as the command's input, then end-of-input. A
     * command that does not read its input is not waited for beyond {@code timeout} either.
     * This is how bytes reach a file on a Linux we only run commands on (a WSL distro).
     */
    CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException;

    /**
     * Like {@link #run(List, Duration)}, but ends the command early once {@code enough} says its
     * answer is no longer needed (asked every {@link #ENOUGH_POLL}): the run then reads as timed
     * out, with what the command printed until then. For a command whose end another check can
     * settle sooner than the command's own limit (ssh waiting for an answer a dropped SYN never
     * gets). A side that cannot end one command early runs it to its limit.
     */
    default CommandRun runUntil(List<String> argv, Duration timeout, java.util.function.BooleanSupplier enough) throws InterruptedException {
        return run(argv, timeout);
    }

    /** How often {@link #runUntil}'s condition is asked. */
    Duration ENOUGH_POLL = Duration.ofMillis(25);

    /** Reads a text file of at most {@code maxBytes}; empty when it does not exist or cannot be read. */
    Optional<String> readFile(String path, int maxBytes);

    /**
     * The file's exact bytes, at most {@code maxBytes}; empty when it does not exist or cannot be
     * read. For files whose encoding is the question (wsl.conf saved as UTF-16 or Latin-1): text
     * decoded as UTF-8 and encoded again loses exactly that. This default is only as exact as
     * {@link #readFile}; the real sides read bytes.
     */
    default Optional<byte[]> readBytes(String path, int maxBytes) {
        return readFile(path, maxBytes).map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether a command of that name can be found on the Linux side's PATH. */
    boolean hasCommand(String name);

    /** Environment variable of the Linux side. */
    Optional<String> env(String name);

    /** Where commands run, in the user's words ("this Linux", "WSL distro Ubuntu"). */
    String describe();

    /**
     * Where the app stands towards this Linux: on it, or on Windows with the distro behind
     * wsl.exe. Decided by the side itself, here in {@code host}; probes read its facts instead of
     * asking which class a side is.
     */
    default Standpoint standpoint() {
        return Standpoint.THIS_LINUX;
    }

    /**
     * What this Linux can do because it is a WSL distro reached through wsl.exe (run as root,
     * tell our own processes, versions, end the relay); empty for this Linux. A side that wraps
     * another forwards it.
     */
    default Optional<WslDistroAccess> throughWsl() {
        return Optional.empty();
    }
}
