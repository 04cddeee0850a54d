// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ProbeData;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Three ICMP echo requests with the system ping; count and wait bounded. */
public final class PingProbe implements Probe {
    private static final Pattern COUNTS = Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");
    private static final Pattern RTT = Pattern.compile("= [\\d.]+/([\\d.]+)/");
    static final int COUNT = 3;
    /**
     * How long the ping command may take: its own -w 2 and a little more (plus, from Windows,
     * what reaching the distro may add: see {@link #wait(ProbeContext)}).
     */
    static final Duration WAIT = Duration.ofMillis(2500);

    @Override
    public ProbeId id() {
        return ProbeId.PING;
    }

    @Override
    public String title() {
        return "Ping the target";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return wait(context).plusMillis(500);
    }

    /** The bound on one ping command: ping ends itself at -w; this only stops a wedged one. */
    static Duration wait(ProbeContext ctx) {
        return WAIT.plus(ctx.linux().standpoint().commandWait());
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws InterruptedException {
        if (!ctx.linux().hasCommand("ping")) {
            return ProbeReport.skipped("ping is not installed on " + ctx.linux().describe() + " (Debian/Ubuntu package iputils-ping)");
        }
        String address = ctx.address();
        ctx.progress(0.1, "pinging " + address);
        CommandRun run = ctx.linux().run(argv(address), wait(ctx));
        ProbeData.Ping data = parse(address, run.stdout());
        String summary = data.answered()
                ? address + " answered " + data.received() + " of " + data.sent() + " pings"
                + (data.averageRttMillis() == null ? "" : String.format(java.util.Locale.ROOT, " (%.1f ms)", data.averageRttMillis()))
                : address + " did not answer ping";
        return ProbeReport.completed(summary, Map.of("count", Integer.toString(COUNT)), data, List.of(run.asEvidence(summary)));
    }

    /**
     * Pings 0.1 s apart until three answered or 2 s passed: a silent host gets twenty, so one lost
     * packet decides nothing, and an answering one is done in 0.2 s (the fastest interval ping
     * allows a plain user is 2 ms; 0.1 s keeps the echoes well apart for a link that loses a burst). Every echo is answered
     * within milliseconds on any path WSL users reach (a satellite link: 0.7 s), so 2 s of
     * silence is silence.
     */
    static List<String> argv(String address) {
        return List.of("ping", address.contains(":") ? "-6" : "-4", "-n", "-c", Integer.toString(COUNT),
                "-i", "0.1", "-W", "1", "-w", "2", address);
    }

    static ProbeData.Ping parse(String address, String output) {
        Matcher m = COUNTS.matcher(output);
        int sent = COUNT;
        int received = 0;
        if (m.find()) {
            sent = Integer.parseInt(m.group(1));
            received = Integer.parseInt(m.group(2));
        }
        Matcher r = RTT.matcher(output);
        Double avg = r.find() ? Double.valueOf(r.group(1)) : null;
        return new ProbeData.Ping(address, sent, received, avg);
    }
}
