// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.ProbeData;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the user's own ssh, with their config, once with {@code IPQoS=none} and once with the
 * marking it would use, to show the hang with the real client. It is stopped at the host key
 * check (strict checking against an empty known_hosts), so it never logs in, never asks for a
 * password and never writes known_hosts.
 */
public final class OpenSshClientProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.OPENSSH_CLIENT;
    }

    @Override
    public String title() {
        return "Try your own ssh with and without marking";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return runLimit(context).plusSeconds(2);
    }

    /**
     * ssh gives up on a silent server after {@code SILENCE_INTERVAL_SECONDS * SILENCE_COUNT}
     * seconds (see {@link #argv}): a key exchange's answers come within a round trip and the
     * server's computation (milliseconds; a small board's 0.1 s), and TCP resends a lost segment
     * well within a second on the paths this stalls on. A second of silence that was only slow
     * is said as a stall, which only makes the path be sized, never a finding by itself.
     */
    static final int SILENCE_INTERVAL_SECONDS = 1;
    static final int SILENCE_COUNT = 1;

    /** How long an ssh found waiting for nothing is kept for the socket watch to see it. */
    static final Duration SEEN_WAITING_LIMIT = Duration.ofSeconds(1);

    /**
     * The socket watch's latest snapshot has this check's own ssh in SYN-SENT for the target (the
     * watch counts the processes we start as ours, inside a distro too); the user's own hung ssh,
     * which the watch also shows, does not count for ours.
     */
    private static boolean seenWaiting(ProbeContext ctx) {
        return dev.netdoctor.host.SocketTable.synSentTo(ctx.latestSockets(), ctx.address(), ctx.target().port()).stream()
                .anyMatch(c -> c.ours() && "ssh".equals(c.processName()));
    }

    private static Duration runLimit(ProbeContext ctx) {
        return ctx.attemptTimeout().plusMillis(1500);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        if (!ctx.linux().hasCommand("ssh") || ctx.environment().sshClient() == null || !ctx.environment().sshClient().installed()) {
            return ProbeReport.skipped("No OpenSSH client (ssh) on " + ctx.linux().describe() + " to try.");
        }
        Set<String> values = new LinkedHashSet<>();
        values.add("none");
        Markings.userClass(ctx.environment()).ifPresentOrElse(c -> values.add(c.name()), () -> values.add("af21"));
        long connectTimeout = Math.max(1, (ctx.attemptTimeout().toMillis() + 999) / 1000);
        ctx.progress(0.05, "running ssh with IPQoS " + String.join(" and ", values));
        Set<String> endedEarly = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<OpenSshAttempt> attempts = Parallel.map(List.copyOf(values), v -> {
            List<String> argv = argv(ctx.target().host(), ctx.target().port(), v, connectTimeout);
            int tos = dev.netdoctor.model.DscpClass.parse(v).filter(dev.netdoctor.model.DscpClass::marked).map(dev.netdoctor.model.DscpClass::tos).orElse(-1);
            if (tos < 0) {
                return interpret(v, ctx.linux().run(argv, runLimit(ctx)));
            }
            // A marked ssh whose marking the marked-SYN check beside it found dropped waits for an
            // answer that will not come: it is ended then, not at its ConnectTimeout, once the
            // socket watch has shown it waiting in SYN-SENT (the user sees it in the live table),
            // or after SEEN_WAITING_LIMIT where the watch does not see it.
            long started = System.nanoTime();
            CommandRun run = ctx.linux().runUntil(argv, runLimit(ctx), () -> DscpConnectProbe.foundDropped(ctx, tos)
                    && (seenWaiting(ctx) || System.nanoTime() - started >= SEEN_WAITING_LIMIT.toNanos()));
            OpenSshAttempt a = interpret(v, run);
            if (run.timedOut() && run.durationMillis() < connectTimeout * 1000 && DscpConnectProbe.foundDropped(ctx, tos)) {
                endedEarly.add(v);
            }
            return a;
        }, a -> ctx.progress(0.5, "IPQoS=" + a.ipqos() + ": " + describe(a)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ipqos", String.join(",", values));
        params.put("connectTimeout", Long.toString(connectTimeout));
        if (!endedEarly.isEmpty()) {
            params.put("endedEarly", String.join(",", values.stream().filter(endedEarly::contains).toList()));
        }
        List<Evidence> evidence = attempts.stream().map(a -> a.run().asEvidence("IPQoS=" + a.ipqos() + ": " + describe(a)
                + (endedEarly.contains(a.ipqos()) ? "; ended then: the marked-SYN check beside it had found " + a.ipqos() + " dropped" : ""))).toList();
        String summary = String.join("; ", attempts.stream().map(a -> "IPQoS=" + a.ipqos() + " " + describe(a)).toList());
        return ProbeReport.completed(summary, params, new ProbeData.OpenSshRuns(ctx.environment().sshClient().version(), attempts), evidence);
    }

    /**
     * The argv for one run; the host was validated (no leading '-') and also follows "--".
     * ConnectTimeout bounds the connect and the greeting; OpenSSH applies the server-alive
     * timeout (interval times count) to the key exchange too, so ssh itself gives up once the
     * server has been silent that long after the last packet it sent, however quickly the
     * connection opened: a stalled exchange ends 1 s after it stalled, not at a fixed time
     * after start.
     */
    static List<String> argv(String host, int port, String ipqos, long connectTimeoutSeconds) {
        return List.of("ssh", "-v",
                "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + connectTimeoutSeconds,
                "-o", "ServerAliveInterval=" + SILENCE_INTERVAL_SECONDS,
                "-o", "ServerAliveCountMax=" + SILENCE_COUNT,
                "-o", "ConnectionAttempts=1",
                "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=/dev/null",
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "UpdateHostKeys=no",
                "-o", "ControlMaster=no",
                "-o", "ControlPath=none",
                "-o", "PasswordAuthentication=no",
                "-o", "KbdInteractiveAuthentication=no",
                "-o", "IPQoS=" + ipqos,
                "-p", Integer.toString(port),
                "--", host, "true");
    }

    /** Reads how far ssh got from its own -v messages. */
    static OpenSshAttempt interpret(String ipqos, CommandRun run) {
        String text = run.stderr() + "\n" + run.stdout();
        boolean established = text.contains("Connection established");
        Result result;
        if (text.contains("Host key verification failed") || text.contains("Server host key:")
                || text.contains("Permission denied") || text.contains("Authenticated to")) {
            result = Result.KEY_EXCHANGE_DONE;
        } else if (text.contains("Could not resolve hostname")) {
            result = Result.NAME_NOT_RESOLVED;
        } else if (text.contains("Connection refused")) {
            result = Result.REFUSED;
        } else if (text.contains("No route to host") || text.contains("Network is unreachable")) {
            result = Result.UNREACHABLE;
        } else if (text.contains("during banner exchange") || (established && (run.timedOut() || text.contains("timed out")))) {
            result = Result.STALLED_AFTER_CONNECT;
        } else if (text.contains("Connection timed out") || text.contains("Operation timed out") || run.timedOut()) {
            result = Result.CONNECT_TIMED_OUT;
        } else {
            result = Result.OTHER;
        }
        return new OpenSshAttempt(ipqos, result, run.durationMillis(), lastStep(text), run);
    }

    private static String lastStep(String text) {
        String last = null;
        for (String line : text.split("\\R")) {
            if (line.startsWith("debug1:")) {
                last = line.substring("debug1:".length()).strip();
            }
        }
        return last;
    }

    static String describe(OpenSshAttempt a) {
        String what = switch (a.result()) {
            case KEY_EXCHANGE_DONE -> "reached the server's host key";
            case STALLED_AFTER_CONNECT -> "connected, then stalled";
            case CONNECT_TIMED_OUT -> "connection timed out (stuck in SYN-SENT)";
            case REFUSED -> "connection refused";
            case UNREACHABLE -> "host unreachable";
            case NAME_NOT_RESOLVED -> "name not resolved";
            case OTHER -> "ended otherwise (exit " + a.run().exitCode() + ")";
        };
        return what + " after " + a.millis() + " ms";
    }

}
