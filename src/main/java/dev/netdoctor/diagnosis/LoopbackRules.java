// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeData.Vantage.HostKeyStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loopback trap of WSL's mirrored networking, recognised by its shape in this run: a
 * socket listens, a local connect to it through 127.0.0.1 (or an own address) is refused or
 * hangs, and the kernel's TCP route for that address leaves through an interface other than
 * {@code lo}. Interface names, gateway addresses and table numbers play no part.
 */
final class LoopbackRules {

    private LoopbackRules() {
    }

    /** A failed local connect, and what was listening there. */
    private record Miss(LocalConnect connect, String listener, RouteLookup route) {
    }

    static final Rule REDIRECTED = obs -> {
        List<Miss> misses = misses(obs);
        List<Miss> redirected = misses.stream().filter(m -> m.route() != null && !"lo".equals(m.route().device())).toList();
        if (redirected.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServicePort> service = obs.data(ProbeData.ServicePorts.class).flatMap(s -> s.ports().stream()
                .filter(p -> redirected.stream().anyMatch(m -> m.connect().port() == p.port())).findFirst());
        List<Evidence> evidence = new ArrayList<>();
        Map<String, RouteLookup> routes = new LinkedHashMap<>();
        for (Miss m : redirected) {
            evidence.add(Evidence.of(m.listener() + " listens, but a connect through " + LocalConnectText.address(m.connect()) + " was "
                    + (m.connect().result().name().equals("REFUSED") ? "refused" : "not answered") + " (" + m.connect().millis() + " ms)"));
            RouteLookup r = m.route();
            routes.putIfAbsent(r.destination() + "|" + r.device() + "|" + r.gateway() + "|" + r.table(), r);
        }
        routes.values().forEach(r -> evidence.add(Evidence.of("The kernel routes TCP for " + r.destination() + " out of " + r.device()
                + (r.gateway() == null ? "" : " via " + r.gateway()) + (r.table() == null ? "" : ", table " + r.table())
                + ", not through lo")));
        // Failures whose route stays on lo belong to this card too (the blocked-locally card stays away).
        misses.stream().filter(m -> m.route() != null && "lo".equals(m.route().device())).forEach(m -> evidence.add(Evidence.of(
                "Also failed, though its route stays on lo: " + LocalConnectText.describe(m.connect()))));
        Optional<RouteLookup> plain = plainLoopbackRoute(obs).filter(r -> "lo".equals(r.device()));
        plain.ifPresent(r -> evidence.add(Evidence.of("Without a protocol (as ping asks), 127.0.0.1 → lo: that is why ping works while TCP does not")));
        policyRulesFor(obs, routes.values()).forEach(rule -> evidence.add(Evidence.of("Policy rule " + rule.priority() + ": "
                + rule.selector() + " → " + rule.action())));
        boolean otherLoopbackWorks = allConnects(obs).stream().anyMatch(c -> c.address().equals("127.0.0.2") && !c.failed());
        if (otherLoopbackWorks) {
            evidence.add(Evidence.of("127.0.0.2 reaches the same listener: other loopback addresses stay inside Linux"));
        }
        Optional<ProbeData.Vantage> vantage = obs.data(ProbeData.Vantage.class).filter(ProbeData.Vantage::loggedIn);
        List<VantageCheck> outside = vantage.map(ProbeData.Vantage::checks).orElse(List.of());
        outside.forEach(c -> evidence.add(Evidence.of("From " + vantage.get().host() + ", " + c.address() + ":" + c.port() + " is "
                + (c.reachable() ? "reachable" : "NOT reachable") + " (" + c.method() + ")")));
        boolean outsideWorks = !outside.isEmpty() && outside.stream().allMatch(VantageCheck::reachable);
        boolean outsideFails = outside.stream().anyMatch(c -> !c.reachable());

        String what = service.map(s -> Words.get("finding.LOOPBACK_REDIRECTED.service", s.port())).orElse(Words.get("finding.LOOPBACK_REDIRECTED.programs"));
        // Named when the evidence knows the program; "unknown process" would only say we could not see it.
        String who = service.flatMap(s -> s.listeners().stream().findFirst()).flatMap(LoopbackRules::known).map(o -> ", " + o + ",").orElse("");
        boolean wsl = obs.environment() != null && obs.environment().wsl() != null
                && obs.environment().wsl().kind() == dev.netdoctor.model.WslFacts.Kind.WSL2;
        String addresses = String.join(Words.get("list.and"), redirected.stream().map(m -> m.connect().address()).distinct().toList());
        String title = service.map(s -> Words.get(wsl ? "finding.LOOPBACK_REDIRECTED.title.wsl" : "finding.LOOPBACK_REDIRECTED.title.here", s.port(), addresses))
                .orElse(Words.get("finding.LOOPBACK_REDIRECTED.title", addresses));
        String outsideSentence = outsideWorks ? Words.get("finding.LOOPBACK_REDIRECTED.outsideWorks", vantage.get().host())
                : outsideFails ? Words.get("finding.LOOPBACK_REDIRECTED.outsideFails", vantage.get().host())
                // Claims about other machines only from the outside check; without it, say what is known.
                : Words.get("finding.LOOPBACK_REDIRECTED.outsideUnknown");
        // The interface's name (loopback0) is in the evidence; the plain words say where the connection goes.
        String explanation = Words.get(wsl ? "finding.LOOPBACK_REDIRECTED.explanation.wsl" : "finding.LOOPBACK_REDIRECTED.explanation",
                what + who, addresses) + " " + outsideSentence
                + (plain.isPresent() ? " " + Words.get("finding.LOOPBACK_REDIRECTED.ping") : "");
        int port = service.map(ServicePort::port).orElse(redirected.getFirst().connect().port());
        return Optional.of(new Finding(FindingId.LOOPBACK_REDIRECTED, Severity.PROBLEM, Confidence.HIGH, title, explanation, evidence,
                fixes(obs, port, otherLoopbackWorks, service)));
    };

    /** The program that owns a listener, when the table says (a plain user does not see other users' programs). */
    private static Optional<String> known(TcpConnection listener) {
        return listener.pid() < 0 ? Optional.empty() : Optional.of(listener.owner());
    }

    static final Rule NOT_LISTENING = obs -> obs.data(ProbeData.ServicePorts.class).flatMap(s -> s.ports().stream()
            .filter(p -> p.listeners().isEmpty()).findFirst()).map(p -> new Finding(FindingId.SERVICE_NOT_LISTENING, Severity.PROBLEM, Confidence.HIGH,
            Words.get("finding.SERVICE_NOT_LISTENING.title", p.port()),
            Words.get("finding.SERVICE_NOT_LISTENING.explanation", p.port()),
            p.connects().stream().map(c -> Evidence.of(LocalConnectText.describe(c))).toList(),
            List.of(new FixSuggestion(FixId.START_SERVICE, Words.get("finding.SERVICE_NOT_LISTENING.fix.START_SERVICE.title", p.port()),
                    Words.get("finding.SERVICE_NOT_LISTENING.fix.START_SERVICE.detail", p.port())))));

    /** A local connect that failed although the route stays on lo: a local firewall, most likely. */
    static final Rule BLOCKED = obs -> {
        List<Miss> all = misses(obs);
        List<Miss> onLo = all.stream().filter(m -> m.route() != null && "lo".equals(m.route().device())).toList();
        // One cause, one card: when connections are redirected away, that card explains the
        // failures (and lists these); a second card blaming a firewall would send users astray.
        boolean redirected = all.stream().anyMatch(m -> m.route() != null && !"lo".equals(m.route().device()));
        if (onLo.isEmpty() || redirected) {
            return Optional.empty();
        }
        List<Evidence> evidence = onLo.stream().map(m -> Evidence.of(LocalConnectText.describe(m.connect()) + "; route: " + m.route().describe())).toList();
        return Optional.of(new Finding(FindingId.LOCAL_CONNECT_BLOCKED, Severity.WARNING, Confidence.MEDIUM,
                Words.get("finding.LOCAL_CONNECT_BLOCKED.title"),
                Words.get("finding.LOCAL_CONNECT_BLOCKED.explanation"), evidence,
                List.of(new FixSuggestion(FixId.OPEN_FIREWALL, Words.get("finding.LOCAL_CONNECT_BLOCKED.fix.OPEN_FIREWALL.title"),
                        Words.get("finding.LOCAL_CONNECT_BLOCKED.fix.OPEN_FIREWALL.detail")))));
    };

    static final Rule HOST_KEY = obs -> obs.data(ProbeData.Vantage.class)
            .filter(v -> v.hostKeyStatus() == HostKeyStatus.UNKNOWN || v.hostKeyStatus() == HostKeyStatus.CHANGED)
            .map(v -> {
                boolean changed = v.hostKeyStatus() == HostKeyStatus.CHANGED;
                String fingerprint = v.hostKeyFingerprint() == null ? "not received" : v.hostKeyFingerprint();
                // The probe's own message says what to do; should it have none, say it here.
                String explanation = v.error() != null && !v.error().isBlank() ? v.error()
                        : Words.get(changed ? "finding.VANTAGE_HOST_KEY_UNCONFIRMED.changed" : "finding.VANTAGE_HOST_KEY_UNCONFIRMED.unknown", v.host());
                return new Finding(FindingId.VANTAGE_HOST_KEY_UNCONFIRMED, Severity.WARNING, Confidence.HIGH,
                        Words.get(changed ? "finding.VANTAGE_HOST_KEY_UNCONFIRMED.title.changed" : "finding.VANTAGE_HOST_KEY_UNCONFIRMED.title"),
                        explanation, List.of(Evidence.of("Host key of " + v.host() + ": " + fingerprint)), List.of());
            });

    private static List<LocalConnect> allConnects(Observations obs) {
        List<LocalConnect> all = new ArrayList<>();
        obs.data(ProbeData.LoopbackSelfTest.class).ifPresent(t -> all.addAll(t.connects()));
        obs.data(ProbeData.ServicePorts.class).ifPresent(s -> s.ports().forEach(p -> all.addAll(p.connects())));
        return all;
    }

    /** Failed local connects to an address some listener covers, with the TCP route for it. */
    private static List<Miss> misses(Observations obs) {
        List<Miss> misses = new ArrayList<>();
        obs.data(ProbeData.LoopbackSelfTest.class).ifPresent(t -> t.connects().stream().filter(LocalConnect::failed)
                .forEach(c -> misses.add(new Miss(c, "This check's own listener on port " + c.port(), tcpRoute(obs, c)))));
        obs.data(ProbeData.ServicePorts.class).ifPresent(s -> s.ports().forEach(p -> p.connects().stream()
                .filter(LocalConnect::failed).filter(c -> p.listensFor(c.address())).filter(c -> !maybeIpv6Only(p, c))
                .forEach(c -> misses.add(new Miss(c, known(p.listeners().getFirst()).map(o -> o + " on port " + p.port())
                        .orElse("A program on port " + p.port()), tcpRoute(obs, c))))));
        return misses;
    }

    /**
     * An IPv4 connect refused by a port whose only listeners are on {@code ::}: such a socket may
     * take IPv6 only (IPV6_V6ONLY, which the socket table does not show), and then a refusal is
     * what the kernel rightly answers, not a block.
     */
    private static boolean maybeIpv6Only(ServicePort p, LocalConnect c) {
        return !c.address().contains(":") && c.result() == dev.netdoctor.model.ConnectResult.REFUSED
                && p.listeners().stream().filter(l -> ServicePort.covers(l.localAddress(), c.address()))
                .allMatch(l -> l.localAddress().contains(":"));
    }

    /** The kernel's TCP route for the connect's address: for its port when asked, else for TCP in general. */
    private static RouteLookup tcpRoute(Observations obs, LocalConnect c) {
        List<RouteLookup> lookups = localRoutes(obs).map(ProbeData.Routes::lookups).orElse(List.of());
        return lookups.stream().filter(r -> r.found() && "tcp".equals(r.protocol()) && r.destination().equals(c.address())
                        && Integer.valueOf(c.port()).equals(r.port())).findFirst()
                .or(() -> lookups.stream().filter(r -> r.found() && "tcp".equals(r.protocol()) && r.destination().equals(c.address())
                        && r.port() == null).findFirst())
                .orElse(null);
    }

    private static Optional<ProbeData.Routes> localRoutes(Observations obs) {
        return obs.outcome(ProbeId.LOCAL_ROUTES).flatMap(o -> o.dataAs(ProbeData.Routes.class));
    }

    private static Optional<RouteLookup> plainLoopbackRoute(Observations obs) {
        return localRoutes(obs).flatMap(r -> r.lookups().stream()
                .filter(l -> l.found() && l.protocol() == null && l.destination().equals("127.0.0.1")).findFirst());
    }

    /** The policy rules that send lookups to the tables those routes came from. */
    private static List<PolicyRule> policyRulesFor(Observations obs, java.util.Collection<RouteLookup> routes) {
        List<String> tables = routes.stream().map(RouteLookup::table).filter(t -> t != null && !t.equals("main")).distinct().toList();
        return localRoutes(obs).map(r -> r.rules().stream().filter(rule -> tables.stream().anyMatch(t -> rule.action().equals("lookup " + t))).toList())
                .orElse(List.of());
    }

    /**
     * The user wants to reach the service from this computer through 127.0.0.1, so the fixes
     * that keep that come first (the first one offered is the one the wizard recommends): another
     * loopback address that we saw working, or, on WSL, the networking mode in which 127.0.0.1
     * stays inside Linux. Binding the service to the network address gives local access up, so
     * it comes after them and says so.
     */
    private static List<FixSuggestion> fixes(Observations obs, int port, boolean otherLoopbackWorks, Optional<ServicePort> service) {
        List<FixSuggestion> fixes = new ArrayList<>();
        if (otherLoopbackWorks) {
            fixes.add(new FixSuggestion(FixId.USE_OTHER_LOOPBACK, Words.get("finding.LOOPBACK_REDIRECTED.fix.USE_OTHER_LOOPBACK.title"),
                    Words.get("finding.LOOPBACK_REDIRECTED.fix.USE_OTHER_LOOPBACK.detail", port)));
        }
        boolean wsl = obs.environment() != null && obs.environment().wsl() != null
                && obs.environment().wsl().kind() == dev.netdoctor.model.WslFacts.Kind.WSL2;
        if (wsl) {
            addWslFixes(fixes, port);
        }
        service.ifPresent(s -> fixes.add(bindToNetworkAddress(obs, s)));
        fixes.add(new FixSuggestion(FixId.REVERSE_PROXY, Words.get("finding.LOOPBACK_REDIRECTED.fix.REVERSE_PROXY.title"),
                Words.get("finding.LOOPBACK_REDIRECTED.fix.REVERSE_PROXY.detail")));
        // Other machines use the network address: name it when the evidence has it.
        Optional<String> address = networkConnect(allConnects(obs)).map(LocalConnect::address);
        fixes.add(new FixSuggestion(FixId.TEST_FROM_ANOTHER_HOST, Words.get("finding.LOOPBACK_REDIRECTED.fix.TEST_FROM_ANOTHER_HOST.title"),
                address.map(a -> Words.get("finding.LOOPBACK_REDIRECTED.fix.TEST_FROM_ANOTHER_HOST.detail.address", port, a.contains(":") ? "[" + a + "]" : a))
                        .orElse(Words.get("finding.LOOPBACK_REDIRECTED.fix.TEST_FROM_ANOTHER_HOST.detail", port))));
        return fixes;
    }

    /**
     * Binding to the network address, with that address and the program named as the evidence
     * has them, and whether a connect from here through that address worked.
     */
    private static FixSuggestion bindToNetworkAddress(Observations obs, ServicePort service) {
        String program = service.listeners().stream().findFirst().flatMap(LoopbackRules::known)
                .orElse(Words.get("finding.LOOPBACK_REDIRECTED.listening", service.port()));
        return networkConnect(service.connects()).map(c -> new FixSuggestion(FixId.BIND_SERVICE_TO_INTERFACE,
                        Words.get("finding.LOOPBACK_REDIRECTED.fix.BIND_SERVICE_TO_INTERFACE.title.address", c.address()),
                        Words.get(c.failed() ? "finding.LOOPBACK_REDIRECTED.fix.BIND_SERVICE_TO_INTERFACE.detail.redirected"
                                : "finding.LOOPBACK_REDIRECTED.fix.BIND_SERVICE_TO_INTERFACE.detail.works", program, c.address(), service.port())))
                .orElseGet(() -> new FixSuggestion(FixId.BIND_SERVICE_TO_INTERFACE,
                        Words.get("finding.LOOPBACK_REDIRECTED.fix.BIND_SERVICE_TO_INTERFACE.title"),
                        Words.get("finding.LOOPBACK_REDIRECTED.fix.BIND_SERVICE_TO_INTERFACE.detail", program)));
    }

    /** The connect through this machine's network address (IPv4 first), which the evidence has beside the loopback ones. */
    private static Optional<LocalConnect> networkConnect(List<LocalConnect> connects) {
        Optional<LocalConnect> network = Optional.empty();
        for (LocalConnect c : connects) {
            if (isNetworkAddress(c.address()) && (network.isEmpty() || network.get().address().contains(":") && !c.address().contains(":"))) {
                network = Optional.of(c);
            }
        }
        return network;
    }

    /** An address of one of this machine's network interfaces: not a loopback address. */
    private static boolean isNetworkAddress(String address) {
        return !address.startsWith("127.") && !address.equals("::1") && !address.equals("0:0:0:0:0:0:0:1");
    }

    /** Only on WSL 2: .wslconfig means nothing elsewhere. NAT first: in it 127.0.0.1 stays inside Linux. */
    private static void addWslFixes(List<FixSuggestion> fixes, int port) {
        fixes.add(new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, Words.get("finding.LOOPBACK_REDIRECTED.fix.WSLCONFIG_NETWORKING_MODE.title"),
                Words.get("finding.LOOPBACK_REDIRECTED.fix.WSLCONFIG_NETWORKING_MODE.detail"),
                FixPlan.WslconfigSetting.networkingMode(NetworkingMode.NAT)));
        fixes.add(new FixSuggestion(FixId.WSLCONFIG_HOST_ADDRESS_LOOPBACK, Words.get("finding.LOOPBACK_REDIRECTED.fix.WSLCONFIG_HOST_ADDRESS_LOOPBACK.title"),
                Words.get("finding.LOOPBACK_REDIRECTED.fix.WSLCONFIG_HOST_ADDRESS_LOOPBACK.detail", port)));
    }
}
