// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Needs no input: opens our own listener on every address (0.0.0.0, and [::] where IPv6
 * exists), then connects to it through 127.0.0.1, ::1, each own interface address and
 * 127.0.0.2. A listener that we know is there but cannot reach through some address is the
 * loopback trap, shown without any service of the user's. When the app runs on Windows, the
 * listener and the connects are made inside the distro ({@link DistroConnects}).
 */
public final class LoopbackSelfTestProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.LOOPBACK_SELF_TEST;
    }

    @Override
    public String title() {
        return "Reach this computer's own ports";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return LocalAddresses.connectLimit(context.linux().standpoint()).plusSeconds(2);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        Map<String, String> addresses = LocalAddresses.of(ctx.environment());
        return switch (ctx.linux().standpoint()) {
            case THIS_LINUX -> inThisProcess(ctx, addresses);
            // From Windows our own listener would be Windows': open it inside the distro instead.
            case WINDOWS -> inDistro(ctx, addresses);
        };
    }

    private static ProbeReport inDistro(ProbeContext ctx, Map<String, String> addresses) throws Exception {
        ctx.progress(0.2, "listening inside " + ctx.linux().describe() + ", connecting through " + addresses.size() + " addresses");
        try {
            DistroConnects.Run run = DistroConnects.selfTest(ctx.linux(), addresses, LocalAddresses.LOCAL_TIMEOUT);
            return report(run.port(), run.connects());
        } catch (DistroConnects.Unavailable e) {
            return ProbeReport.skipped(e.getMessage());
        }
    }

    private static ProbeReport inThisProcess(ProbeContext ctx, Map<String, String> addresses) throws Exception {
        try (ServerSocketChannel v4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
             ServerSocketChannel v6 = openV6()) {
            v4.bind(new InetSocketAddress("0.0.0.0", 0), 64);
            int port = ((InetSocketAddress) v4.getLocalAddress()).getPort();
            int v6Port = v6 == null ? -1 : ((InetSocketAddress) v6.getLocalAddress()).getPort();
            ctx.progress(0.2, "listening on 0.0.0.0:" + port + ", connecting through " + addresses.size() + " addresses");
            return report(port, LocalAddresses.connectAll(addresses, port, v6Port));
        }
    }

    private static ProbeReport report(int port, List<LocalConnect> connects) {
        List<Evidence> evidence = connects.stream().map(c -> Evidence.of(LocalAddresses.describe(c))).toList();
        // Any connect that did not connect missed our listener, unreachable or failing locally alike.
        long failed = connects.stream().filter(c -> c.result() != ConnectResult.CONNECTED).count();
        String summary = failed == 0 ? "all " + connects.size() + " local addresses reach a listener on 0.0.0.0:" + port
                : failed + " of " + connects.size() + " local addresses do not reach our own listener on 0.0.0.0:" + port;
        return ProbeReport.completed(summary, Map.of("port", Integer.toString(port),
                "timeoutMillis", Long.toString(LocalAddresses.LOCAL_TIMEOUT.toMillis())),
                new ProbeData.LoopbackSelfTest(port, connects), evidence);
    }

    /** A [::] listener, or null on a machine without IPv6. */
    private static ServerSocketChannel openV6() {
        try {
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.INET6);
            try {
                ch.bind(new InetSocketAddress("::", 0), 64);
                return ch;
            } catch (IOException e) {
                ch.close();
                return null;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
