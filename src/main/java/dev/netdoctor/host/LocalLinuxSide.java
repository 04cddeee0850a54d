// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs commands on this machine, which is itself the Linux we diagnose. */
public final class LocalLinuxSide implements LinuxSide {
    private static final System.Logger LOG = System.getLogger(LocalLinuxSide.class.getName());
    /** After a kill, how long we wait for the output readers to see end-of-stream. */
    private static final long DRAIN_MILLIS = 500;
    /** After a kill, how long we wait for the command to be gone (see {@link #kill}). */
    private static final long KILL_WAIT_MILLIS = 1000;

    private final int outputCap;
    private final Map<String, String> extraEnv;
    private final java.util.function.Function<byte[], String> decoder;

    public LocalLinuxSide() {
        this(DEFAULT_OUTPUT_CAP, Map.of());
    }

    public LocalLinuxSide(int outputCap, Map<String, String> extraEnv) {
        this(outputCap, extraEnv, bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** With a decoder for what the commands print (wsl.exe prints UTF-16LE, see {@link WslText}). */
    public LocalLinuxSide(int outputCap, Map<String, String> extraEnv, java.util.function.Function<byte[], String> decoder) {
        this.outputCap = outputCap;
        this.extraEnv = Map.copyOf(extraEnv);
        this.decoder = decoder;
    }

    @Override
    public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
        return run(argv, stdin, timeout, () -> false);
    }

    @Override
    public CommandRun runUntil(List<String> argv, Duration timeout, java.util.function.BooleanSupplier enough) throws InterruptedException {
        return run(argv, null, timeout, enough);
    }

    private CommandRun run(List<String> argv, byte[] stdin, Duration timeout, java.util.function.BooleanSupplier enough)
            throws InterruptedException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argv");
        }
        // A caller stopped before it got here (a cancelled check that a busy CPU scheduled late)
        // must not start a command after the cancel: it would outlive the run that wanted it.
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped before " + argv.getFirst() + " was started");
        }
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(argv);
        // Output we parse must not depend on the user's language.
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(extraEnv);
        // Input through a pipe, never Redirect.from("/dev/null"): that path does not exist on
        // Windows, where this runs wsl.exe. A command without input sees end-of-input at once.
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot start {0}: {1}", argv.get(0), e.getMessage());
            return new CommandRun(argv, 127, "", e.getMessage(), millisSince(start), false, false, true);
        }
        Capture out = new Capture(p.getInputStream(), outputCap, decoder);
        Capture err = new Capture(p.getErrorStream(), outputCap, decoder);
        Thread outThread = Thread.ofVirtual().start(out);
        Thread errThread = Thread.ofVirtual().start(err);
        // Fed from its own thread: a command that does not read would block the writer once the
        // pipe is full, and only the bounded wait below may decide how long that lasts.
        Thread inThread = Thread.ofVirtual().start(() -> feed(p.getOutputStream(), stdin));
        boolean finished = false;
        try {
            long deadline = start + timeout.toNanos();
            while (!finished && System.nanoTime() < deadline && !enough.getAsBoolean()) {
                long slice = Math.min(deadline - System.nanoTime(), ENOUGH_POLL.toNanos());
                finished = p.waitFor(Math.max(0, slice), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        if (!finished) {
            kill(p);
        }
        outThread.join(DRAIN_MILLIS);
        errThread.join(DRAIN_MILLIS);
        inThread.join(DRAIN_MILLIS);
        int exit = finished ? p.exitValue() : -1;
        LOG.log(System.Logger.Level.DEBUG, "ran {0} -> {1} in {2} ms", argv, finished ? exit : "time-out", millisSince(start));
        return new CommandRun(argv, exit, out.text(), err.text(), millisSince(start), !finished,
                out.truncated() || err.truncated(), false);
    }

    private static void feed(OutputStream in, byte[] stdin) {
        try (in) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The command ended (or was killed) without reading it all; its exit status tells.
        }
    }

    /**
     * Kills the command and its children and waits until it is gone (reaped), even through a
     * second interrupt: a cancel interrupts a check more than once (the session and the check's
     * own helpers each stop their threads), and a command killed but not waited for is still
     * there when the run's result is in. A killed command needs only the CPU to end, so the wait
     * is short and bounded.
     */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_WAIT_MILLIS);
        boolean interrupted = false;
        boolean gone = false;
        while (!gone && System.nanoTime() < end) {
            try {
                gone = p.waitFor(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!gone) {
            LOG.log(System.Logger.Level.WARNING, "pid {0} was killed but had not ended after {1} ms", p.pid(), KILL_WAIT_MILLIS);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public Optional<byte[]> readBytes(String path, int maxBytes) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return Optional.of(in.readNBytes(maxBytes));
        } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> readFile(String path, int maxBytes) {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            byte[] bytes = in.readNBytes(maxBytes);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean hasCommand(String name) {
        if (name.contains("/") || name.contains(java.io.File.separator)) {
            return Files.isExecutable(Path.of(name));
        }
        // On Windows (where this runs wsl.exe) PATH is ';'-separated; Linux keeps sbin off a user's PATH.
        boolean windows = java.io.File.pathSeparatorChar == ';';
        String path = System.getenv().getOrDefault("PATH", windows ? "" : "/usr/local/bin:/usr/bin:/bin");
        String extra = windows ? "" : java.io.File.pathSeparator + "/usr/sbin" + java.io.File.pathSeparator + "/sbin";
        for (String dir : (path + extra).split(java.io.File.pathSeparator)) {
            try {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return true;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a malformed PATH entry (quotes, stray characters) names no folder
            }
        }
        return false;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public String describe() {
        return "this Linux system";
    }

    /** Reads a stream to its end, keeping at most {@code cap} bytes. */
    /** One output stream of a process, kept up to a cap (shared by every process of ours this side starts). */
    static final class Capture implements Runnable {
        private final InputStream in;
        private final int cap;
        private final java.util.function.Function<byte[], String> decoder;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean truncated;

        Capture(InputStream in, int cap, java.util.function.Function<byte[], String> decoder) {
            this.in = in;
            this.cap = cap;
            this.decoder = decoder;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    int room = cap - kept.size();
                    if (room > 0) {
                        kept.write(buf, 0, Math.min(room, n));
                    }
                    if (n > room) {
                        truncated = true;
                    }
                }
            } catch (IOException ignored) {
                // the process was killed; keep what arrived
            }
        }

        synchronized String text() {
            return decoder.apply(kept.toByteArray());
        }

        boolean truncated() {
            return truncated;
        }
    }
}
