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
        String which = d.path().words() + " (" + String.join(" and ", d.servers()) + ")";
        String explanation;
        if (d.servers().isEmpty()) {
            explanation = "This computer has no DNS server configured (/etc/resolv.conf names none), so no name can be looked up, "
                    + "although the network itself is there.";
        } else {
            explanation = "Names are looked up through " + which + ", and no answer came at all, neither the usual way nor the "
                    + "second way programs try. The network itself is there, so this is the DNS path, not the name."
                    + (wsl ? why(d) : "");
        }
        return Optional.of(new Finding(FindingId.DNS_SERVER_UNREACHABLE, Severity.PROBLEM, Confidence.HIGH,
                "Name lookups get no answer" + (d.servers().isEmpty() ? ": " + d.path().words() : " from " + which),
                explanation, evidence, fixes(d, wsl)));
    }

    /** In WSL, why each path usually fails, in plain words. */
    private static String why(ProbeData.DnsServers d) {
        return switch (d.path()) {
            case NAT_DNS_PROXY -> " In WSL this usually means a firewall on Windows (often a company policy or a security suite) "
                    + "blocks WSL's questions to the proxy. DNS tunneling avoids that path.";
            case DNS_TUNNELING -> " WSL's own DNS listener inside Linux did not answer; restarting WSL usually brings it back.";
            case OTHER_SERVERS, NONE -> d.writtenByWsl() ? " A VPN or a company network often replaces these servers."
                    : " WSL no longer writes this file (it has no WSL header"
                    + (Boolean.FALSE.equals(d.generateResolvConf()) ? ", and /etc/wsl.conf turns that off" : "")
                    + "): a fixed list left by an old workaround goes stale when the network changes."
                    + (Boolean.TRUE.equals(d.immutable()) ? " The file is also locked against changes." : "");
        };
    }

    private static List<FixSuggestion> fixes(ProbeData.DnsServers d, boolean wsl) {
        List<FixSuggestion> fixes = new ArrayList<>();
        if (wsl && (!d.writtenByWsl() || Boolean.FALSE.equals(d.generateResolvConf())) && !d.servers().isEmpty()) {
            fixes.add(new FixSuggestion(FixId.WSL_CONF_GENERATE_RESOLV_CONF, "Let WSL write resolv.conf again",
                    "Sets generateResolvConf back to true in [network] of /etc/wsl.conf"
                            + (Boolean.FALSE.equals(d.generateResolvConf()) ? " (it says false now)" : "")
                            + ". The fixed file must go too" + (Boolean.TRUE.equals(d.immutable()) ? ", and it is locked" : "")
                            + ": sudo chattr -i /etc/resolv.conf; sudo rm /etc/resolv.conf. Then restart WSL from Windows "
                            + "(wsl --shutdown); WSL then writes a file that follows the network.",
                    new FixPlan.LetWslWriteResolvConf()));
        }
        if (wsl) {
            fixes.add(new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, "Turn on WSL's DNS tunneling",
                    "In %UserProfile%\\.wslconfig set dnsTunneling=true in [wsl2] (Windows 11 22H2 or later; WSL 2.2.1 and later do "
                            + "this by default unless the file turns it off), then restart WSL (wsl --shutdown). Questions then go to "
                            + "Windows' own resolver without crossing the firewall.", new FixPlan.WslDnsTunneling()));
        }
        fixes.add(new FixSuggestion(FixId.CHECK_HOST_NAME, "Use the address meanwhile",
                "Until names resolve again, use the machine's IP address, e.g. ssh user@198.18.0.10."));
        return fixes;
    }

    /** For name-not-resolved: the server that said the name does not exist, in words, or empty. */
    static String whoSaidNo(Observations obs) {
        return obs.data(ProbeData.DnsServers.class).flatMap(ProbeData.DnsServers::nxdomain)
                .map(r -> " The DNS server " + r.server() + " answered that this name does not exist.").orElse("");
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
