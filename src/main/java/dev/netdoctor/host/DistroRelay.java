// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One bash inside the distro, started once through wsl.exe, that runs all of a run's commands
 * ({@code distro-relay.sh}): a wsl.exe start costs 0.1-0.3 s, and seconds when the distro must
 * boot, so one per command (about 60 in a diagnosis, twice a second for the live socket table)
 * would spend the run waiting for wsl.exe instead of the network. Commands and data travel as
 * base64 (a command's input as counted raw bytes) on the relay's stdin and stdout, so nothing
 * depends on how Windows quotes a command line or converts text. Each command's time limit is kept inside the distro; here we wait that
 * long plus {@link #GRACE}, which only a relay that stopped answering uses up.
 */
final class DistroRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DistroRelay.class.getName());
    /** What a busy machine may add to a command's own limit before we stop waiting for its answer. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final String SCRIPT = loadScript();

    private final Process process;
    private final OutputStream requests;
    private final int outputCap;
    private final Map<Long, CompletableFuture<Answer>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder relayErrors = new StringBuilder();
    private volatile String endedBecause;

    private record Answer(int exit, boolean timedOut, boolean notFound, byte[] out, byte[] err) {
    }

    private DistroRelay(Process process, int outputCap) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.outputCap = outputCap;
    }

    /**
     * Starts the relay through {@code wslExe} and waits, at most {@code startLimit}, until it says
     * it is ready. Empty with the reason logged when it cannot run there (no bash 4.4, base64,
     * timeout or flock in the distro, or the distro does not start): the caller then runs each
     * command through its own wsl.exe.
     */
    static Optional<DistroRelay> start(List<String> wslPrefix, Map<String, String> env, int outputCap, Duration startLimit)
            throws InterruptedException {
        List<String> argv = new ArrayList<>(wslPrefix);
        argv.addAll(WindowsCommandLine.forWslExec(List.of("bash", "-c", SCRIPT, "distro-relay", Integer.toString(outputCap))));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "relay not started: {0}", e.getMessage());
            return Optional.empty();
        }
        DistroRelay relay = new DistroRelay(p, outputCap);
        CompletableFuture<String> first = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("distro-relay-out").start(() -> relay.readAnswers(first));
        Thread.ofPlatform().daemon().name("distro-relay-err").start(relay::readErrors);
        String line;
        try {
            line = first.get(startLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            line = null;
        } catch (InterruptedException e) {
            relay.close();
            throw e;
        }
        if (!"READY".equals(line)) {
            LOG.log(System.Logger.Level.INFO, "relay not used: {0} {1}", line == null ? "no answer" : line, relay.errors());
            relay.close();
            return Optional.empty();
        }
        return Optional.of(relay);
    }

    boolean alive() {
        return endedBecause == null && process.isAlive();
    }

    /** Runs one command inside the distro; never throws for a failing command. */
    CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
        return run(argv, stdin, timeout, () -> false);
    }

    /**
     * The same, and once {@code enough} says so the command is stopped inside the distro (K): the
     * relay then answers with what it printed so far, which reads as timed out.
     */
    CommandRun run(List<String> argv, byte[] stdin, Duration timeout, java.util.function.BooleanSupplier enough) throws InterruptedException {
        long start = System.nanoTime();
        long id = ids.incrementAndGet();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            byte[] input = stdin == null ? new byte[0] : stdin;
            send(("R " + id + " " + Math.max(1, timeout.toMillis()) + " " + input.length + " " + base64(nulTerminated(argv)) + "\n")
                    .getBytes(StandardCharsets.US_ASCII), input);
            long deadline = start + timeout.plus(GRACE).toNanos();
            boolean stopped = false;
            while (!answer.isDone() && !stopped && System.nanoTime() < deadline) {
                if (enough.getAsBoolean()) {
                    stop(id);
                    stopped = true;
                    break;
                }
                try {
                    answer.get(Math.min(LinuxSide.ENOUGH_POLL.toNanos(), Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                } catch (TimeoutException notYet) {
                    // asked again below
                }
            }
            Answer a = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (stopped) {
                a = new Answer(a.exit(), true, a.notFound(), a.out(), a.err());
            }
            String out = text(a.out());
            String err = text(a.err());
            boolean truncated = a.out().length > outputCap || a.err().length > outputCap;
            return new CommandRun(argv, a.timedOut() ? -1 : a.exit(), out, err, millisSince(start), a.timedOut(), truncated, a.notFound());
        } catch (TimeoutException e) {
            stop(id);
            return new CommandRun(argv, -1, "", "no answer from inside the distro within " + timeout.plus(GRACE).toSeconds() + " s",
                    millisSince(start), true, false, false);
        } catch (ExecutionException e) {
            return new CommandRun(argv, -1, "", "the connection into the distro ended: " + e.getCause().getMessage(),
                    millisSince(start), false, false, false);
        } catch (InterruptedException e) {
            stop(id);
            throw e;
        } finally {
            pending.remove(id);
        }
    }

    private void stop(long id) {
        try {
            send("K " + id + "\n");
        } catch (UncheckedIOException e) {
            // the relay is gone, and with it the command
        }
    }

    private void send(String line) {
        send(line.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    /** A request line and the input that follows it, together, so no other request comes between. */
    private synchronized void send(byte[] line, byte[] input) {
        if (endedBecause != null) {
            throw new UncheckedIOException(new IOException(endedBecause));
        }
        try {
            requests.write(line);
            requests.write(input);
            requests.flush();
        } catch (IOException e) {
            ended("it stopped reading (" + e.getMessage() + ")");
            throw new UncheckedIOException(e);
        }
    }

    private void readAnswers(CompletableFuture<String> first) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            first.complete(in.readLine());
            String header;
            while ((header = in.readLine()) != null) {
                String[] f = header.split(" ");
                String out = in.readLine();
                String err = in.readLine();
                if (f.length != 5 || !f[0].equals("D") || out == null || err == null) {
                    LOG.log(System.Logger.Level.WARNING, "relay said something unexpected: {0}", header);
                    continue;
                }
                CompletableFuture<Answer> waiting = pending.get(Long.parseLong(f[1]));
                if (waiting != null) {
                    waiting.complete(new Answer(Integer.parseInt(f[2]), f[3].equals("1"), f[4].equals("1"),
                            Base64.getDecoder().decode(out), Base64.getDecoder().decode(err)));
                }
            }
            ended("it ended" + exitNote());
        } catch (IOException | RuntimeException e) {
            first.complete(null);
            ended("reading its answers failed: " + e.getMessage());
        }
    }

    private String exitNote() {
        try {
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                return " with exit code " + process.exitValue() + (errors().isEmpty() ? "" : ": " + errors());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** wsl.exe's own complaints and the relay's, kept to say why it ended. */
    private void readErrors() {
        try (InputStream err = process.getErrorStream()) {
            byte[] all = err.readNBytes(16 * 1024);
            synchronized (relayErrors) {
                relayErrors.append(WslText.decode(all).strip());
            }
            err.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the relay is gone
        }
    }

    private String errors() {
        synchronized (relayErrors) {
            return relayErrors.toString().replaceAll("\\s*\\R\\s*", " ");
        }
    }

    private void ended(String why) {
        endedBecause = "the relay inside the distro ended: " + why;
        for (CompletableFuture<Answer> waiting : pending.values()) {
            waiting.completeExceptionally(new IOException(endedBecause));
        }
    }

    /** Closing its input ends the relay and every command still running in it. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] nulTerminated(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (a.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an argument cannot hold a NUL character");
            }
            sb.append(a).append('\0');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String text(byte[] bytes) {
        int n = Math.min(bytes.length, outputCap);
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String loadScript() {
        try (InputStream in = DistroRelay.class.getResourceAsStream("distro-relay.sh")) {
            if (in == null) {
                throw new IllegalStateException("distro-relay.sh is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
