// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.RelayAddresses;
import dev.netdoctor.model.RelayConnect;
import dev.netdoctor.model.RelayPort;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Can a browser on Windows open the user's app in WSL at {@code localhost:PORT}? In NAT mode only
 * WSL's relay makes that work: it watches the distro's listeners and binds Windows' 127.0.0.1 or
 * [::1] for those on a loopback or wildcard address. This check reads the distro's listeners, who
 * holds the port on Windows, whether the relay runs, and connects from Windows to 127.0.0.1, [::1]
 * and the distro's own address, reading each for a moment. Inside the distro only its half is
 * there: the distro's listeners and which of them the relay would forward.
 */
public final class LocalhostRelayProbe implements Probe {
    /**
     * The relay looks at the distro's listeners once a second, and fresh ports have been seen to
     * take 2-5 s (windows-side.md §1.2): a listener the relay should forward is given this long to
     * appear on Windows before it is called missing.
     */
    static final Duration RELAY_LAG = Duration.ofSeconds(5);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(500);

    @Override
    public ProbeId id() {
        return ProbeId.LOCALHOST_RELAY;
    }

    @Override
    public String title() {
        return "Open your WSL app from Windows";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        int ports = context.request().servicePorts().size();
        // per port: the relay's lag, three connects and their reads
        Duration perPort = RELAY_LAG.plus(context.attemptTimeout().plus(WindowsConnects.READ_MOMENT).multipliedBy(3));
        return perPort.multipliedBy(Math.max(1, ports)).plus(context.linux().standpoint().commandWait());
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        var wsl = ctx.environment().wsl();
        if (wsl == null || wsl.kind() != dev.netdoctor.model.WslFacts.Kind.WSL2) {
            return ProbeReport.skipped("this is not WSL 2, so there is no WSL relay between Windows and it");
        }
        if (wsl.networkingMode() != null && !"nat".equals(wsl.networkingMode())) {
            return ProbeReport.skipped("in " + wsl.networkingMode() + " networking WSL's NAT relay does not carry localhost");
        }
        Optional<WindowsHost> windows = ctx.inspector().windows();
        List<TcpConnection> table = ctx.inspector().tcpConnections();
        String distroAddress = distroAddress(ctx.environment());
        List<RelayPort> ports = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Integer> asked = ctx.request().servicePorts();
        for (int port : asked) {
            List<TcpConnection> distroListeners = table.stream()
                    .filter(c -> !c.onWindows() && TcpConnection.LISTEN.equals(c.state()) && c.localPort() == port).toList();
            RelayPort seen = windows.isPresent()
                    ? fromWindows(ctx, windows.get(), port, distroListeners, distroAddress)
                    : new RelayPort(port, distroListeners, List.of(), List.of(), List.of(), distroAddress);
            ports.add(seen);
            evidence.addAll(evidence(seen, windows.isPresent()));
            ctx.progress((double) ports.size() / asked.size(), "port " + port + " checked");
        }
        String summary = String.join("; ", ports.stream().map(p -> summarize(p, windows.isPresent())).toList());
        return ProbeReport.completed(summary, Map.of("ports", asked.toString(), ProbeContext.FROM, ctx.appSide()),
                new ProbeData.LocalhostRelay(windows.isPresent(), ports), evidence);
    }

    private static RelayPort fromWindows(ProbeContext ctx, WindowsHost windows, int port, List<TcpConnection> distroListeners,
                                         String distroAddress) throws InterruptedException {
        List<String> expected = distroListeners.stream()
                .map(l -> RelayAddresses.windowsLoopbackFor(l.localAddress())).flatMap(Optional::stream).distinct().toList();
        List<TcpConnection> onWindows = windows.listeners(port);
        long until = System.nanoTime() + RELAY_LAG.toNanos();
        while (!relayedOnWindows(expected, onWindows) && System.nanoTime() < until) {
            Thread.sleep(LOOK_AGAIN.toMillis());
            onWindows = windows.listeners(port);
        }
        List<RelayConnect> connects = new ArrayList<>();
        Duration limit = ctx.attemptTimeout();
        connects.add(WindowsConnects.connect(RelayAddresses.WINDOWS_V4, "Windows' localhost (IPv4)", port, limit));
        connects.add(WindowsConnects.connect(RelayAddresses.WINDOWS_V6, "Windows' localhost (IPv6)", port, limit));
        if (distroAddress != null) {
            connects.add(WindowsConnects.connect(distroAddress, "the distro's own address", port, limit));
        }
        List<WindowsProcess> relays = windows.relays();
        return new RelayPort(port, distroListeners, onWindows, connects, relays, distroAddress);
    }

    /** Whether Windows has a listener on each loopback address the relay should have bound. */
    private static boolean relayedOnWindows(List<String> expected, List<TcpConnection> onWindows) {
        return expected.stream().allMatch(a -> onWindows.stream().anyMatch(l -> l.localAddress().equals(a)
                || l.localAddress().equals("0:0:0:0:0:0:0:1") && a.equals(RelayAddresses.WINDOWS_V6)));
    }

    /** The distro's own IPv4 address: that of its first interface that is up and not loopback (eth0). */
    static String distroAddress(Environment env) {
        for (NetInterface i : env.interfaces()) {
            if (i.up() && !i.name().equals("lo")) {
                for (String a : i.ipv4()) {
                    String bare = a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
                    if (!bare.startsWith("127.")) {
                        return bare;
                    }
                }
            }
        }
        return null;
    }

    private static List<Evidence> evidence(RelayPort p, boolean fromWindows) {
        List<Evidence> list = new ArrayList<>();
        if (p.distroListeners().isEmpty()) {
            list.add(Evidence.of("nothing in the distro listens on port " + p.port()));
        }
        for (TcpConnection l : p.distroListeners()) {
            String to = RelayAddresses.windowsLoopbackFor(l.localAddress())
                    .map(w -> "WSL's relay forwards it to Windows' " + (w.contains(":") ? "[" + w + "]" : w) + ":" + p.port())
                    .orElse("WSL's relay ignores this address");
            list.add(Evidence.of("in the distro: " + ListeningSocketsProbe.describe(l) + "; " + to));
        }
        if (!fromWindows) {
            list.add(Evidence.of("who holds port " + p.port() + " on Windows and what a browser there gets needs this app run on Windows"));
            return list;
        }
        if (p.windowsListeners().isEmpty()) {
            list.add(Evidence.of("on Windows: nothing listens on port " + p.port()));
        }
        for (TcpConnection l : p.windowsListeners()) {
            list.add(Evidence.of("on Windows: " + l.localAddress() + ":" + l.localPort() + " held by " + l.owner()));
        }
        for (RelayConnect c : p.connects()) {
            list.add(Evidence.of("from Windows to " + bracket(c.address()) + ":" + p.port() + " (" + c.label() + "): " + describe(c)));
        }
        List<WindowsProcess> portRelays = p.relays().stream().filter(WindowsProcess::relaysPorts).toList();
        list.add(Evidence.of(portRelays.isEmpty() ? "WSL's localhost relay (wslrelay) is not running on Windows"
                : "WSL's localhost relay runs: " + portRelays.getFirst()));
        return list;
    }

    static String describe(RelayConnect c) {
        return switch (c.result()) {
            case CONNECTED -> c.closedAtOnce() ? "accepted, then closed at once (" + c.millis() + " ms)" : "connected in " + c.millis() + " ms";
            case REFUSED -> "refused in " + c.millis() + " ms";
            case TIMED_OUT -> "no answer within " + c.millis() + " ms";
            case UNREACHABLE -> "unreachable" + (c.error() == null ? "" : ": " + c.error());
            case ERROR -> "failed" + (c.error() == null ? "" : ": " + c.error());
        };
    }

    private static String summarize(RelayPort p, boolean fromWindows) {
        if (p.distroListeners().isEmpty()) {
            return "port " + p.port() + ": nothing listens in the distro";
        }
        if (!fromWindows) {
            long relayed = p.distroListeners().stream().filter(l -> RelayAddresses.windowsLoopbackFor(l.localAddress()).isPresent()).count();
            return "port " + p.port() + ": " + relayed + " of " + p.distroListeners().size() + " listeners on addresses WSL's relay forwards";
        }
        String v4 = p.connect(RelayAddresses.WINDOWS_V4).map(LocalhostRelayProbe::describe).orElse("not tried");
        String v6 = p.connect(RelayAddresses.WINDOWS_V6).map(LocalhostRelayProbe::describe).orElse("not tried");
        return "port " + p.port() + ": localhost " + v4 + ", [::1] " + v6;
    }

    private static String bracket(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
