// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain failures that must not be mistaken for the DSCP problem: a name that does not
 * resolve, a host that cannot be reached, a port that refuses, a port that is filtered.
 */
final class ReachabilityRules {
    /** The probe that asks the kernel for the route to the target. */
    static final ProbeId ROUTES = ProbeId.ROUTES;

    private ReachabilityRules() {
    }

    /** The DNS path is dead (no server answers): that card; else the name itself is not found. */
    static final Rule NAME = obs -> DnsRules.unreachable(obs).or(() -> obs.data(ProbeData.Resolution.class)
            .filter(r -> !r.resolved())
            .map(r -> new Finding(FindingId.NAME_NOT_RESOLVED, Severity.PROBLEM, Confidence.HIGH,
                    "The name " + r.host() + " could not be found",
                    "Your computer could not find an address for \"" + r.host() + "\""
                            + (r.error() == null ? "" : " (" + r.error() + ")") + "." + DnsRules.whoSaidNo(obs) + " "
                            + "Check the spelling, or use the machine's IP address instead.",
                    nameEvidence(obs),
                    List.of(new FixSuggestion(FixId.CHECK_HOST_NAME, "Check the host name",
                            "Check the spelling of \"" + r.host() + "\", or use its IP address. In WSL, names of machines on "
                                    + "your home network may only resolve on Windows; the IP address works in both.")))));

    private static List<Evidence> nameEvidence(Observations obs) {
        List<Evidence> e = new java.util.ArrayList<>(evidenceOf(obs, ProbeId.NAME_RESOLUTION));
        e.addAll(evidenceOf(obs, ProbeId.DNS_SERVERS));
        e.addAll(DnsRules.partialAnswers(obs));
        return e;
    }

    static final Rule REFUSED = obs -> unmarked(obs)
            .filter(a -> a.result() == ConnectResult.REFUSED)
            .map(a -> new Finding(FindingId.PORT_REFUSED, Severity.PROBLEM, Confidence.HIGH,
                    "Nothing accepts connections on port " + obs.target().port() + " of " + obs.target().host(),
                    "The machine answered, but refused the connection on port " + obs.target().port() + " within "
                            + a.millis() + " ms. Usually the service (for SSH: sshd) is not running or listens on another port.",
                    connectEvidence(obs),
                    List.of(new FixSuggestion(FixId.START_SERVICE, "Start the service or use its port",
                            "On " + obs.target().host() + ", check that the SSH server runs (e.g. \"sudo systemctl status ssh\") "
                                    + "and which port it listens on (\"sudo ss -tlnp\")."))));

    static final Rule FILTERED = obs -> {
        Optional<ConnectAttempt> u = unmarked(obs).filter(a -> a.result() == ConnectResult.TIMED_OUT);
        if (u.isEmpty() || anyMarkedAnswered(obs)) {
            return Optional.empty();
        }
        boolean pingAnswered = obs.data(ProbeData.Ping.class).map(ProbeData.Ping::answered).orElse(false);
        if (!pingAnswered) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingId.PORT_FILTERED, Severity.PROBLEM, Confidence.HIGH,
                "Connections to port " + obs.target().port() + " of " + obs.target().host() + " are blocked",
                "The machine answers ping, but no connection to port " + obs.target().port() + " got any answer, "
                        + "marked or not. A firewall on the way or on the machine silently drops them; this is not the "
                        + "packet-marking problem, because unmarked connections fail too.",
                connectEvidence(obs),
                List.of(new FixSuggestion(FixId.OPEN_FIREWALL, "Allow the port in the firewall",
                        "Check the firewall on " + obs.target().host() + " (e.g. \"sudo ufw status\" or \"sudo nft list ruleset\") "
                                + "and any firewall between you and it; allow TCP port " + obs.target().port() + "."))));
    };

    /**
     * The port takes connections, but nothing on it speaks SSH: every handshake, marked or not,
     * stopped before the server's greeting. Not the marking problem (the unmarked one stops too),
     * not the path MTU (that stalls after the greeting, in the key exchange).
     */
    static final Rule NO_GREETING = obs -> {
        if (!unmarked(obs).map(a -> a.result() == ConnectResult.CONNECTED).orElse(false)) {
            return Optional.empty();
        }
        List<dev.netdoctor.model.HandshakeAttempt> attempts = obs.data(ProbeData.SshHandshakes.class)
                .map(ProbeData.SshHandshakes::attempts).orElse(List.of());
        boolean noGreeting = !attempts.isEmpty()
                && attempts.stream().allMatch(a -> a.reached().compareTo(dev.netdoctor.model.HandshakeAttempt.Stage.TCP_CONNECTED) <= 0)
                && attempts.stream().anyMatch(a -> a.reached() == dev.netdoctor.model.HandshakeAttempt.Stage.TCP_CONNECTED);
        if (!noGreeting) {
            return Optional.empty();
        }
        // The user's own ssh saying the same (it stalled after connecting) makes it sure.
        boolean sshAgrees = obs.data(ProbeData.OpenSshRuns.class)
                .map(r -> !r.attempts().isEmpty() && r.attempts().stream()
                        .allMatch(a -> a.result() == dev.netdoctor.model.OpenSshAttempt.Result.STALLED_AFTER_CONNECT))
                .orElse(false);
        int port = obs.target().port();
        String host = obs.target().host();
        List<Evidence> evidence = new java.util.ArrayList<>(connectEvidence(obs));
        evidence.addAll(evidenceOf(obs, ProbeId.SSH_HANDSHAKE));
        evidence.addAll(evidenceOf(obs, ProbeId.OPENSSH_CLIENT));
        return Optional.of(new Finding(FindingId.SSH_NO_GREETING, Severity.PROBLEM, sshAgrees ? Confidence.HIGH : Confidence.MEDIUM,
                "Port " + port + " of " + host + " takes connections, but no SSH server answers there",
                "A connection to port " + port + " is accepted, yet nothing on the other end sends the greeting an SSH server"
                        + " always sends first, so ssh waits and then gives up (\"Connection timed out during banner exchange\""
                        + " or \"Connection closed by remote host\"). This is not the packet-marking problem: the unmarked"
                        + " connection stops the same way. Usually something else holds the port: a forward whose far end is"
                        + " gone (on Windows, a netsh interface portproxy rule), a proxy or firewall that accepts connections"
                        + " itself, or a program other than the SSH server.",
                evidence,
                List.of(new FixSuggestion(FixId.CHECK_SSH_SERVICE, "See what answers on port " + port,
                        "On " + host + ", check that the SSH server runs and listens on port " + port + " (sudo systemctl status ssh;"
                                + " sudo ss -tlnp 'sport = :" + port + "'). If the port is forwarded (netsh interface portproxy show"
                                + " all on Windows, or a router), check where it forwards to."))));
    };

    static final Rule UNREACHABLE = obs -> {
        Optional<ProbeData.MarkedConnects> c = obs.data(ProbeData.MarkedConnects.class);
        // The target's routes only: this computer's own (local-routes) say nothing about the target.
        Optional<ProbeData.Routes> routes = obs.data(ROUTES, ProbeData.Routes.class);
        boolean noRoute = routes.map(r -> r.lookups().stream().noneMatch(RouteLookup::found) && !r.lookups().isEmpty()).orElse(false);
        boolean saidUnreachable = c.map(m -> !m.attempts().isEmpty() && m.attempts().stream().allMatch(a -> a.result() == ConnectResult.UNREACHABLE)).orElse(false);
        boolean silent = c.map(m -> !m.attempts().isEmpty() && m.attempts().stream().allMatch(a -> a.result() == ConnectResult.TIMED_OUT)).orElse(false)
                && obs.data(ProbeData.Ping.class).map(p -> !p.answered()).orElse(false);
        if (!noRoute && !saidUnreachable && !silent) {
            return Optional.empty();
        }
        String why = noRoute ? "Your computer has no route to it."
                : saidUnreachable ? "The network reported that the machine cannot be reached."
                : "It answered neither ping nor any connection attempt.";
        List<Evidence> evidence = new ArrayList<>(evidenceOf(obs, ROUTES));
        evidence.addAll(evidenceOf(obs, ProbeId.PING));
        evidence.addAll(connectEvidence(obs));
        return Optional.of(new Finding(FindingId.HOST_UNREACHABLE, Severity.PROBLEM, silent && !noRoute ? Confidence.MEDIUM : Confidence.HIGH,
                obs.target().host() + " cannot be reached",
                why + " Check that the machine is on and connected to the same network, and that the address is right.",
                evidence,
                List.of(new FixSuggestion(FixId.CHECK_HOST_POWER, "Check the machine and its address",
                        "Make sure " + obs.target().host() + " is switched on and on your network; try reaching it from Windows "
                                + "or another device. If nothing reaches it, the problem is not WSL."))));
    };

    static Optional<ConnectAttempt> unmarked(Observations obs) {
        return obs.data(ProbeData.MarkedConnects.class).flatMap(ProbeData.MarkedConnects::unmarked);
    }

    private static boolean anyMarkedAnswered(Observations obs) {
        return obs.data(ProbeData.MarkedConnects.class).map(m -> m.marked().stream().anyMatch(a -> a.result().answered())).orElse(false);
    }

    static List<Evidence> connectEvidence(Observations obs) {
        List<Evidence> e = new ArrayList<>(evidenceOf(obs, ProbeId.DSCP_CONNECT));
        e.addAll(evidenceOf(obs, ProbeId.PING));
        return e;
    }

    static List<Evidence> evidenceOf(Observations obs, ProbeId probe) {
        return obs.outcome(probe).map(o -> o.evidence()).orElse(List.of());
    }
}
