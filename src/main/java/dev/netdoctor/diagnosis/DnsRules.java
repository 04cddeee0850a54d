// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;
import dev.netdoctor.model.WslFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A name that does not resolve, told apart by what each DNS server itself answered: no server
 * answers at all ({@code dns-server-unreachable}: the DNS path is dead, not the name), or a
 * server says the name does not exist ({@code name-not-resolved}, naming that server).
 */
final class DnsRules {

    private DnsRules() {
    }

    /**
     * The name did not resolve and no configured server answered, over UDP or TCP, while this
     * computer has a network (a default gateway): never said when there is no network at all.
     * Without a target the name is the one the way out is checked with.
     */
    static Optional<Finding> unreachable(Observations obs) {
        Optional<ProbeData.Resolution> res = obs.data(ProbeData.Resolution.class).filter(r -> !r.resolved());
        Optional<ProbeData.DnsServers> dns = obs.data(ProbeData.DnsServers.class);
        boolean network = obs.environment() != null && obs.environment().defaultGateway() != null;
        if (res.isEmpty() || dns.isEmpty() || dns.get().anyServerAnswered() || !network) {
            return Optional.empty();
        }
        ProbeData.DnsServers d = dns.get();
        boolean wsl = obs.environment().wsl() != null && obs.environment().wsl().kind() == WslFacts.Kind.WSL2;
        List<Evidence> evidence = new ArrayList<>(ReachabilityRules.evidenceOf(obs, ProbeId.DNS_SERVERS));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.NAME_RESOLUTION));
        String which = Words.get("finding.DNS_SERVER_UNREACHABLE.which", d.path().words(), String.join(Words.get("list.and"), d.servers()));
        String explanation;
        if (d.servers().isEmpty()) {
            explanation = Words.get("finding.DNS_SERVER_UNREACHABLE.noServer");
        } else {
            explanation = Words.get("finding.DNS_SERVER_UNREACHABLE.explanation", which) + (wsl ? " " + why(d) : "");
        }
        return Optional.of(new Finding(FindingId.DNS_SERVER_UNREACHABLE, Severity.PROBLEM, Confidence.HIGH,
                Words.get(d.servers().isEmpty() ? "finding.DNS_SERVER_UNREACHABLE.title.noServer" : "finding.DNS_SERVER_UNREACHABLE.title",
                        d.servers().isEmpty() ? d.path().words() : which),
                explanation, evidence, fixes(d, wsl)));
    }

    /** In WSL, why each path usually fails, in plain words. */
    private static String why(ProbeData.DnsServers d) {
        return switch (d.path()) {
            case NAT_DNS_PROXY -> Words.get("finding.DNS_SERVER_UNREACHABLE.why.NAT_DNS_PROXY");
            case DNS_TUNNELING -> Words.get("finding.DNS_SERVER_UNREACHABLE.why.DNS_TUNNELING");
            case OTHER_SERVERS, NONE -> d.writtenByWsl() ? Words.get("finding.DNS_SERVER_UNREACHABLE.why.replaced")
                    : Words.get(Boolean.FALSE.equals(d.generateResolvConf()) ? "finding.DNS_SERVER_UNREACHABLE.why.staleOff"
                    : "finding.DNS_SERVER_UNREACHABLE.why.stale")
                    + (Boolean.TRUE.equals(d.immutable()) ? " " + Words.get("finding.DNS_SERVER_UNREACHABLE.why.locked") : "");
        };
    }

    private static List<FixSuggestion> fixes(ProbeData.DnsServers d, boolean wsl) {
        List<FixSuggestion> fixes = new ArrayList<>();
        if (wsl && (!d.writtenByWsl() || Boolean.FALSE.equals(d.generateResolvConf())) && !d.servers().isEmpty()) {
            fixes.add(new FixSuggestion(FixId.WSL_CONF_GENERATE_RESOLV_CONF,
                    Words.get("finding.DNS_SERVER_UNREACHABLE.fix.WSL_CONF_GENERATE_RESOLV_CONF.title"),
                    Words.get(Boolean.FALSE.equals(d.generateResolvConf()) ? "finding.DNS_SERVER_UNREACHABLE.fix.WSL_CONF_GENERATE_RESOLV_CONF.isFalse"
                            : "finding.DNS_SERVER_UNREACHABLE.fix.WSL_CONF_GENERATE_RESOLV_CONF.set") + " "
                            + Words.get(Boolean.TRUE.equals(d.immutable()) ? "finding.DNS_SERVER_UNREACHABLE.fix.WSL_CONF_GENERATE_RESOLV_CONF.locked"
                            : "finding.DNS_SERVER_UNREACHABLE.fix.WSL_CONF_GENERATE_RESOLV_CONF.detail"),
                    new FixPlan.LetWslWriteResolvConf()));
        }
        if (wsl) {
            fixes.add(new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, Words.get("finding.DNS_SERVER_UNREACHABLE.fix.WSLCONFIG_DNS_TUNNELING.title"),
                    Words.get("finding.DNS_SERVER_UNREACHABLE.fix.WSLCONFIG_DNS_TUNNELING.detail"), FixPlan.WslconfigSetting.dnsTunnelingOn()));
        }
        fixes.add(new FixSuggestion(FixId.CHECK_HOST_NAME, Words.get("finding.DNS_SERVER_UNREACHABLE.fix.CHECK_HOST_NAME.title"),
                Words.get("finding.DNS_SERVER_UNREACHABLE.fix.CHECK_HOST_NAME.detail")));
        return fixes;
    }

    /** For name-not-resolved: the server that said the name does not exist, in words, or empty. */
    static String whoSaidNo(Observations obs) {
        return obs.data(ProbeData.DnsServers.class).flatMap(ProbeData.DnsServers::nxdomain)
                .map(r -> " " + Words.get("finding.NAME_NOT_RESOLVED.whoSaidNo", r.server())).orElse("");
    }

    /** The other replies worth telling apart: a server that answers one transport only, or fails. */
    static List<Evidence> partialAnswers(Observations obs) {
        List<Evidence> notes = new ArrayList<>();
        obs.data(ProbeData.DnsServers.class).ifPresent(d -> {
            for (String server : d.servers()) {
                List<DnsReply> mine = d.replies().stream().filter(r -> r.server().equals(server)).toList();
                boolean udp = mine.stream().anyMatch(r -> r.transport() == DnsReply.Transport.UDP && r.outcome().serverAnswered());
                boolean tcp = mine.stream().anyMatch(r -> r.transport() == DnsReply.Transport.TCP && r.outcome().serverAnswered());
                if (udp != tcp) {
                    notes.add(Evidence.of("DNS server " + server + " answers over " + (udp ? "UDP only" : "TCP only")));
                }
                if (mine.stream().anyMatch(r -> r.outcome() == DnsReply.Outcome.SERVFAIL)) {
                    notes.add(Evidence.of("DNS server " + server + " answers SERVFAIL: it is up but cannot find out itself"));
                }
            }
        });
        return notes;
    }
}
