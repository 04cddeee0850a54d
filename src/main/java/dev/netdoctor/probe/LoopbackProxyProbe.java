// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProxyAddress;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WslFacts;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A proxy on 127.0.0.1 in WSL's NAT mode (Clash, v2ray and company listen on 127.0.0.1:7890 by
 * default). From Windows: Windows' own proxy setting (read by the one PowerShell run), which WSL
 * drops in NAT mode with a warning instead of passing it to the distro; who listens on its port
 * on Windows (127.0.0.1 only, which WSL can never reach, or every address); and a bounded connect
 * from inside the distro to Windows' address on that port. Inside the distro: its proxy variables,
 * which some users copy from Windows, pointing at 127.0.0.1, where in NAT mode only Linux itself
 * listens. Writes nothing.
 */
public final class LoopbackProxyProbe implements Probe {
    /** The variables curl, apt, git, pip and wget read, in the order they are reported. */
    static final List<String> VARIABLES = List.of("https_proxy", "http_proxy", "all_proxy", "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY");
    /** A connect that got no answer is tried once more for this long: a busy machine is not a silent one. */
    static final Duration CONFIRM = Duration.ofSeconds(3);

    @Override
    public ProbeId id() {
        return ProbeId.LOOPBACK_PROXY;
    }

    @Override
    public String title() {
        return "Use Windows' proxy from WSL";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return context.attemptTimeout().multipliedBy(2).plus(CONFIRM).plus(context.linux().standpoint().commandWait()).plusSeconds(2);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        WslFacts wsl = ctx.environment().wsl();
        if (wsl == null || wsl.kind() != WslFacts.Kind.WSL2) {
            return ProbeReport.skipped("this is not WSL 2, so no proxy is passed between Windows and it");
        }
        String mode = wsl.networkingMode();
        if (mode != null && !"nat".equals(mode)) {
            return ProbeReport.skipped("in " + mode + " networking WSL reaches Windows' 127.0.0.1 itself, so a proxy there works");
        }
        String gateway = ctx.environment().defaultGateway();
        return switch (ctx.linux().standpoint()) {
            case WINDOWS -> fromWindows(ctx, mode, gateway);
            case THIS_LINUX -> insideTheDistro(ctx, mode, gateway);
        };
    }

    private ProbeReport fromWindows(ProbeContext ctx, String mode, String gateway) throws InterruptedException {
        Optional<WindowsHost> windows = ctx.inspector().windows();
        Fact<WindowsPolicy.Proxy> setting = Optional.ofNullable(ctx.environment().windows()).map(WindowsFacts::policy)
                .map(WindowsPolicy::proxy).orElse(Fact.unknown("Windows' settings were not read"));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(ProbeId.FROM, ProbeId.FROM_WINDOWS);
        if (windows.isEmpty() || !setting.known()) {
            String why = setting.known() ? "Windows' listeners were not read" : setting.unknownBecause();
            return ProbeReport.completed("Windows' proxy setting is unknown: " + why, parameters,
                    new ProbeData.LoopbackProxy(true, mode, ProbeData.LoopbackProxy.SET_BY_WINDOWS, null, gateway, null, null, null, null),
                    List.of(Evidence.of("Windows' proxy setting: unknown (" + why + ")")));
        }
        WindowsPolicy.Proxy proxy = setting.value();
        if (!proxy.enabled() || proxy.server() == null) {
            String pac = proxy.autoConfigUrl() == null ? "" : "; a setup script gives the proxy (WSL passes it as WSL_PAC_URL)";
            return ProbeReport.completed("Windows uses no fixed proxy" + pac, parameters,
                    new ProbeData.LoopbackProxy(true, mode, ProbeData.LoopbackProxy.SET_BY_WINDOWS, null, gateway, null, null, null, null),
                    List.of(Evidence.of("Windows' proxy: off" + pac)));
        }
        Optional<ProxyAddress> loopback = ProxyAddress.ofWindowsSetting(proxy.server()).stream().filter(ProxyAddress::loopback).findFirst();
        if (loopback.isEmpty()) {
            return ProbeReport.completed("Windows' proxy is not on 127.0.0.1, so WSL gets it as it is", parameters,
                    new ProbeData.LoopbackProxy(true, mode, ProbeData.LoopbackProxy.SET_BY_WINDOWS, null, gateway, null, null, null, null),
                    List.of(Evidence.of("Windows' proxy: on, not on a loopback address")));
        }
        ProxyAddress p = loopback.get();
        parameters.put("proxy", p.hostPort());
        List<Evidence> evidence = new ArrayList<>();
        // Its exceptions are left out: they name the company's own machines, which redaction does not know to hide.
        evidence.add(Evidence.of("Windows' proxy: on, " + p.hostPort()));
        List<TcpConnection> listeners = windows.get().listeners(p.port());
        evidence.addAll(listenerEvidence(listeners, p.port()));
        LocalConnect toGateway = null;
        String distroError = null;
        if (gateway == null) {
            distroError = "the distro has no default gateway, so the address WSL reaches Windows at is not known";
        } else if (listeners.stream().noneMatch(l -> ServicePort.covers(l.localAddress(), gateway))) {
            // Windows' own table already says WSL can't get there: no 5 s wait for the silence stealth mode makes certain.
            distroError = "not tried: " + (listeners.isEmpty() ? "nothing on Windows listens on port " + p.port()
                    : "the program listens where WSL can't reach it");
        } else {
            Map<String, String> target = new LinkedHashMap<>();
            target.put(gateway, "Windows");
            try {
                List<LocalConnect> got = DistroConnects.connect(ctx.linux(), target, p.port(), ctx.attemptTimeout());
                toGateway = got.isEmpty() ? null : got.getFirst();
                if (toGateway == null) {
                    distroError = "the connect inside the distro reported nothing";
                }
            } catch (DistroConnects.Unavailable e) {
                distroError = e.getMessage();
            }
        }
        evidence.add(Evidence.of("From the distro to Windows' " + (gateway == null ? "address" : gateway + ":" + p.port()) + ": "
                + (toGateway != null ? LocalAddresses.describe(toGateway) : distroError)));
        ProbeData.LoopbackProxy data = new ProbeData.LoopbackProxy(true, mode, ProbeData.LoopbackProxy.SET_BY_WINDOWS, p, gateway,
                listeners, toGateway, distroError, null);
        String who = listeners.isEmpty() ? "nothing listens on port " + p.port()
                : data.windowsLoopbackOnly() ? program(listeners.getFirst()) + " listens on 127.0.0.1 only"
                : program(listeners.getFirst()) + " listens for WSL too";
        return ProbeReport.completed("Windows' proxy is on " + p.hostPort() + ", which WSL in NAT mode can't use; " + who
                + (toGateway == null ? "" : "; from the distro to " + gateway + ":" + p.port() + " " + result(toGateway)), parameters, data, evidence);
    }

    private ProbeReport insideTheDistro(ProbeContext ctx, String mode, String gateway) throws InterruptedException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(ProbeId.FROM, ProbeId.FROM_THIS_LINUX);
        String setBy = null;
        ProxyAddress proxy = null;
        for (String name : VARIABLES) {
            Optional<ProxyAddress> a = ctx.linux().env(name).filter(v -> !v.isBlank()).flatMap(ProxyAddress::ofUrl).filter(ProxyAddress::loopback);
            if (a.isPresent()) {
                setBy = name;
                proxy = a.get();
                break;
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("Windows' own proxy setting is read by WSL Net Doctor on Windows, not inside WSL"));
        if (proxy == null) {
            return ProbeReport.completed("no proxy variable points at 127.0.0.1", parameters,
                    new ProbeData.LoopbackProxy(false, mode, null, null, gateway, null, null, null, null), evidence);
        }
        parameters.put("proxy", proxy.hostPort());
        evidence.add(Evidence.of(setBy + " points at " + proxy.hostPort() + ", which in NAT mode is the distro itself, not Windows"));
        LocalConnect own = connect("127.0.0.1", "the distro itself", proxy.port(), ctx.attemptTimeout(), false);
        evidence.add(Evidence.of("In the distro to 127.0.0.1:" + proxy.port() + ": " + LocalAddresses.describe(own)));
        LocalConnect toGateway = null;
        if (gateway != null) {
            toGateway = connect(gateway, "Windows", proxy.port(), ctx.attemptTimeout(), false);
            evidence.add(Evidence.of("From the distro to Windows' " + gateway + ":" + proxy.port() + ": " + LocalAddresses.describe(toGateway)));
        }
        return ProbeReport.completed(setBy + " points at " + proxy.hostPort() + "; in the distro " + result(own)
                        + (toGateway == null ? "" : "; at Windows' " + gateway + ":" + proxy.port() + " " + result(toGateway)), parameters,
                new ProbeData.LoopbackProxy(false, mode, setBy, proxy, gateway, null, toGateway,
                        gateway == null ? "the distro has no default gateway" : null, own), evidence);
    }

    /** A connect from this process; one that got no answer is tried once more with {@link #CONFIRM} when {@code confirm}. */
    private static LocalConnect connect(String address, String label, int port, Duration limit, boolean confirm) throws InterruptedException {
        InetAddress to = InetAddress.ofLiteral(address);
        ConnectAttempt a = MarkedConnector.attempt(to, port, DscpClass.UNMARKED, limit);
        if (confirm && a.result() == ConnectResult.TIMED_OUT) {
            a = MarkedConnector.attempt(to, port, DscpClass.UNMARKED, CONFIRM);
        }
        return new LocalConnect(address, label, port, a.result(), a.millis(), a.error());
    }

    private static List<Evidence> listenerEvidence(List<TcpConnection> listeners, int port) {
        if (listeners.isEmpty()) {
            return List.of(Evidence.of("On Windows: nothing listens on port " + port + " (is the proxy program running?)"));
        }
        return listeners.stream().map(l -> Evidence.of("On Windows: " + program(l) + " listens on "
                + (l.localAddress().contains(":") ? "[" + l.localAddress() + "]" : l.localAddress()) + ":" + l.localPort())).toList();
    }

    /** A Windows program by its name and pid ("on Windows" is said by the sentence). */
    static String program(TcpConnection l) {
        if (l.pid() < 0) {
            return "a program";
        }
        return l.processName() == null || l.processName().isBlank() ? "pid " + l.pid() : l.processName() + " (pid " + l.pid() + ")";
    }

    private static String result(LocalConnect c) {
        return c.result().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
