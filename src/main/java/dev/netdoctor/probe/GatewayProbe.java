// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The first step of the way out of this computer, when there is no target to check: pings the
 * default gateway (in WSL's NAT mode, Windows' side of WSL's network) as {@link PingProbe} pings
 * a target. A gateway that answers shows the way out starts; one that does not proves nothing
 * (Windows' firewall often drops ping), so nothing is concluded from silence.
 */
public final class GatewayProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.DEFAULT_GATEWAY;
    }

    @Override
    public String title() {
        return "Ping the default gateway";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return Duration.ofSeconds(4).plus(context.linux().standpoint().commandWait());
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws InterruptedException {
        String gateway = ctx.environment() == null ? null : ctx.environment().defaultGateway();
        if (gateway == null) {
            String none = "this computer has no default gateway: no way out to other networks";
            return ProbeReport.completed(none, Map.of(), null, List.of(Evidence.of(none)));
        }
        if (!ctx.linux().hasCommand("ping")) {
            return ProbeReport.skipped("ping is not installed on " + ctx.linux().describe() + " (Debian/Ubuntu package iputils-ping)");
        }
        ctx.progress(0.1, "pinging the default gateway " + gateway);
        CommandRun run = ctx.linux().run(PingProbe.argv(gateway), PingProbe.wait(ctx));
        ProbeData.Ping data = PingProbe.parse(gateway, run.stdout());
        String summary = data.answered()
                ? "the default gateway " + gateway + " answered " + data.received() + " of " + data.sent() + " pings"
                : "the default gateway " + gateway + " did not answer ping";
        return ProbeReport.completed(summary, Map.of("address", gateway), data, List.of(run.asEvidence(summary)));
    }
}
