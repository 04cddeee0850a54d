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
    /** How long the ping command may take: its own -w 3 and a little more. */
    static final Duration WAIT = Duration.ofMillis(3500);

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
        return Duration.ofSeconds(4);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws InterruptedException {
        if (!ctx.linux().hasCommand("ping")) {
            return ProbeReport.skipped("ping is not installed on " + ctx.linux().describe() + " (Debian/Ubuntu package iputils-ping)");
        }
        String address = ctx.address();
        ctx.progress(0.1, "pinging " + address);
        CommandRun run = ctx.linux().run(argv(address), WAIT);
        ProbeData.Ping data = parse(address, run.stdout());
        String summary = data.answered()
                ? address + " answered " + data.received() + " of " + data.sent() + " pings"
                + (data.averageRttMillis() == null ? "" : String.format(java.util.Locale.ROOT, " (%.1f ms)", data.averageRttMillis()))
                : address + " did not answer ping";
        return ProbeReport.completed(summary, Map.of("count", Integer.toString(COUNT)), data, List.of(run.asEvidence(summary)));
    }

    /** Three pings, 0.2 s apart, each answer awaited 1 s, all within 3 s. */
    static List<String> argv(String address) {
        return List.of("ping", address.contains(":") ? "-6" : "-4", "-n", "-c", Integer.toString(COUNT),
                "-i", "0.2", "-W", "1", "-w", "3", address);
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
