// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsPolicy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Can other devices reach the user's app in WSL? From one PC this can only be partly told: the
 * port proxies and the IP Helper service that runs them (NAT), the Hyper-V firewall (mirrored),
 * and the app's own connect on Windows to Windows' network address, which goes through a port
 * proxy like a LAN device's would, though not through the firewall (a PC's traffic to itself
 * never crosses it). Only the outside check proves it; this check says so.
 */
public final class OtherDevicesProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.OTHER_DEVICES;
    }

    @Override
    public String title() {
        return "Let other devices reach your WSL app";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return context.attemptTimeout().multipliedBy(Math.max(1, context.request().servicePorts().size())).plusSeconds(2);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        List<Integer> ports = ctx.request().servicePorts();
        WindowsFacts windows = ctx.environment().windows();
        if (ctx.inspector().windows().isEmpty() || windows == null) {
            return ProbeReport.completed("Windows' port proxies and firewall need WSL Net Doctor run on Windows; only another machine proves "
                            + "that other devices get through", Map.of("ports", ports.toString()),
                    new ProbeData.OtherDevices(false, ports, List.of()),
                    List.of(Evidence.of("Windows' port proxies and firewall are read by WSL Net Doctor on Windows, not inside WSL")));
        }
        List<Evidence> evidence = new ArrayList<>();
        WindowsPolicy policy = windows.policy();
        if (policy.portProxies().known()) {
            List<WindowsPolicy.PortProxy> proxies = policy.portProxies().value();
            if (proxies.isEmpty()) {
                evidence.add(Evidence.of("Windows has no port proxy rules"));
            }
            proxies.forEach(r -> evidence.add(Evidence.of("Port proxy (" + r.kind() + "): " + r.listenAddress() + ":" + r.listenPort()
                    + " → " + r.connectAddress() + ":" + r.connectPort())));
        } else {
            evidence.add(Evidence.of("Windows' port proxies: unknown (" + policy.portProxies().unknownBecause() + ")"));
        }
        policy.ipHelper().get().ifPresent(s -> evidence.add(Evidence.of("IP Helper service (runs the port proxies): " + s)));
        policy.hyperVFirewall().get().ifPresent(h -> evidence.add(Evidence.of("Hyper-V firewall for WSL: incoming by default "
                + h.defaultInboundAction())));
        Optional<String> lan = lanAddress(windows);
        List<LocalConnect> connects = new ArrayList<>();
        if (lan.isPresent()) {
            for (int port : ports) {
                ConnectAttempt a = MarkedConnector.attempt(InetAddress.ofLiteral(lan.get()), port, DscpClass.UNMARKED, ctx.attemptTimeout());
                LocalConnect c = new LocalConnect(lan.get(), "Windows' network address", port, a.result(), a.millis(), a.error());
                connects.add(c);
                evidence.add(Evidence.of("From Windows to its network address " + lan.get() + ":" + port + ": " + LocalAddresses.describe(c)));
            }
        } else {
            evidence.add(Evidence.of("Windows has no network address besides WSL's adapter and loopback"));
        }
        evidence.add(Evidence.of("A connection from this PC to itself never crosses its firewalls: only another machine proves that "
                + "other devices get through (the outside check)"));
        String summary = connects.isEmpty() ? "port proxies and firewall read" : String.join("; ", connects.stream()
                .map(c -> "port " + c.port() + " through " + c.address() + ": " + c.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .toList());
        return ProbeReport.completed(summary, Map.of("ports", ports.toString()), new ProbeData.OtherDevices(true, ports, connects), evidence);
    }

    /** Windows' own IPv4 address on a network other devices are on: an adapter that is up, not WSL's, not loopback. */
    static Optional<String> lanAddress(WindowsFacts windows) {
        WindowsInterface wsl = windows.wslAdapter();
        return windows.interfaces().get().orElse(List.of()).stream()
                .filter(i -> i.up() && (wsl == null || i.index() != wsl.index()))
                .flatMap(i -> i.addresses().stream())
                .map(a -> a.contains("/") ? a.substring(0, a.indexOf('/')) : a)
                .filter(a -> !a.contains(":") && !a.startsWith("127.") && !a.startsWith("169.254."))
                .findFirst();
    }
}
