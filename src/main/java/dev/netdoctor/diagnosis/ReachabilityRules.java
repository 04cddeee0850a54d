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
import dev.netdoctor.model.Words;

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

    /**
     * The DNS path is dead (no server answers): that card; else the target's name itself is not
     * found. Without a target only the first: the name looked up then is no name the user gave.
     * Nothing when Windows finds the name and the distro does not: {@link SplitDnsRules#NOT_IN_WSL}
     * speaks of that. Inside the distro, with tunneling off in NAT mode, the card says what
     * tunneling would change for a name Windows opens on a VPN.
     */
    static final Rule NAME = obs -> SplitDnsRules.NOT_IN_WSL.apply(obs).isPresent() ? Optional.empty()
            : DnsRules.unreachable(obs).or(() -> obs.data(ProbeData.Resolution.class)
            .filter(r -> obs.target() != null && !r.resolved())
            .map(r -> {
                Optional<String> hint = SplitDnsRules.insideHint(obs);
                List<FixSuggestion> fixes = new ArrayList<>(List.of(new FixSuggestion(FixId.CHECK_HOST_NAME,
                        Words.get("finding.NAME_NOT_RESOLVED.fix.CHECK_HOST_NAME.title"),
                        Words.get("finding.NAME_NOT_RESOLVED.fix.CHECK_HOST_NAME.detail", r.host()))));
                hint.ifPresent(h -> fixes.add(SplitDnsRules.tunnelingFixForHint()));
                return new Finding(FindingId.NAME_NOT_RESOLVED, Severity.PROBLEM, Confidence.HIGH,
                        Words.get("finding.NAME_NOT_RESOLVED.title", r.host()),
                        Words.get(r.error() == null ? "finding.NAME_NOT_RESOLVED.notFound" : "finding.NAME_NOT_RESOLVED.notFoundWhy", r.host(), r.error())
                                + DnsRules.whoSaidNo(obs) + " " + Words.get("finding.NAME_NOT_RESOLVED.explanation")
                                + hint.map(h -> " " + h).orElse(""),
                        nameEvidence(obs), fixes);
            }));

    private static List<Evidence> nameEvidence(Observations obs) {
        List<Evidence> e = new java.util.ArrayList<>(evidenceOf(obs, ProbeId.NAME_RESOLUTION));
        e.addAll(evidenceOf(obs, ProbeId.DNS_SERVERS));
        e.addAll(DnsRules.partialAnswers(obs));
        return e;
    }

    static final Rule REFUSED = obs -> unmarked(obs)
            .filter(a -> a.result() == ConnectResult.REFUSED)
            .map(a -> new Finding(FindingId.PORT_REFUSED, Severity.PROBLEM, Confidence.HIGH,
                    Words.get("finding.PORT_REFUSED.title", obs.target().port(), obs.target().host()),
                    Words.get("finding.PORT_REFUSED.explanation", obs.target().port(), a.millis()),
                    connectEvidence(obs),
                    List.of(new FixSuggestion(FixId.START_SERVICE, Words.get("finding.PORT_REFUSED.fix.START_SERVICE.title"),
                            Words.get("finding.PORT_REFUSED.fix.START_SERVICE.detail", obs.target().host())))));

    static final Rule FILTERED = obs -> {
        Optional<ConnectAttempt> u = unmarked(obs).filter(a -> a.result() == ConnectResult.TIMED_OUT);
        if (u.isEmpty() || anyMarkedAnswered(obs)) {
            return Optional.empty();
        }
        boolean pingAnswered = obs.data(ProbeId.PING, ProbeData.Ping.class).map(ProbeData.Ping::answered).orElse(false);
        if (!pingAnswered) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingId.PORT_FILTERED, Severity.PROBLEM, Confidence.HIGH,
                Words.get("finding.PORT_FILTERED.title", obs.target().port(), obs.target().host()),
                Words.get("finding.PORT_FILTERED.explanation", obs.target().port()),
                connectEvidence(obs),
                List.of(openFirewall(obs))));
    };

    /**
     * Where to look for the firewall. WSL's gateway is Windows itself (in NAT mode, as the
     * distro's environment knows it): Linux commands mean nothing there, so the Windows side is
     * named in plain words.
     */
    private static FixSuggestion openFirewall(Observations obs) {
        String host = obs.target().host();
        int port = obs.target().port();
        return isWindowsHost(obs)
                ? new FixSuggestion(FixId.OPEN_FIREWALL, Words.get("finding.PORT_FILTERED.fix.OPEN_FIREWALL.title.windows"),
                        Words.get("finding.PORT_FILTERED.fix.OPEN_FIREWALL.detail.windows", host, port))
                : new FixSuggestion(FixId.OPEN_FIREWALL, Words.get("finding.PORT_FILTERED.fix.OPEN_FIREWALL.title"),
                        Words.get("finding.PORT_FILTERED.fix.OPEN_FIREWALL.detail", host, port));
    }

    /** Whether the target is the Windows host: WSL 2 not mirrored, and the target is (or resolved to) the distro's default gateway. */
    static boolean isWindowsHost(Observations obs) {
        var env = obs.environment();
        if (env == null || env.wsl() == null || env.wsl().kind() != dev.netdoctor.model.WslFacts.Kind.WSL2
                || "mirrored".equals(env.wsl().networkingMode()) || env.defaultGateway() == null || obs.target() == null) {
            return false;
        }
        String gateway = env.defaultGateway();
        return obs.target().host().equals(gateway) || obs.data(ProbeData.Resolution.class)
                .map(r -> r.addresses().contains(gateway)).orElse(false);
    }

    /**
     * The port takes connections, but nothing on it speaks SSH: every handshake, marked or not,
     * stopped before the server's greeting. Not the marking problem (the unmarked one stops too),
     * not the path MTU (that stalls after the greeting, in the key exchange).
     */
    static final Rule NO_GREETING = obs -> {
        // Without the SSH checks there is no handshake to judge; the guard says so where a reader looks.
        if (!obs.sshTarget() || !unmarked(obs).map(a -> a.result() == ConnectResult.CONNECTED).orElse(false)) {
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
                Words.get("finding.SSH_NO_GREETING.title", port, host),
                Words.get("finding.SSH_NO_GREETING.explanation", port),
                evidence,
                List.of(new FixSuggestion(FixId.CHECK_SSH_SERVICE, Words.get("finding.SSH_NO_GREETING.fix.CHECK_SSH_SERVICE.title", port),
                        Words.get("finding.SSH_NO_GREETING.fix.CHECK_SSH_SERVICE.detail", host, port)))));
    };

    static final Rule UNREACHABLE = obs -> {
        if (RouteCaptureRules.explainsSilence(obs)) {
            // Nothing answers WSL at all, Windows included: the target is not the one to blame.
            return Optional.empty();
        }
        Optional<ProbeData.MarkedConnects> c = obs.data(ProbeData.MarkedConnects.class);
        // The target's routes only: this computer's own (local-routes) say nothing about the target.
        Optional<ProbeData.Routes> routes = obs.data(ROUTES, ProbeData.Routes.class);
        boolean noRoute = routes.map(r -> r.lookups().stream().noneMatch(RouteLookup::found) && !r.lookups().isEmpty()).orElse(false);
        boolean saidUnreachable = c.map(m -> !m.attempts().isEmpty() && m.attempts().stream().allMatch(a -> a.result() == ConnectResult.UNREACHABLE)).orElse(false);
        boolean silent = c.map(m -> !m.attempts().isEmpty() && m.attempts().stream().allMatch(a -> a.result() == ConnectResult.TIMED_OUT)).orElse(false)
                && obs.data(ProbeId.PING, ProbeData.Ping.class).map(p -> !p.answered()).orElse(false);
        if (!noRoute && !saidUnreachable && !silent) {
            return Optional.empty();
        }
        String why = Words.get(noRoute ? "finding.HOST_UNREACHABLE.noRoute"
                : saidUnreachable ? "finding.HOST_UNREACHABLE.saidUnreachable"
                : "finding.HOST_UNREACHABLE.silent");
        List<Evidence> evidence = new ArrayList<>(evidenceOf(obs, ROUTES));
        evidence.addAll(evidenceOf(obs, ProbeId.PING));
        evidence.addAll(connectEvidence(obs));
        return Optional.of(new Finding(FindingId.HOST_UNREACHABLE, Severity.PROBLEM, silent && !noRoute ? Confidence.MEDIUM : Confidence.HIGH,
                Words.get("finding.HOST_UNREACHABLE.title", obs.target().host()),
                why + " " + Words.get("finding.HOST_UNREACHABLE.explanation"),
                evidence,
                List.of(new FixSuggestion(FixId.CHECK_HOST_POWER, Words.get("finding.HOST_UNREACHABLE.fix.CHECK_HOST_POWER.title"),
                        Words.get("finding.HOST_UNREACHABLE.fix.CHECK_HOST_POWER.detail", obs.target().host())))));
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
