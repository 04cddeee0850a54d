// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsService;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Can WSL reach a program on Windows (a database, an X server)? Windows' listeners on the port and
 * their owners, the app's own connect on Windows to the address WSL uses for Windows, and a
 * bounded connect from inside the distro to it. With Windows' firewall on, a port nobody listens on
 * and a dropped connection both time out from WSL (stealth mode, microsoft/WSL#5791): only Windows'
 * listener table tells them apart, so inside the distro this check says what it cannot know.
 */
public final class WindowsServiceProbe implements Probe {
    /** usbipd-win learnt that 1 s gave false alarms on slow starts and settled on 2 s; the second try gets this. */
    static final Duration CONFIRM = Duration.ofSeconds(3);

    @Override
    public ProbeId id() {
        return ProbeId.WINDOWS_SERVICE;
    }

    @Override
    public String title() {
        return "Reach your program on Windows from WSL";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        int ports = context.request().windowsPorts().size();
        Duration perPort = context.attemptTimeout().multipliedBy(2).plus(CONFIRM);
        return perPort.multipliedBy(Math.max(1, ports)).plus(context.linux().standpoint().commandWait()).plusSeconds(2);
    }

    /** Where WSL reaches Windows: 127.0.0.1 in mirrored mode, else the distro's default gateway (NAT). */
    static String windowsAddress(Environment env) {
        if (env.wsl() != null && "mirrored".equals(env.wsl().networkingMode())) {
            return "127.0.0.1";
        }
        return env.defaultGateway();
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        String address = windowsAddress(ctx.environment());
        if (address == null) {
            return ProbeReport.skipped("the distro has no default gateway, so the address WSL reaches Windows at is not known");
        }
        Optional<WindowsHost> windows = ctx.inspector().windows();
        List<WindowsService> ports = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Integer> asked = ctx.request().windowsPorts();
        for (int port : asked) {
            List<TcpConnection> listeners = windows.map(w -> w.listeners(port)).orElse(null);
            LocalConnect fromWindows = windows.isPresent() ? appConnect(address, port, ctx.attemptTimeout(), "Windows itself") : null;
            LocalConnect fromDistro = null;
            String distroError = null;
            switch (ctx.linux().standpoint()) {
                case WINDOWS -> {
                    Map<String, String> target = new LinkedHashMap<>();
                    target.put(address, "Windows");
                    try {
                        List<LocalConnect> got = DistroConnects.connect(ctx.linux(), target, port, ctx.attemptTimeout());
                        fromDistro = got.isEmpty() ? null : got.getFirst();
                        if (fromDistro == null) {
                            distroError = "the connect inside the distro reported nothing";
                        }
                    } catch (DistroConnects.Unavailable e) {
                        distroError = e.getMessage();
                    }
                }
                case THIS_LINUX -> fromDistro = appConnect(address, port, ctx.attemptTimeout(), "the distro");
            }
            WindowsService seen = new WindowsService(port, address, listeners, fromWindows, fromDistro, distroError);
            ports.add(seen);
            evidence.addAll(evidence(seen));
            ctx.progress((double) ports.size() / asked.size(), "Windows port " + port + " checked");
        }
        String summary = String.join("; ", ports.stream().map(WindowsServiceProbe::summarize).toList());
        return ProbeReport.completed(summary, Map.of("ports", asked.toString(), "windows-address", address),
                new ProbeData.WindowsServices(windows.isPresent(), ports), evidence);
    }

    /** A connect from this process; one that got no answer is tried once more with {@link #CONFIRM}, so a busy machine is not a silent one. */
    private static LocalConnect appConnect(String address, int port, Duration limit, String label) throws InterruptedException {
        InetAddress to = InetAddress.ofLiteral(address);
        ConnectAttempt a = MarkedConnector.attempt(to, port, DscpClass.UNMARKED, limit);
        if (a.result() == ConnectResult.TIMED_OUT) {
            a = MarkedConnector.attempt(to, port, DscpClass.UNMARKED, CONFIRM);
        }
        return new LocalConnect(address, label, port, a.result(), a.millis(), a.error());
    }

    private static List<Evidence> evidence(WindowsService s) {
        List<Evidence> list = new ArrayList<>();
        if (!s.listenersKnown()) {
            list.add(Evidence.of("who listens on port " + s.port() + " on Windows needs this app run on Windows"));
        } else if (s.windowsListeners().isEmpty()) {
            list.add(Evidence.of("on Windows: nothing listens on port " + s.port()));
        } else {
            s.windowsListeners().forEach(l -> list.add(Evidence.of("on Windows: " + l.localAddress() + ":" + l.localPort()
                    + " held by " + l.owner())));
        }
        if (s.fromWindows() != null) {
            list.add(Evidence.of("from Windows itself to " + s.windowsAddress() + ":" + s.port() + ": " + LocalAddresses.describe(s.fromWindows())));
        }
        if (s.fromDistro() != null) {
            list.add(Evidence.of("from the distro to " + s.windowsAddress() + ":" + s.port() + ": " + LocalAddresses.describe(s.fromDistro())));
        } else if (s.distroError() != null) {
            list.add(Evidence.of("the connect from the distro could not be made: " + s.distroError()));
        }
        return list;
    }

    private static String summarize(WindowsService s) {
        String distro = s.fromDistro() == null ? "not tried from the distro" : "from the distro " + s.fromDistro().result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String listening = !s.listenersKnown() ? "" : s.windowsListeners().isEmpty() ? "nothing listens on Windows, "
                : s.windowsListeners().getFirst().owner() + " listens on " + s.windowsListeners().getFirst().localAddress() + ", ";
        return "port " + s.port() + ": " + listening + distro;
    }
}
