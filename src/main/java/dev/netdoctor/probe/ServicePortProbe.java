// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.TcpConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For each port the user named: is something listening, which process, and can it be reached
 * from this machine through each local address.
 */
public final class ServicePortProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.SERVICE_PORTS;
    }

    @Override
    public String title() {
        return "Reach your service locally";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return LocalAddresses.connectLimit(context.linux().standpoint()).plusSeconds(4);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        List<TcpConnection> table = ctx.inspector().tcpConnections();
        Map<String, String> addresses = LocalAddresses.of(ctx.environment());
        List<ServicePort> ports = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (int port : ctx.request().servicePorts()) {
            List<TcpConnection> listeners = table.stream()
                    .filter(c -> TcpConnection.LISTEN.equals(c.state()) && c.localPort() == port).toList();
            List<LocalConnect> connects;
            try {
                connects = LocalAddresses.connectAll(ctx, addresses, port);
            } catch (DistroConnects.Unavailable e) {
                return ProbeReport.skipped(e.getMessage());
            }
            ports.add(new ServicePort(port, listeners, connects));
            if (listeners.isEmpty()) {
                evidence.add(Evidence.of("nothing listens on port " + port));
            }
            listeners.forEach(l -> evidence.add(Evidence.of(ListeningSocketsProbe.describe(l))));
            connects.forEach(c -> evidence.add(Evidence.of(LocalAddresses.describe(c))));
            ctx.progress((double) ports.size() / ctx.request().servicePorts().size(), "port " + port + " checked");
        }
        String summary = String.join("; ", ports.stream().map(ServicePortProbe::summarize).toList());
        return ProbeReport.completed(summary, Map.of("ports", ctx.request().servicePorts().toString()),
                new ProbeData.ServicePorts(ports), evidence);
    }

    private static String summarize(ServicePort p) {
        if (p.listeners().isEmpty()) {
            return "port " + p.port() + ": nothing listening";
        }
        // Reached means connected: an unreachable address or a local error got nowhere either.
        long reached = p.connects().stream().filter(c -> c.result() == ConnectResult.CONNECTED).count();
        return "port " + p.port() + ": " + p.listeners().getFirst().owner() + " listening; reached through "
                + reached + " of " + p.connects().size() + " local addresses";
    }
}
