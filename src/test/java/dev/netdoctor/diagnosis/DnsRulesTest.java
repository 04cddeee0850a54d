// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Target;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A name that does not resolve: a dead DNS path is never called a missing name, and the other way round. */
class DnsRulesTest {
    private final Diagnoser diagnoser = new Diagnoser();
    private static final Target NAS = Target.parse("nas.example.test");

    private static List<ProbeOutcome> run(DnsPath path, boolean writtenByWsl, DnsReply.Outcome udp, DnsReply.Outcome tcp) {
        List<ProbeOutcome> o = new ArrayList<>();
        o.add(Scenarios.outcome(ProbeId.NAME_RESOLUTION, new ProbeData.Resolution("nas.example.test", List.of(), "getent ahosts",
                "the resolver did not answer within 5 s")));
        o.add(Scenarios.outcome(ProbeId.DNS_SERVERS, new ProbeData.DnsServers("nas.example.test", List.of("198.18.0.1"), path, writtenByWsl, List.of(
                new DnsReply("198.18.0.1", DnsReply.Transport.UDP, udp, List.of(), 2000, "x"),
                new DnsReply("198.18.0.1", DnsReply.Transport.TCP, tcp, List.of(), 2000, "x")))));
        return o;
    }

    private static Environment env() {
        return new Scenarios("198.18.0.10").environment(); // WSL 2 in NAT mode, gateway 198.18.1.1
    }

    @Test
    void theBlockedNatProxyIsTheDnsPathNotTheNameAndOffersTunneling() {
        List<Finding> f = diagnoser.diagnose(NAS, env(), run(DnsPath.NAT_DNS_PROXY, true, DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.NO_ANSWER));
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.DNS_SERVER_UNREACHABLE);
        Finding d = f.getFirst();
        assertThat(d.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(d.title()).isEqualTo("Name lookups get no answer from WSL's DNS proxy on Windows (198.18.0.1)");
        assertThat(d.explanation()).contains("The network itself is there").contains("a firewall on Windows");
        assertThat(d.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_DNS_TUNNELING, FixId.CHECK_HOST_NAME);
    }

    @Test
    void aStaticFileThatWslNoLongerWritesOffersGeneratingItAgain() {
        List<Finding> f = diagnoser.diagnose(NAS, env(), run(DnsPath.OTHER_SERVERS, false, DnsReply.Outcome.UNREACHABLE, DnsReply.Outcome.UNREACHABLE));
        assertThat(f.getFirst().id()).isEqualTo(FindingId.DNS_SERVER_UNREACHABLE);
        assertThat(f.getFirst().explanation()).contains("WSL no longer writes this file");
        assertThat(f.getFirst().fixes()).extracting(FixSuggestion::id).startsWith(FixId.WSL_CONF_GENERATE_RESOLV_CONF, FixId.WSLCONFIG_DNS_TUNNELING);
    }

    @Test
    void generationTurnedOffAndALockedFileAreSaid() {
        List<ProbeOutcome> o = run(DnsPath.OTHER_SERVERS, false, DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.NO_ANSWER);
        ProbeData.DnsServers d = (ProbeData.DnsServers) o.get(1).data();
        o.set(1, Scenarios.outcome(ProbeId.DNS_SERVERS, new ProbeData.DnsServers(d.name(), d.servers(), d.path(), false, d.replies(),
                "/etc/resolv.conf", true, false)));
        Finding f = diagnoser.diagnose(NAS, env(), o).getFirst();
        assertThat(f.explanation()).contains("and /etc/wsl.conf turns that off").contains("The file is also locked against changes.");
        assertThat(f.fixes()).extracting(FixSuggestion::id).startsWith(FixId.WSL_CONF_GENERATE_RESOLV_CONF);
    }

    @Test
    void aServerThatSaysTheNameDoesNotExistIsANameProblemNamingTheServer() {
        List<Finding> f = diagnoser.diagnose(NAS, env(), run(DnsPath.NAT_DNS_PROXY, true, DnsReply.Outcome.NXDOMAIN, DnsReply.Outcome.NXDOMAIN));
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.NAME_NOT_RESOLVED).doesNotContain(FindingId.DNS_SERVER_UNREACHABLE);
        assertThat(f.getFirst().explanation()).contains("The DNS server 198.18.0.1 answered that this name does not exist.");
    }

    @Test
    void aServerThatAnswersOneWayOnlyOrFailsIsToldApartInTheEvidence() {
        List<Finding> f = diagnoser.diagnose(NAS, env(), run(DnsPath.OTHER_SERVERS, true, DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.SERVFAIL));
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.NAME_NOT_RESOLVED);
        assertThat(f.getFirst().evidence()).extracting(e -> e.summary())
                .contains("DNS server 198.18.0.1 answers over TCP only", "DNS server 198.18.0.1 answers SERVFAIL: it is up but cannot find out itself");
    }

    @Test
    void withoutANetworkItIsNeverCalledADnsProblem() {
        Environment offline = Environments.from(env()).defaultGateway(null).build();
        List<Finding> f = diagnoser.diagnose(NAS, offline, run(DnsPath.NAT_DNS_PROXY, true, DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.NO_ANSWER));
        assertThat(f).extracting(Finding::id).doesNotContain(FindingId.DNS_SERVER_UNREACHABLE);
    }
}
