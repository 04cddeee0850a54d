// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code windows-proxy-loopback}: a proxy on 127.0.0.1 while WSL runs in NAT mode, where 127.0.0.1
 * inside WSL is Linux itself (shared/research/wsl-networking.md class 9, microsoft/WSL#10753 and
 * #12015, mostly Clash and v2ray on 127.0.0.1:7890). From Windows it is certain: Windows' setting
 * is read, WSL drops such a proxy, and Windows' listener table says whether the proxy program can
 * be reached from WSL at all. Inside the distro only the variables and the distro's own empty port
 * are seen, so it is said with less confidence.
 */
final class LoopbackProxyRule implements Rule {
    @Override
    public Optional<Finding> apply(Observations obs) {
        return obs.data(ProbeId.LOOPBACK_PROXY, ProbeData.LoopbackProxy.class)
                .filter(d -> d.proxy() != null && NetworkingMode.parse(d.networkingMode()).orElse(NetworkingMode.NAT) == NetworkingMode.NAT)
                .flatMap(d -> d.seenFromWindows() ? fromWindows(obs, d) : insideTheDistro(obs, d));
    }

    private static Optional<Finding> fromWindows(Observations obs, ProbeData.LoopbackProxy d) {
        int port = d.proxy().port();
        String gateway = d.gateway() == null ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.gatewayUnknown") : d.gateway();
        List<TcpConnection> listeners = d.windowsListeners() == null ? List.of() : d.windowsListeners();
        StringBuilder explanation = new StringBuilder(Words.get("finding.WINDOWS_PROXY_LOOPBACK.explanation", d.proxy().hostPort(),
                gateway));
        String program = listeners.isEmpty() ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.theProgram")
                : programName(listeners.getFirst());
        // A listener WSL can reach is one on every address or on the gateway itself; 127.0.0.1 never, another adapter's address neither.
        boolean forWsl = d.gateway() != null && listeners.stream().anyMatch(l -> ServicePort.covers(l.localAddress(), d.gateway()));
        if (d.windowsListeners() != null) {
            explanation.append(' ').append(listeners.isEmpty() ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.nothingListens", port)
                    : forWsl ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.allAddresses", program(listeners.getFirst()), port, gateway)
                    : d.windowsLoopbackOnly() ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.loopbackOnly", program(listeners.getFirst()), port, gateway)
                    : Words.get("finding.WINDOWS_PROXY_LOOPBACK.elsewhere", program(listeners.getFirst()), port, gateway,
                            WindowsSideRules.bracket(listeners.getFirst().localAddress())));
        }
        LocalConnect c = d.distroToGateway();
        boolean reached = c != null && c.result() == ConnectResult.CONNECTED;
        if (forWsl && c != null) {
            explanation.append(' ').append(Words.get(reached ? "finding.WINDOWS_PROXY_LOOPBACK.reached"
                            : c.result() == ConnectResult.REFUSED ? "finding.WINDOWS_PROXY_LOOPBACK.refused" : "finding.WINDOWS_PROXY_LOOPBACK.noAnswer",
                    gateway, port));
        }
        List<FixSuggestion> fixes = new ArrayList<>();
        fixes.add(mirrored());
        fixes.add(new FixSuggestion(FixId.PROXY_ALLOW_LAN, Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.PROXY_ALLOW_LAN.title"),
                Words.get(forWsl ? "finding.WINDOWS_PROXY_LOOPBACK.fix.PROXY_ALLOW_LAN.detail.listening"
                        : "finding.WINDOWS_PROXY_LOOPBACK.fix.PROXY_ALLOW_LAN.detail", program, port, gateway)));
        if (!listeners.isEmpty() && !reached) {
            // Once the program listens for WSL, Windows' firewall decides: the rule of issue 27 for that port, WSL's adapter only.
            fixes.addAll(WindowsSideRules.firewallFixes(obs.environment(), port));
        }
        fixes.add(new FixSuggestion(FixId.WSLCONFIG_AUTO_PROXY, Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.WSLCONFIG_AUTO_PROXY.title"),
                Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.WSLCONFIG_AUTO_PROXY.detail"), FixPlan.WslconfigSetting.autoProxyOff()));
        return Optional.of(new Finding(FindingId.WINDOWS_PROXY_LOOPBACK, Severity.PROBLEM, Confidence.HIGH,
                Words.get("finding.WINDOWS_PROXY_LOOPBACK.title", d.proxy().hostPort()), explanation.toString(), evidence(obs), fixes));
    }

    private static Optional<Finding> insideTheDistro(Observations obs, ProbeData.LoopbackProxy d) {
        LocalConnect own = d.distroLoopback();
        if (own == null || own.result() == ConnectResult.CONNECTED) {
            // something in the distro takes the port: a proxy of its own, which is fine
            return Optional.empty();
        }
        int port = d.proxy().port();
        String gateway = d.gateway() == null ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.gatewayUnknown") : d.gateway();
        StringBuilder explanation = new StringBuilder(Words.get("finding.WINDOWS_PROXY_LOOPBACK.explanation.inside", d.setBy(),
                d.proxy().hostPort(), port));
        LocalConnect c = d.distroToGateway();
        if (c != null) {
            explanation.append(' ').append(Words.get(c.result() == ConnectResult.CONNECTED ? "finding.WINDOWS_PROXY_LOOPBACK.insideGatewayAnswers"
                            : "finding.WINDOWS_PROXY_LOOPBACK.insideGatewaySilent",
                    gateway, port));
        }
        List<FixSuggestion> fixes = List.of(
                new FixSuggestion(FixId.PROXY_ALLOW_LAN, Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.PROXY_ALLOW_LAN.title"),
                        Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.PROXY_ALLOW_LAN.detail.inside", d.setBy(), port, gateway)),
                mirrored());
        // Medium: only the distro's half is seen; the proxy may be meant for something else in the distro that is not running.
        return Optional.of(new Finding(FindingId.WINDOWS_PROXY_LOOPBACK, Severity.PROBLEM, Confidence.MEDIUM,
                Words.get("finding.WINDOWS_PROXY_LOOPBACK.title.inside", d.setBy(), d.proxy().hostPort()), explanation.toString(), evidence(obs), fixes));
    }

    private static FixSuggestion mirrored() {
        return new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.WSLCONFIG_NETWORKING_MODE.title"),
                Words.get("finding.WINDOWS_PROXY_LOOPBACK.fix.WSLCONFIG_NETWORKING_MODE.detail"), FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED));
    }

    private static List<Evidence> evidence(Observations obs) {
        return ReachabilityRules.evidenceOf(obs, ProbeId.LOOPBACK_PROXY);
    }

    /** The program with its pid, as the evidence names it. */
    private static String program(TcpConnection l) {
        return l.pid() < 0 ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.theProgram") : programName(l) + " (pid " + l.pid() + ")";
    }

    private static String programName(TcpConnection l) {
        return l.processName() == null || l.processName().isBlank() ? Words.get("finding.WINDOWS_PROXY_LOOPBACK.theProgram") : l.processName();
    }
}
