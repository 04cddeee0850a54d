// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.RelayAddresses;
import dev.netdoctor.model.RelayConnect;
import dev.netdoctor.model.RelayPort;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsService;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows and WSL reaching each other: Windows' localhost towards an app in WSL (WSL's relay), WSL
 * towards a program on Windows, and other devices towards WSL. Each decision follows the order in
 * which the causes exclude each other (shared/research/windows-side.md §2.A, §2.B, §2.C); a fact
 * that was not read never counts as fine.
 */
final class WindowsSideRules {
    private WindowsSideRules() {
    }

    // ---- Windows → WSL localhost:PORT ---------------------------------------------------------

    static final Rule LOCALHOST = obs -> obs.data(ProbeData.LocalhostRelay.class).flatMap(relay -> {
        for (RelayPort p : relay.ports()) {
            Optional<Finding> f = localhost(obs, relay.seenFromWindows(), p);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    });

    private static Optional<Finding> localhost(dev.netdoctor.diagnosis.Observations obs, boolean fromWindows, RelayPort p) {
        if (p.distroListeners().isEmpty()) {
            // "nothing listens" is the service-port check's card
            return Optional.empty();
        }
        int port = p.port();
        List<Evidence> evidence = relayEvidence(p, fromWindows);
        if (localhostForwardingOff(obs.environment(), obs)) {
            return Optional.of(new Finding(FindingId.LOCALHOST_FORWARDING_OFF, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.LOCALHOST_FORWARDING_OFF.title", port),
                    Words.get("finding.LOCALHOST_FORWARDING_OFF.explanation", port), evidence,
                    List.of(new FixSuggestion(FixId.WSLCONFIG_LOCALHOST_FORWARDING,
                                    Words.get("finding.LOCALHOST_FORWARDING_OFF.fix.WSLCONFIG_LOCALHOST_FORWARDING.title"),
                                    Words.get("finding.LOCALHOST_FORWARDING_OFF.fix.WSLCONFIG_LOCALHOST_FORWARDING.detail"),
                                    new FixPlan.WslconfigSetting("wsl2.localhostForwarding", "true")),
                            restart())));
        }
        List<TcpConnection> toV4 = p.relayedTo(RelayAddresses.WINDOWS_V4);
        List<TcpConnection> toV6 = p.relayedTo(RelayAddresses.WINDOWS_V6);
        if (toV4.isEmpty() && toV6.isEmpty()) {
            String bound = String.join(", ", p.distroListeners().stream().map(l -> bracket(l.localAddress())).distinct().toList());
            Optional<RelayConnect> direct = p.distroAddress() == null ? Optional.empty() : p.connect(p.distroAddress()).filter(RelayConnect::works);
            String works = direct.map(c -> " " + Words.get("finding.LOCALHOST_NOT_RELAYED.directWorks", c.address(), port)).orElse("");
            return Optional.of(new Finding(FindingId.LOCALHOST_NOT_RELAYED, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.LOCALHOST_NOT_RELAYED.title", port),
                    Words.get("finding.LOCALHOST_NOT_RELAYED.explanation", port, bound, RelayAddresses.FORWARDED) + works, evidence,
                    List.of(new FixSuggestion(FixId.BIND_SERVICE_FOR_RELAY,
                            Words.get("finding.LOCALHOST_NOT_RELAYED.fix.BIND_SERVICE_FOR_RELAY.title"),
                            Words.get("finding.LOCALHOST_NOT_RELAYED.fix.BIND_SERVICE_FOR_RELAY.detail", port)))));
        }
        if (!fromWindows) {
            // The rest needs Windows' listener table and the app's own connects on Windows.
            return Optional.empty();
        }
        Optional<TcpConnection> taker = taker(p, toV4, RelayAddresses.WINDOWS_V4).or(() -> taker(p, toV6, RelayAddresses.WINDOWS_V6));
        if (taker.isPresent()) {
            TcpConnection t = taker.get();
            String who = t.processName() == null || t.processName().isBlank() ? "pid " + t.pid() : t.processName() + " (pid " + t.pid() + ")";
            return Optional.of(new Finding(FindingId.WINDOWS_PORT_TAKEN, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.WINDOWS_PORT_TAKEN.title", port, who),
                    Words.get("finding.WINDOWS_PORT_TAKEN.explanation", port, who, bracket(t.localAddress())), evidence,
                    List.of(new FixSuggestion(FixId.USE_ANOTHER_PORT, Words.get("finding.WINDOWS_PORT_TAKEN.fix.USE_ANOTHER_PORT.title"),
                                    Words.get("finding.WINDOWS_PORT_TAKEN.fix.USE_ANOTHER_PORT.detail", port, who)),
                            restart())));
        }
        boolean v4Works = p.connect(RelayAddresses.WINDOWS_V4).filter(RelayConnect::works).isPresent();
        boolean v6Works = p.connect(RelayAddresses.WINDOWS_V6).filter(RelayConnect::works).isPresent();
        if (toV4.isEmpty() && !v4Works) {
            return Optional.of(new Finding(FindingId.LOCALHOST_IPV6_ONLY, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.LOCALHOST_IPV6_ONLY.title", port),
                    Words.get(v6Works ? "finding.LOCALHOST_IPV6_ONLY.explanation.v6works" : "finding.LOCALHOST_IPV6_ONLY.explanation", port),
                    evidence,
                    List.of(new FixSuggestion(FixId.BIND_SERVICE_FOR_RELAY,
                            Words.get("finding.LOCALHOST_IPV6_ONLY.fix.BIND_SERVICE_FOR_RELAY.title"),
                            Words.get("finding.LOCALHOST_IPV6_ONLY.fix.BIND_SERVICE_FOR_RELAY.detail", port)))));
        }
        boolean relayMissing = !toV4.isEmpty() && !v4Works || toV4.isEmpty() && !toV6.isEmpty() && !v6Works;
        if (!relayMissing) {
            return Optional.empty();
        }
        Optional<WindowsPolicy.PortRange> reserved = reservedRange(obs.environment(), port);
        if (reserved.isPresent() && !relayListening(p)) {
            WindowsPolicy.PortRange r = reserved.get();
            return Optional.of(new Finding(FindingId.WINDOWS_PORT_RESERVED, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.WINDOWS_PORT_RESERVED.title", port),
                    Words.get("finding.WINDOWS_PORT_RESERVED.explanation", port, r.start(), r.end()), evidence,
                    List.of(new FixSuggestion(FixId.USE_ANOTHER_PORT, Words.get("finding.WINDOWS_PORT_RESERVED.fix.USE_ANOTHER_PORT.title"),
                            Words.get("finding.WINDOWS_PORT_RESERVED.fix.USE_ANOTHER_PORT.detail", port, r.start(), r.end())))));
        }
        boolean relayRuns = p.relays().stream().anyMatch(dev.netdoctor.model.WindowsProcess::relaysPorts);
        boolean closing = p.connects().stream().anyMatch(c -> c.result() == ConnectResult.CONNECTED && c.closedAtOnce());
        String why = closing ? "finding.LOCALHOST_RELAY_BROKEN.closing" : !relayRuns ? "finding.LOCALHOST_RELAY_BROKEN.notRunning"
                : "finding.LOCALHOST_RELAY_BROKEN.notBound";
        return Optional.of(new Finding(FindingId.LOCALHOST_RELAY_BROKEN, Severity.PROBLEM, closing || !relayRuns ? Confidence.HIGH : Confidence.MEDIUM,
                Words.get("finding.LOCALHOST_RELAY_BROKEN.title", port),
                Words.get(why, port), evidence, List.of(restart())));
    }

    private static FixSuggestion restart() {
        return new FixSuggestion(FixId.RESTART_WSL, Words.get("fix.RESTART_WSL.title"), Words.get("fix.RESTART_WSL.detail"));
    }

    private static boolean isRelay(TcpConnection l) {
        return dev.netdoctor.model.WindowsProcess.isRelayName(l.processName());
    }

    private static boolean relayListening(RelayPort p) {
        return p.windowsListeners().stream().anyMatch(WindowsSideRules::isRelay);
    }

    /**
     * A Windows program other than the relay that gets {@code loopback}:PORT although the distro's
     * listeners should be relayed there. A wildcard listener of another program beside the relay's
     * own on the loopback address is not one: the more specific bind takes localhost (shadowing).
     */
    private static Optional<TcpConnection> taker(RelayPort p, List<TcpConnection> relayed, String loopback) {
        if (relayed.isEmpty()) {
            return Optional.empty();
        }
        List<TcpConnection> covering = p.windowsListenersFor(loopback);
        boolean relayHasIt = covering.stream().anyMatch(l -> isRelay(l) && sameAddress(l.localAddress(), loopback));
        if (relayHasIt) {
            return Optional.empty();
        }
        return covering.stream().filter(l -> !isRelay(l)).findFirst();
    }

    private static boolean sameAddress(String a, String b) {
        return a.equals(b) || a.equals("0:0:0:0:0:0:0:1") && b.equals("::1");
    }

    private static List<Evidence> relayEvidence(RelayPort p, boolean fromWindows) {
        List<Evidence> list = new ArrayList<>();
        for (TcpConnection l : p.distroListeners()) {
            list.add(Evidence.of("In WSL: " + owner(l) + " listens on " + bracket(l.localAddress()) + ":" + l.localPort() + ": "
                    + RelayAddresses.windowsLoopbackFor(l.localAddress()).map(w -> "WSL's relay forwards it to Windows' " + bracket(w))
                    .orElse("an address WSL's relay ignores")));
        }
        if (!fromWindows) {
            list.add(Evidence.of("Windows' side (who holds the port there, what a browser gets) needs WSL Net Doctor run on Windows"));
            return list;
        }
        p.windowsListeners().forEach(l -> list.add(Evidence.of("On Windows: " + program(l) + " listens on " + bracket(l.localAddress())
                + ":" + l.localPort())));
        if (p.windowsListeners().isEmpty()) {
            list.add(Evidence.of("On Windows: nothing listens on port " + p.port()));
        }
        for (RelayConnect c : p.connects()) {
            String how = switch (c.result()) {
                case CONNECTED -> c.closedAtOnce() ? "accepted, then closed at once" : "connected";
                case REFUSED -> "refused";
                case TIMED_OUT -> "no answer";
                case UNREACHABLE -> "unreachable";
                case ERROR -> "failed";
            };
            list.add(Evidence.of("From Windows to " + bracket(c.address()) + ":" + p.port() + " (" + c.label() + "): " + how));
        }
        return list;
    }

    private static String owner(TcpConnection l) {
        return l.pid() < 0 ? "a program" : l.owner();
    }

    private static boolean localhostForwardingOff(Environment env, dev.netdoctor.diagnosis.Observations obs) {
        return obs.data(ProbeData.ConfigFiles.class).flatMap(c -> c.file(ConfigFileCheck.WSLCONFIG)).filter(ConfigFileCheck::read)
                .map(f -> setting(f.settings(), "wsl2.localhostForwarding"))
                .filter(v -> v.equalsIgnoreCase("false")).isPresent();
    }

    private static String setting(Map<String, String> settings, String key) {
        return settings.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }

    private static Optional<WindowsPolicy.PortRange> reservedRange(Environment env, int port) {
        return policy(env).flatMap(p -> p.excludedPorts().get())
                .flatMap(ranges -> ranges.stream().filter(r -> r.contains(port)).findFirst());
    }

    private static Optional<WindowsPolicy> policy(Environment env) {
        return Optional.ofNullable(env).map(Environment::windows).map(WindowsFacts::policy);
    }

    static String bracket(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    // ---- WSL → a program on Windows -----------------------------------------------------------

    static final Rule WINDOWS_SERVICE = obs -> obs.data(ProbeData.WindowsServices.class).flatMap(services -> {
        for (WindowsService s : services.ports()) {
            Optional<Finding> f = windowsService(obs, s);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    });

    private static Optional<Finding> windowsService(dev.netdoctor.diagnosis.Observations obs, WindowsService s) {
        if (s.fromDistro() == null || s.fromDistro().result() == ConnectResult.CONNECTED) {
            return Optional.empty();
        }
        int port = s.port();
        List<Evidence> evidence = serviceEvidence(s);
        String fromWsl = s.fromDistro().result() == ConnectResult.REFUSED ? Words.get("windowsService.refused")
                : Words.get("windowsService.noAnswer", s.fromDistro().millis());
        if (!s.listenersKnown()) {
            if (s.fromDistro().result() == ConnectResult.REFUSED) {
                return Optional.of(new Finding(FindingId.WINDOWS_SERVICE_NOT_LISTENING, Severity.PROBLEM, Confidence.MEDIUM,
                        Words.get("finding.WINDOWS_SERVICE_NOT_LISTENING.title", port),
                        Words.get("finding.WINDOWS_SERVICE_NOT_LISTENING.explanation.refused", port, s.windowsAddress()), evidence,
                        List.of(startWindowsService(port))));
            }
            return Optional.of(new Finding(FindingId.WINDOWS_SERVICE_NO_ANSWER, Severity.PROBLEM, Confidence.MEDIUM,
                    Words.get("finding.WINDOWS_SERVICE_NO_ANSWER.title", port),
                    Words.get("finding.WINDOWS_SERVICE_NO_ANSWER.explanation", port, s.windowsAddress()), evidence,
                    List.of(new FixSuggestion(FixId.BIND_WINDOWS_SERVICE, Words.get("finding.WINDOWS_SERVICE_NO_ANSWER.fix.BIND_WINDOWS_SERVICE.title"),
                            Words.get("finding.WINDOWS_SERVICE_NO_ANSWER.fix.BIND_WINDOWS_SERVICE.detail", port, s.windowsAddress())))));
        }
        if (s.windowsListeners().isEmpty()) {
            return Optional.of(new Finding(FindingId.WINDOWS_SERVICE_NOT_LISTENING, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.WINDOWS_SERVICE_NOT_LISTENING.title", port),
                    Words.get("finding.WINDOWS_SERVICE_NOT_LISTENING.explanation", port) + " " + fromWsl, evidence,
                    List.of(startWindowsService(port))));
        }
        boolean mirrored = mode(obs.environment()) == NetworkingMode.MIRRORED;
        String owner = program(s.windowsListeners().getFirst());
        String ownerName = Optional.ofNullable(s.windowsListeners().getFirst().processName()).filter(n -> !n.isBlank()).orElse("the program");
        if (s.loopbackOnly() && !mirrored) {
            String adapter = adapterAddress(obs.environment()).orElse(s.windowsAddress());
            return Optional.of(new Finding(FindingId.WINDOWS_SERVICE_LOOPBACK_ONLY, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.WINDOWS_SERVICE_LOOPBACK_ONLY.title", port),
                    Words.get("finding.WINDOWS_SERVICE_LOOPBACK_ONLY.explanation", owner, port, s.windowsAddress()) + " " + fromWsl, evidence,
                    List.of(new FixSuggestion(FixId.BIND_WINDOWS_SERVICE, Words.get("finding.WINDOWS_SERVICE_LOOPBACK_ONLY.fix.BIND_WINDOWS_SERVICE.title"),
                                    Words.get("finding.WINDOWS_SERVICE_LOOPBACK_ONLY.fix.BIND_WINDOWS_SERVICE.detail", ownerName, port, adapter)),
                            new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, Words.get("finding.WINDOWS_SERVICE_LOOPBACK_ONLY.fix.WSLCONFIG_NETWORKING_MODE.title"),
                                    Words.get("finding.WINDOWS_SERVICE_LOOPBACK_ONLY.fix.WSLCONFIG_NETWORKING_MODE.detail", port),
                                    FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED)))));
        }
        boolean windowsReaches = s.fromWindows() != null && s.fromWindows().result() == ConnectResult.CONNECTED;
        if (s.listensForWsl() && windowsReaches) {
            List<Evidence> withPolicy = new ArrayList<>(evidence);
            withPolicy.addAll(firewallEvidence(obs.environment()));
            return Optional.of(new Finding(FindingId.WINDOWS_FIREWALL_BLOCKS_WSL, Severity.PROBLEM,
                    s.fromDistro().result() == ConnectResult.TIMED_OUT ? Confidence.HIGH : Confidence.MEDIUM,
                    Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.title", port),
                    Words.get(s.fromDistro().result() == ConnectResult.REFUSED ? "finding.WINDOWS_FIREWALL_BLOCKS_WSL.explanation.refused"
                            : "finding.WINDOWS_FIREWALL_BLOCKS_WSL.explanation", owner, port, s.windowsAddress())
                            + firewallSentence(obs.environment()), withPolicy,
                    firewallFixes(obs.environment(), port)));
        }
        return Optional.empty();
    }

    private static FixSuggestion startWindowsService(int port) {
        return new FixSuggestion(FixId.START_SERVICE, Words.get("finding.WINDOWS_SERVICE_NOT_LISTENING.fix.START_SERVICE.title", port),
                Words.get("finding.WINDOWS_SERVICE_NOT_LISTENING.fix.START_SERVICE.detail", port));
    }

    /**
     * The fix for a firewall that drops WSL's connections: one rule of ours for that port on WSL's
     * adapter only (never every network), applied with Windows' administrator prompt or copied.
     * Without a usable adapter name (not read, or one a command cannot carry safely) the same rule
     * is advice to adapt by hand.
     */
    static List<FixSuggestion> firewallFixes(Environment env, int port) {
        String alias = Optional.ofNullable(env).map(Environment::windows).map(WindowsFacts::wslAdapter)
                .map(a -> a.alias() == null || a.alias().isBlank() ? null : a.alias()).orElse(null);
        if (alias != null) {
            try {
                FixPlan.WindowsFirewallRule rule = FixPlan.WindowsFirewallRule.allowFromWsl(port, alias);
                return List.of(new FixSuggestion(FixId.WINDOWS_FIREWALL_ALLOW_PORT,
                        Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.fix.WINDOWS_FIREWALL_ALLOW_PORT.title", port),
                        Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.fix.WINDOWS_FIREWALL_ALLOW_PORT.detail", port, alias,
                                rule.addCommand(), rule.removeCommand()), rule));
            } catch (dev.netdoctor.model.InvalidInputException e) {
                // an adapter name with quotes or wildcards: said by hand below, never put in a command
            }
        }
        return List.of(new FixSuggestion(FixId.OPEN_FIREWALL, Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.fix.OPEN_FIREWALL.title", port),
                Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.fix.OPEN_FIREWALL.detail", port, "vEthernet (WSL)")));
    }

    /** Other devices through the firewall: a rule of ours for the port (Hyper-V firewall in mirrored mode, the local subnet in NAT). */
    private static FixSuggestion lanFirewallFix(int port, boolean mirrored) {
        FixPlan.WindowsFirewallRule rule = FixPlan.WindowsFirewallRule.allowFromLan(port, mirrored);
        return new FixSuggestion(FixId.WINDOWS_FIREWALL_ALLOW_PORT, Words.get(mirrored ? "lan.firewall.mirrored.title" : "lan.firewall.nat.title", port),
                Words.get(mirrored ? "lan.firewall.mirrored.detail" : "lan.firewall.nat.detail", port, rule.addCommand(), rule.removeCommand()), rule);
    }

    private static List<Evidence> serviceEvidence(WindowsService s) {
        List<Evidence> list = new ArrayList<>();
        if (s.listenersKnown()) {
            s.windowsListeners().forEach(l -> list.add(Evidence.of("On Windows: " + program(l) + " listens on " + bracket(l.localAddress())
                    + ":" + l.localPort())));
            if (s.windowsListeners().isEmpty()) {
                list.add(Evidence.of("On Windows: nothing listens on port " + s.port()));
            }
        } else {
            list.add(Evidence.of("Who listens on port " + s.port() + " on Windows needs WSL Net Doctor run on Windows"));
        }
        if (s.fromWindows() != null) {
            list.add(Evidence.of("From Windows itself to " + LocalConnectText.describe(unlabelled(s.fromWindows()))));
        }
        list.add(Evidence.of("From WSL to " + LocalConnectText.describe(unlabelled(s.fromDistro()))));
        return list;
    }

    private static dev.netdoctor.model.LocalConnect unlabelled(dev.netdoctor.model.LocalConnect c) {
        return new dev.netdoctor.model.LocalConnect(c.address(), null, c.port(), c.result(), c.millis(), c.error());
    }

    /** A Windows program as the evidence names it: its name and pid ("on Windows" is said by the line). */
    private static String program(TcpConnection l) {
        if (l.pid() < 0) {
            return "a program";
        }
        return (l.processName() == null || l.processName().isBlank() ? "pid " + l.pid() : l.processName() + " (pid " + l.pid() + ")");
    }

    /** What Windows' firewall settings say, in evidence lines; unknown parts say why. */
    private static List<Evidence> firewallEvidence(Environment env) {
        List<Evidence> list = new ArrayList<>();
        Optional<WindowsPolicy> policy = policy(env);
        if (policy.isEmpty()) {
            return list;
        }
        WindowsPolicy p = policy.get();
        String profile = wslProfile(env).orElse(null);
        if (!p.firewallProfiles().known()) {
            list.add(Evidence.of("Windows Firewall's profiles: unknown (" + p.firewallProfiles().unknownBecause() + ")"));
        }
        p.firewallProfiles().get().ifPresent(profiles -> profiles.forEach(f -> list.add(Evidence.of("Windows Firewall, " + f.name()
                + " profile" + (f.name().equalsIgnoreCase(profile) ? " (WSL's adapter)" : "") + ": "
                + (Boolean.FALSE.equals(f.enabled()) ? "off" : "on") + ", incoming by default: " + nullToUnknown(f.defaultInboundAction())
                + (Boolean.TRUE.equals(f.doNotAllowExceptions()) ? ", policy blocks every incoming connection (no exceptions)" : "")
                + (Boolean.FALSE.equals(f.allowLocalPolicyMerge()) ? ", policy ignores rules made on this computer" : "")))));
        p.hyperVFirewall().get().ifPresent(h -> list.add(Evidence.of("Hyper-V firewall for WSL: "
                + (Boolean.FALSE.equals(h.enabled()) ? "off" : "on") + ", incoming " + nullToUnknown(h.defaultInboundAction())
                + ", outgoing " + nullToUnknown(h.defaultOutboundAction()))));
        return list;
    }

    private static String firewallSentence(Environment env) {
        Optional<WindowsPolicy> policy = policy(env);
        if (policy.isEmpty()) {
            return "";
        }
        String profile = wslProfile(env).orElse("Public");
        Optional<WindowsPolicy.FirewallProfile> fp = policy.get().firewallProfiles().get()
                .flatMap(list -> list.stream().filter(f -> f.name().equalsIgnoreCase(profile)).findFirst());
        StringBuilder s = new StringBuilder();
        if (fp.filter(f -> Boolean.TRUE.equals(f.doNotAllowExceptions())).isPresent()) {
            s.append(" ").append(Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.noExceptions", profile));
        } else if (fp.filter(f -> Boolean.FALSE.equals(f.allowLocalPolicyMerge())).isPresent()) {
            s.append(" ").append(Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.noLocalRules", profile));
        } else {
            s.append(" ").append(Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.profile", profile));
        }
        policy.get().hyperVFirewall().get().filter(h -> "Block".equalsIgnoreCase(h.defaultOutboundAction()))
                .ifPresent(h -> s.append(" ").append(Words.get("finding.WINDOWS_FIREWALL_BLOCKS_WSL.hyperVOutbound")));
        return s.toString();
    }

    /** The firewall profile (network category) of WSL's adapter; Windows puts an unidentified network in Public. */
    private static Optional<String> wslProfile(Environment env) {
        Optional<String> alias = Optional.ofNullable(env).map(Environment::windows).map(WindowsFacts::wslAdapter)
                .map(a -> a.alias());
        return policy(env).flatMap(p -> p.networkProfiles().get()).flatMap(list -> list.stream()
                        .filter(n -> alias.filter(a -> a.equalsIgnoreCase(n.interfaceAlias())).isPresent()).findFirst())
                .map(n -> n.category().equalsIgnoreCase("DomainAuthenticated") ? "Domain" : n.category());
    }

    private static Optional<String> adapterAddress(Environment env) {
        return Optional.ofNullable(env).map(Environment::windows).map(WindowsFacts::wslAdapter)
                .flatMap(a -> a.addresses().stream().filter(x -> !x.contains(":")).findFirst())
                .map(a -> a.contains("/") ? a.substring(0, a.indexOf('/')) : a);
    }

    private static NetworkingMode mode(Environment env) {
        return Optional.ofNullable(env).map(Environment::wsl).flatMap(w -> NetworkingMode.parse(w.networkingMode())).orElse(null);
    }

    private static String nullToUnknown(String s) {
        return s == null ? "unknown" : s;
    }

    // ---- Other devices → a service in WSL -----------------------------------------------------

    /**
     * Only when the question is about other devices: Windows' port proxies (NAT) or the Hyper-V
     * firewall (mirrored) from Windows' own settings. Whether another device really gets through is
     * proven only from outside (the outside check): a same-PC connect skips the Hyper-V firewall.
     */
    static final Rule OTHER_DEVICES = obs -> {
        Environment env = obs.environment();
        Optional<WindowsPolicy> policy = policy(env);
        Optional<ProbeData.OtherDevices> asked = obs.data(ProbeData.OtherDevices.class).filter(ProbeData.OtherDevices::seenFromWindows);
        if (policy.isEmpty() || asked.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> outsideReached = obs.data(ProbeData.Vantage.class).filter(ProbeData.Vantage::loggedIn)
                .map(v -> !v.checks().isEmpty() && v.checks().stream().allMatch(dev.netdoctor.model.VantageCheck::reachable));
        if (outsideReached.orElse(false)) {
            return Optional.empty();
        }
        Confidence confidence = outsideReached.isPresent() ? Confidence.HIGH : Confidence.MEDIUM;
        String proof = Words.get(outsideReached.isPresent() ? "lan.outsideFails" : "lan.unproven");
        for (int port : asked.get().ports()) {
            Optional<Finding> f = mode(env) == NetworkingMode.MIRRORED ? mirroredInbound(policy.get(), port, confidence, proof)
                    : natInbound(env, policy.get(), port, confidence, proof);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    };

    private static Optional<Finding> natInbound(Environment env, WindowsPolicy policy, int port, Confidence confidence, String proof) {
        if (!policy.portProxies().known()) {
            return Optional.empty();
        }
        String distro = distroAddress(env).orElse(null);
        List<WindowsPolicy.PortProxy> rules = policy.portProxies().value().stream().filter(r -> r.listenPort() == port).toList();
        List<Evidence> evidence = new ArrayList<>();
        rules.forEach(r -> evidence.add(Evidence.of("Port proxy: " + bracket(r.listenAddress()) + ":" + r.listenPort() + " → "
                + bracket(r.connectAddress()) + ":" + r.connectPort())));
        if (distro != null) {
            evidence.add(Evidence.of("The distro's address now: " + distro));
        }
        policy.ipHelper().get().ifPresent(state -> evidence.add(Evidence.of("IP Helper service: " + state)));
        if (rules.isEmpty()) {
            return Optional.of(new Finding(FindingId.LAN_NO_PORT_PROXY, Severity.PROBLEM, confidence,
                    Words.get("finding.LAN_NO_PORT_PROXY.title", port),
                    Words.get("finding.LAN_NO_PORT_PROXY.explanation", port) + " " + proof, evidence,
                    List.of(new FixSuggestion(FixId.UPDATE_PORT_PROXY, Words.get("finding.LAN_NO_PORT_PROXY.fix.UPDATE_PORT_PROXY.title"),
                            Words.get("finding.LAN_NO_PORT_PROXY.fix.UPDATE_PORT_PROXY.detail", port, distro == null ? "<the distro's address>" : distro)),
                            lanFirewallFix(port, false))));
        }
        boolean current = rules.stream().anyMatch(r -> r.connectAddress().equals(distro) || r.connectAddress().equals("127.0.0.1")
                || r.connectAddress().equalsIgnoreCase("localhost"));
        if (!current && distro != null) {
            WindowsPolicy.PortProxy r = rules.getFirst();
            return Optional.of(new Finding(FindingId.LAN_PORT_PROXY_STALE, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.LAN_PORT_PROXY_STALE.title", port),
                    Words.get("finding.LAN_PORT_PROXY_STALE.explanation", port, r.connectAddress(), distro), evidence,
                    List.of(new FixSuggestion(FixId.UPDATE_PORT_PROXY, Words.get("finding.LAN_PORT_PROXY_STALE.fix.UPDATE_PORT_PROXY.title"),
                            Words.get("finding.LAN_PORT_PROXY_STALE.fix.UPDATE_PORT_PROXY.detail", r.listenAddress(), port, distro)))));
        }
        Optional<String> helper = policy.ipHelper().get();
        if (helper.isPresent() && !helper.get().equalsIgnoreCase("Running")) {
            return Optional.of(new Finding(FindingId.LAN_IP_HELPER_STOPPED, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.LAN_IP_HELPER_STOPPED.title", port),
                    Words.get("finding.LAN_IP_HELPER_STOPPED.explanation", port, helper.get()), evidence,
                    List.of(new FixSuggestion(FixId.START_IP_HELPER, Words.get("finding.LAN_IP_HELPER_STOPPED.fix.START_IP_HELPER.title"),
                            Words.get("finding.LAN_IP_HELPER_STOPPED.fix.START_IP_HELPER.detail")))));
        }
        return Optional.empty();
    }

    private static Optional<Finding> mirroredInbound(WindowsPolicy policy, int port, Confidence confidence, String proof) {
        Optional<WindowsPolicy.HyperVFirewall> hyperV = policy.hyperVFirewall().get();
        if (hyperV.isEmpty() || Boolean.FALSE.equals(hyperV.get().enabled())
                || !"Block".equalsIgnoreCase(hyperV.get().defaultInboundAction())) {
            return Optional.empty();
        }
        boolean ourRule = policy.ourFirewallRules().get().orElse(List.of()).stream()
                .anyMatch(r -> r.enabled() && "Allow".equalsIgnoreCase(r.action()) && portsInclude(r.localPorts(), port));
        if (ourRule) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingId.HYPERV_FIREWALL_BLOCKS_INBOUND, Severity.PROBLEM, confidence,
                Words.get("finding.HYPERV_FIREWALL_BLOCKS_INBOUND.title", port),
                Words.get("finding.HYPERV_FIREWALL_BLOCKS_INBOUND.explanation", port) + " " + proof,
                List.of(Evidence.of("Hyper-V firewall for WSL: incoming connections by default: " + hyperV.get().defaultInboundAction())),
                List.of(lanFirewallFix(port, true))));
    }

    static boolean portsInclude(String localPorts, int port) {
        if (localPorts == null) {
            return false;
        }
        for (String part : localPorts.split("[,\\s]+")) {
            String[] range = part.split("-");
            try {
                int lo = Integer.parseInt(range[0].strip());
                int hi = range.length > 1 ? Integer.parseInt(range[1].strip()) : lo;
                if (port >= lo && port <= hi) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // "Any" and other words name no single port
            }
        }
        return false;
    }

    private static Optional<String> distroAddress(Environment env) {
        if (env == null) {
            return Optional.empty();
        }
        return env.interfaces().stream().filter(i -> i.up() && !i.name().equals("lo")).flatMap(i -> i.ipv4().stream())
                .map(a -> a.contains("/") ? a.substring(0, a.indexOf('/')) : a).filter(a -> !a.startsWith("127.")).findFirst();
    }
}
