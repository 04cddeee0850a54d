// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Linux of a WSL distro, reached from Windows through wsl.exe. Commands go to one
 * {@link DistroRelay} inside the distro, started with the first command and kept until
 * {@link #close()}; where the relay cannot run there, each command is its own
 * {@code wsl.exe -d DISTRO --exec ARGV…}, every argument quoted by {@link WindowsCommandLine} so
 * that Linux receives the list byte for byte. Only variables named in WSLENV reach the distro, so
 * LC_ALL=C is named there. WSL_UTF8=1 asks wsl.exe for UTF-8; its UTF-16LE is decoded all the
 * same, for versions that ignore it.
 */
public final class WslLinuxSide implements LinuxSide, WslDistroAccess {
    private static final System.Logger LOG = System.getLogger(WslLinuxSide.class.getName());
    private static final Duration SMALL = Duration.ofSeconds(15);
    /** A stopped distro boots its VM first; cold starts take seconds, rarely more than half a minute. */
    static final Duration START_LIMIT = Duration.ofSeconds(60);
    /** A fixed script: the command name reaches it as "$1", never as part of the script. */
    private static final String HAS_COMMAND = "command -v \"$1\" >/dev/null 2>&1";

    private final String wslExe;
    private final String distro;
    /** The distro user commands run as; null: the distro's default user. */
    private final String user;
    private final Map<String, String> env;
    private final LocalLinuxSide windows;
    /** Commands of ours running inside the distro right now, as /proc/PID/cmdline shows them (joined by spaces). */
    private final Map<String, Integer> running = new ConcurrentHashMap<>();
    /**
     * Commands of ours that ended a moment ago, until when (System.nanoTime) they still count: a
     * socket table is a snapshot, read back after the command that took it; a check that ended
     * between the snapshot and its reading was still ours in it (the lab saw our ssh called the user's).
     */
    private final Map<String, Long> endedRecently = new ConcurrentHashMap<>();
    private static final long ENDED_GRACE_NANOS = Duration.ofSeconds(5).toNanos();
    private final Object relayLock = new Object();
    private DistroRelay relay;
    private boolean relayTried;
    private volatile boolean closed;

    /** wsl.exe's answers asked for ahead (see {@link Ahead}); each is taken by the first call that wants it. */
    private final AtomicReference<Future<WslVersion>> versionAhead = new AtomicReference<>();
    private final AtomicReference<Future<WslStatus>> statusAhead = new AtomicReference<>();

    public WslLinuxSide(String wslExe, String distro) {
        this(wslExe, distro, null, null);
    }

    /** With wsl.exe's --version and --status already asked for by {@code ahead} (null: asked when wanted). */
    WslLinuxSide(String wslExe, String distro, Ahead ahead) {
        this(wslExe, distro, null, ahead);
    }

    private WslLinuxSide(String wslExe, String distro, String user, Ahead ahead) {
        this.wslExe = wslExe;
        this.distro = distro;
        this.user = user;
        this.env = environment(System.getenv("WSLENV"));
        this.windows = new LocalLinuxSide(DEFAULT_OUTPUT_CAP, env, WslText::decode);
        if (ahead != null) {
            versionAhead.set(ahead.version);
            statusAhead.set(ahead.status);
        }
    }

    /**
     * {@code wsl.exe --version} and {@code --status}, each started at once on a thread of its own.
     * Neither depends on a distro or starts one, so they run while wsl.exe lists the distros and
     * the chosen one starts, instead of one after another after that (each wsl.exe call takes
     * 0.1-0.3 s on Windows, more on a busy laptop).
     */
    static final class Ahead {
        private final Future<WslVersion> version;
        private final Future<WslStatus> status;

        Ahead(String wslExe) {
            LocalLinuxSide windows = new LocalLinuxSide(DEFAULT_OUTPUT_CAP, environment(System.getenv("WSLENV")), WslText::decode);
            version = start("wsl-version", () -> readVersion(windows, wslExe));
            status = start("wsl-status", () -> readStatus(windows, wslExe));
        }

        private static <T> Future<T> start(String name, java.util.concurrent.Callable<T> read) {
            java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
            Thread.ofPlatform().daemon().name(name).start(task);
            return task;
        }

        /** Stops what is still asking, when the distro is not opened after all. */
        void cancel() {
            version.cancel(true);
            status.cancel(true);
        }
    }

    /**
     * What wsl.exe is started with: UTF-8 for its own messages; LC_ALL and the mark of our own
     * processes handed on into the distro (only variables named in WSLENV cross).
     */
    static Map<String, String> environment(String userWslenv) {
        String wslenv = userWslenv == null ? "" : userWslenv.strip();
        for (String ours : List.of("LC_ALL", DistroSockets.OURS_VARIABLE)) {
            if (java.util.Arrays.stream(wslenv.split(":")).noneMatch(v -> v.split("/")[0].equals(ours))) {
                wslenv = wslenv.isEmpty() ? ours + "/u" : wslenv + ":" + ours + "/u";
            }
        }
        return Map.of("WSL_UTF8", "1", "LC_ALL", "C", DistroSockets.OURS_VARIABLE, "1", "WSLENV", wslenv);
    }

    @Override
    public String distro() {
        return distro;
    }

    @Override
    public String wslExe() {
        return wslExe;
    }

    @Override
    public Standpoint standpoint() {
        return Standpoint.WINDOWS;
    }

    @Override
    public Optional<WslDistroAccess> throughWsl() {
        return Optional.of(this);
    }

    @Override
    public WslLinuxSide asRoot() {
        return new WslLinuxSide(wslExe, distro, "root", null);
    }

    /** {@code stdin} reaches the command in the distro unchanged, byte for byte. */
    @Override
    public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
        String key = String.join(" ", argv);
        running.merge(key, 1, Integer::sum);
        try {
            DistroRelay r = relay(START_LIMIT);
            return r != null ? r.run(argv, stdin, timeout) : runAlone(argv, stdin, timeout);
        } finally {
            running.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
            long now = System.nanoTime();
            endedRecently.values().removeIf(until -> until - now < 0);
            endedRecently.put(key, now + ENDED_GRACE_NANOS);
        }
    }

    @Override
    public CommandRun runUntil(List<String> argv, Duration timeout, java.util.function.BooleanSupplier enough) throws InterruptedException {
        DistroRelay r = relay(START_LIMIT);
        return r != null ? r.run(argv, null, timeout, enough) : runAlone(argv, null, timeout);
    }

    /** One wsl.exe for this command alone: where the relay cannot run, and to hear wsl.exe's own errors. */
    private CommandRun runAlone(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
        List<String> full = new ArrayList<>(prefix());
        full.addAll(WindowsCommandLine.forWslExec(argv));
        if (WindowsCommandLine.lineLength(full) >= WindowsCommandLine.MAX_COMMAND_LINE) {
            return new CommandRun(argv, -1, "", "the command is too long for a Windows command line", 0, false, false, false);
        }
        CommandRun r = windows.run(full, stdin, timeout);
        // Show the command as it ran inside the distro; the wsl.exe prefix is the same every time.
        return new CommandRun(argv, r.exitCode(), r.stdout(), r.stderr(), r.durationMillis(), r.timedOut(), r.truncated(), r.notFound());
    }

    private List<String> prefix() {
        return user == null ? List.of(wslExe, "-d", distro, "--exec") : List.of(wslExe, "-d", distro, "-u", user, "--exec");
    }

    /** The relay, started on first use; null when it cannot run in this distro (then each command is its own wsl.exe). */
    private DistroRelay relay(Duration startLimit) throws InterruptedException {
        synchronized (relayLock) {
            if (relay != null && !relay.alive()) {
                LOG.log(System.Logger.Level.WARNING, "the relay in {0} ended; commands now start wsl.exe each", distro);
                relay.close();
                relay = null;
            }
            if (relay == null && !relayTried && !closed) {
                relayTried = true;
                relay = DistroRelay.start(prefix(), env, DEFAULT_OUTPUT_CAP, startLimit).orElse(null);
            }
            return relay;
        }
    }

    /** Ends the relay, and with it any command of ours still running in the distro. */
    @Override
    public void close() {
        synchronized (relayLock) {
            closed = true;
            if (relay != null) {
                relay.close();
                relay = null;
            }
        }
    }

    @Override
    public Optional<String> readFile(String path, int maxBytes) {
        try {
            CommandRun r = run(List.of("head", "-c", Integer.toString(maxBytes), "--", path), SMALL);
            return r.succeeded() ? Optional.of(r.stdout()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** By {@link DistroFiles}, the same protocol the fixes read a distro's files with, so a check and a fix see the same bytes. */
    @Override
    public Optional<byte[]> readBytes(String path, int maxBytes) {
        try {
            return DistroFiles.read(this, path, maxBytes);
        } catch (DistroFiles.MissingCommand e) {
            // a distro without base64 (coreutils): the text reading, exact for UTF-8 files
            return LinuxSide.super.readBytes(path, maxBytes);
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public boolean hasCommand(String name) {
        try {
            return run(List.of("sh", "-c", HAS_COMMAND, "sh", name), SMALL).succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Optional<String> env(String name) {
        try {
            CommandRun r = run(List.of("printenv", name), SMALL);
            return r.succeeded() ? Optional.of(r.stdout().strip()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "the WSL distro " + distro;
    }

    /**
     * Whether a process inside the distro is one of our own checks: its command line (arguments
     * joined by spaces) is one we are running right now. The distro's process ids mean nothing
     * to Windows, so this is how our ssh is told from the user's.
     */
    @Override
    public boolean isOurs(String commandLine) {
        String key = commandLine.strip();
        Long until = endedRecently.get(key);
        return running.containsKey(key) || until != null && until - System.nanoTime() > 0;
    }

    /**
     * Whether a command of ours whose program is {@code program} (as ss names a process: the
     * file name of its first argument), or that runs it (a script of ours that execs python3), runs
     * now or ended within the grace of {@link #isOurs}. For a process that ended before its command
     * line could be read, the name is all that is left.
     */
    @Override
    public boolean ranJustNow(String program) {
        long now = System.nanoTime();
        // the program itself, or one a script of ours execs (marked-connects.sh runs python3 or perl)
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("(^|[\\s/'\";|&(])" + java.util.regex.Pattern.quote(program) + "($|[\\s'\";|&)])");
        java.util.function.Predicate<String> named = key -> {
            String first = key.split(" ", 2)[0];
            return first.substring(first.lastIndexOf('/') + 1).equals(program) || word.matcher(key).find();
        };
        return running.keySet().stream().anyMatch(named)
                || endedRecently.entrySet().stream().anyMatch(e -> e.getValue() - now > 0 && named.test(e.getKey()));
    }

    /**
     * Starts the distro (the first command does, when it is stopped) and says why it failed,
     * in wsl.exe's own words; empty when it runs.
     */
    @Override
    public Optional<String> startProblem() throws InterruptedException {
        if (relay(START_LIMIT) != null) {
            return Optional.empty();
        }
        CommandRun r = runAlone(List.of("true"), null, START_LIMIT);
        if (r.succeeded()) {
            return Optional.empty();
        }
        if (r.timedOut()) {
            return Optional.of("The WSL distro " + distro + " did not start within " + START_LIMIT.toSeconds()
                    + " s. Try \"wsl -d " + distro + "\" in a terminal to see what it waits for.");
        }
        String said = (r.stderr() + "\n" + r.stdout()).strip().replaceAll("\\s*\\R\\s*", " ");
        return Optional.of("The WSL distro " + distro + " could not be started" + (said.isEmpty() ? " (wsl.exe exit code "
                + r.exitCode() + ")." : ": " + said + (said.endsWith(".") ? "" : ".")) + " Try \"wsl -d " + distro + "\" in a terminal, or restart WSL with "
                + "\"wsl --shutdown\".");
    }

    @Override
    public WslVersion version() throws InterruptedException {
        WslVersion early = taken(versionAhead);
        return early != null ? early : readVersion(windows, wslExe);
    }

    @Override
    public WslStatus status() throws InterruptedException {
        WslStatus early = taken(statusAhead);
        return early != null ? early : readStatus(windows, wslExe);
    }

    private static WslVersion readVersion(LocalLinuxSide windows, String wslExe) throws InterruptedException {
        CommandRun r = windows.run(List.of(wslExe, "--version"), SMALL);
        return WslVersion.parse(r.stdout() + (r.succeeded() ? "" : r.stderr()));
    }

    private static WslStatus readStatus(LocalLinuxSide windows, String wslExe) throws InterruptedException {
        CommandRun r = windows.run(List.of(wslExe, "--status"), SMALL);
        return WslStatus.parse(r.stdout() + (r.succeeded() ? "" : r.stderr()));
    }

    /**
     * The answer asked for ahead, once: later calls ask wsl.exe again (a long-lived side, such as
     * the wizard's, sees a WSL updated meanwhile). Null when none was asked for or it failed.
     */
    private static <T> T taken(AtomicReference<Future<T>> ahead) throws InterruptedException {
        Future<T> f = ahead.getAndSet(null);
        if (f == null) {
            return null;
        }
        try {
            // The read is bounded by SMALL itself; this bound only guards against a hang in Java.
            return f.get(SMALL.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            f.cancel(true);
            LOG.log(System.Logger.Level.DEBUG, "wsl.exe's answer asked for ahead is not there; asking again", e);
            return null;
        }
    }
}
