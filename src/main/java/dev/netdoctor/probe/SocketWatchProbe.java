// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.host.SocketTable;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.TcpConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the TCP table five times a second while the other checks run, and records every
 * socket waiting in SYN-SENT for the target — the user's own hung ssh as well as ours —
 * with its owner and how long it waited.
 */
public final class SocketWatchProbe implements Probe {
    /**
     * A marked ssh is ended as soon as the marked-SYN check has settled the drop, about half a
     * second into the run: snapshots half a second apart would miss it waiting.
     */
    static final Duration INTERVAL = Duration.ofMillis(200);

    @Override
    public ProbeId id() {
        return ProbeId.SOCKET_TABLE;
    }

    @Override
    public String title() {
        return "Watch connections waiting for an answer";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return watchTime(context).plusSeconds(3);
    }

    private static Duration watchTime(ProbeContext ctx) {
        return ctx.attemptTimeout().plus(INTERVAL);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        SocketTable table = new SocketTable(ctx.inspector());
        long end = System.nanoTime() + watchTime(ctx).toNanos();
        Map<String, TcpConnection> stuck = new LinkedHashMap<>();
        List<TcpConnection> last = List.of();
        int snapshots = 0;
        while (true) {
            last = table.snapshot();
            snapshots++;
            ctx.sockets(last);
            for (TcpConnection c : SocketTable.synSentTo(last, ctx.address(), ctx.target().port())) {
                stuck.put(c.localAddress() + ":" + c.localPort() + "/" + c.pid(), c);
            }
            if (!waitForNext(ctx, end)) {
                break;
            }
        }
        List<TcpConnection> waited = new ArrayList<>(stuck.values());
        List<Evidence> evidence = waited.stream()
                .map(c -> Evidence.of(c.owner() + (c.ours() ? " [this check]" : "") + " waited in SYN-SENT from "
                        + c.localAddress() + ":" + c.localPort() + " to " + c.remoteAddress() + ":" + c.remotePort()
                        + " for at least " + c.ageMillis() + " ms"))
                .toList();
        long others = waited.stream().filter(c -> !c.ours()).count();
        String summary = waited.isEmpty() ? "no connection to the target waited in SYN-SENT"
                : dev.netdoctor.model.Words.get("probe.socketWatch.waited", waited.size(), others);
        return ProbeReport.completed(summary, Map.of("snapshots", Integer.toString(snapshots)),
                new ProbeData.Sockets(waited, last), evidence);
    }

    /** Sleeps until the next snapshot; false when watching should stop. */
    private static boolean waitForNext(ProbeContext ctx, long endNanos) throws InterruptedException {
        long next = System.nanoTime() + INTERVAL.toNanos();
        while (System.nanoTime() < next) {
            if (ctx.othersFinished() || System.nanoTime() >= endNanos) {
                return false;
            }
            Thread.sleep(50);
        }
        return System.nanoTime() < endNanos;
    }
}
