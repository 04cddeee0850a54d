// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.TcpConnection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every socket waiting for connections on this machine, with the process that owns it. */
public final class ListeningSocketsProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.LISTENING_SOCKETS;
    }

    @Override
    public String title() {
        return "List services listening here";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return Duration.ofSeconds(4);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) {
        List<TcpConnection> listening = ctx.inspector().tcpConnections().stream()
                .filter(c -> TcpConnection.LISTEN.equals(c.state()) && !c.ours()).toList();
        List<Evidence> evidence = listening.stream().map(ListeningSocketsProbe::describe).map(Evidence::of).toList();
        return ProbeReport.completed(dev.netdoctor.model.Words.get("probe.listening.summary", listening.size()), Map.of(), new ProbeData.Listeners(listening), evidence);
    }

    static String describe(TcpConnection c) {
        String addr = c.localAddress().contains(":") ? "[" + c.localAddress() + "]" : c.localAddress();
        return c.owner() + " listens on " + addr + ":" + c.localPort();
    }
}
