// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The all-clear without a target claims exactly what completed and passed, says what was not
 * confirmed and why, and is sure only when nothing is left unconfirmed.
 */
class AllClearTest {
    private final List<ProbeOutcome> outcomes = new ArrayList<>();

    private Finding allClear() {
        List<Finding> findings = new Diagnoser().diagnose(null, new Scenarios("198.18.1.2").environment(), outcomes, true);
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
        return findings.getFirst();
    }

    private static ProbeOutcome ended(ProbeId id, ProbeStatus status) {
        return new ProbeOutcome(id, id.id(), status, "stopped", Map.of(), 0, 1, null, List.of(), null);
    }

    private static ConfigFileCheck file(String name, String status) {
        return new ConfigFileCheck(name, "/x/" + name, status, null, null, Map.of(), null, List.of());
    }

    private static ProbeData.DnsServers servers(DnsReply... replies) {
        return new ProbeData.DnsServers("www.msftconnecttest.com", List.of("198.18.1.1", "198.18.1.9"), DnsPath.OTHER_SERVERS, true,
                List.of(replies), null, null, null);
    }

    private static DnsReply reply(String server, DnsReply.Outcome outcome) {
        return new DnsReply(server, DnsReply.Transport.UDP, outcome, List.of(), 5, null);
    }

    @Test
    void everythingThatPassedIsNamedAndNothingElse() {
        outcomes.add(Scenarios.outcome(ProbeId.NAME_RESOLUTION, new ProbeData.Resolution("www.msftconnecttest.com", List.of("198.18.7.7", "198.18.7.8"), "getent", null)));
        outcomes.add(Scenarios.outcome(ProbeId.DEFAULT_GATEWAY, new ProbeData.Ping("198.18.1.1", 3, 3, 0.4)));
        outcomes.add(Scenarios.outcome(ProbeId.CONFIG_FILES, new ProbeData.ConfigFiles(List.of(file(".wslconfig", ConfigFileCheck.READ),
                file("/etc/wsl.conf", ConfigFileCheck.MISSING)))));
        Finding f = allClear();
        assertThat(f.title()).isEqualTo("Names resolve, the default gateway answers and WSL's settings files read as written");
        assertThat(f.explanation()).startsWith("Checked and working: names resolve (www.msftconnecttest.com was found: 198.18.7.7), "
                + "the default gateway 198.18.1.1 answers ping and WSL reads .wslconfig as written, with no line ignored.")
                .doesNotContain("Not confirmed").doesNotContain("were not checked").doesNotContain("/etc/wsl.conf");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aNameThatDidNotResolveIsNotConfirmedWithTheResolversWordsAndOnlyServersThatAnsweredAreClaimed() {
        outcomes.add(Scenarios.outcome(ProbeId.NAME_RESOLUTION, new ProbeData.Resolution("www.msftconnecttest.com", List.of(), "getent",
                "no address found for www.msftconnecttest.com")));
        outcomes.add(Scenarios.outcome(ProbeId.DNS_SERVERS, servers(reply("198.18.1.1", DnsReply.Outcome.NXDOMAIN),
                reply("198.18.1.9", DnsReply.Outcome.NO_ANSWER))));
        outcomes.add(Scenarios.outcome(ProbeId.DEFAULT_GATEWAY, new ProbeData.Ping("198.18.1.1", 3, 0, null)));
        Finding f = allClear();
        assertThat(f.explanation()).contains("Checked and working: the DNS server 198.18.1.1 answers.")
                .doesNotContain("198.18.1.9 answers")
                .contains("Not confirmed: that names resolve (no address found for www.msftconnecttest.com); "
                        + "that the default gateway answers (198.18.1.1 did not answer ping");
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void checksThatDidNotFinishAreNotConfirmedAndSaySo() {
        outcomes.add(ended(ProbeId.NAME_RESOLUTION, ProbeStatus.TIMED_OUT));
        outcomes.add(ended(ProbeId.DEFAULT_GATEWAY, ProbeStatus.COMPLETED));
        outcomes.add(ended(ProbeId.CONFIG_FILES, ProbeStatus.TIMED_OUT));
        outcomes.add(ended(ProbeId.LOOPBACK_SELF_TEST, ProbeStatus.SKIPPED));
        Finding f = allClear();
        assertThat(f.title()).isEqualTo("Nothing wrong seen, but nothing could be confirmed either");
        assertThat(f.explanation()).doesNotContain("Checked and working")
                .contains("that names resolve (that check: " + ProbeStatus.TIMED_OUT.words().toLowerCase(java.util.Locale.ROOT) + ")")
                .contains("a way out: this computer has no default gateway")
                .contains("that WSL's settings files read as written (that check: ")
                .contains("that programs here reach their own ports (the check did not run)");
        assertThat(f.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void anUnreadableFileIsNotClaimedAndTheRunWithoutTheWayOutSaysSo() {
        outcomes.add(Scenarios.outcome(ProbeId.CONFIG_FILES, new ProbeData.ConfigFiles(List.of(file(".wslconfig", ConfigFileCheck.UNREADABLE),
                file("/etc/wsl.conf", ConfigFileCheck.READ)))));
        Finding f = allClear();
        assertThat(f.explanation()).contains("WSL reads /etc/wsl.conf as written")
                .contains("Not confirmed: that WSL reads .wslconfig as written (it could not be read)")
                .contains("Names and the way out of this computer (its DNS servers, its default gateway) were not checked in this run.");
        assertThat(f.evidence()).isNotEmpty();
    }
}
