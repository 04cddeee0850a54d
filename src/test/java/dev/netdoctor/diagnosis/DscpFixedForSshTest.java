// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.WslFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the ssh fix the network still drops marked packets (the fix changes what ssh sends):
 * the run after it must say "fixed for ssh", not the hang again with the same fix offered.
 */
class DscpFixedForSshTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private static Scenarios afterTheSshFix() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "none"; // ssh -G for the host: ipqos none none
        return s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT);
    }

    @Test
    void whenTheUsersSshNoLongerMarksAndGetsThroughItIsFixedForSsh() {
        Scenarios s = afterTheSshFix().openssh("af21", Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        List<Finding> findings = diagnoser.diagnose(s.target, s.environment(), s.outcomes);

        // ssh works now, so the run also says there is no problem with the connection
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.DSCP_FIXED_FOR_SSH, FindingId.NO_PROBLEM_FOUND);
        assertThat(Diagnoser.verdict(findings, true)).isEqualTo("Worth knowing: Fixed for ssh: it no longer marks its packets to 198.19.1.2");
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.title()).isEqualTo("Fixed for ssh: it no longer marks its packets to 198.19.1.2");
        assertThat(f.explanation()).contains("your ssh now gets through")
                .contains("The network still drops packets that carry a priority tag, so other programs")
                .contains("other programs").doesNotContain("hangs in SYN-SENT").doesNotContain("fixes it");
        assertThat(f.evidence().getFirst().summary()).isEqualTo("Your ssh's settings for 198.19.1.2 (ssh -G): IPQoS none, so it does not mark its packets");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_NETWORKING_MODE);
        assertThat(findings).as("a note, not a problem: ssh works").noneMatch(x -> x.severity() == Severity.PROBLEM);
    }

    /**
     * The lab's network drops one class (af21, ssh's own) and answers the others: after the ssh fix
     * the all-clear beside "Fixed for ssh" must not claim that connections work "with and without
     * packet marking" while af21 still gets no answer.
     */
    @Test
    void theAllClearBesideFixedForSshNeverSaysMarkedPacketsWork() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "none";
        s.ping(true).route(true).connectsOnlyClassDropped("af21").openssh("af21", Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        List<Finding> findings = diagnoser.diagnose(s.target, s.environment(), s.outcomes);
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.DSCP_FIXED_FOR_SSH, FindingId.NO_PROBLEM_FOUND);
        assertThat(findings.getLast().explanation()).doesNotContain("with and without packet marking").contains("198.19.1.2");
    }

    @Test
    void withoutARunOfTheUsersSshItSaysSshShouldNoLongerHangNotThatItWorks() {
        Scenarios s = afterTheSshFix();
        Finding f = diagnoser.diagnose(s.target, s.environment(), s.outcomes).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.DSCP_FIXED_FOR_SSH);
        assertThat(f.explanation()).contains("so ssh should no longer hang").doesNotContain("gets through");
    }

    @Test
    void inMirroredModeNothingIsLeftToOffer() {
        Scenarios s = afterTheSshFix().openssh("af21", Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        s.wsl = new WslFacts(WslFacts.Kind.WSL2, "Ubuntu", "mirrored", "wslinfo --networking-mode", List.of());
        Finding f = diagnoser.diagnose(s.target, s.environment(), s.outcomes).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.DSCP_FIXED_FOR_SSH);
        assertThat(f.fixes()).isEmpty();
        assertThat(f.explanation()).doesNotContain("Mirrored networking");
    }

    @Test
    void fromWindowsTheDistrosSshAsConfiguredNowDecidesToo() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "none";
        s.ping(true).route(true).unmarkedFromWindows(ConnectResult.CONNECTED).openssh("af21", Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        Finding f = diagnoser.diagnose(s.target, s.environment(), s.outcomes).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.DSCP_FIXED_FOR_SSH);
        assertThat(f.explanation()).contains("your ssh now gets through");
        assertThat(f.evidence()).extracting(e -> e.summary()).contains("Your ssh in WSL with IPQoS=af21: connect timed out");

        s.userQos = "af21"; // before the fix
        Finding problem = diagnoser.diagnose(s.target, s.environment(), s.outcomes).getFirst();
        assertThat(problem.id()).isEqualTo(FindingId.DSCP_MARKED_SYN_DROPPED);
    }

    @Test
    void anSshThatStillHangsUnmarkedIsNotFixed() {
        Scenarios s = afterTheSshFix().openssh("af21", Result.CONNECT_TIMED_OUT, Result.CONNECT_TIMED_OUT);
        List<Finding> findings = diagnoser.diagnose(s.target, s.environment(), s.outcomes);
        assertThat(findings).extracting(Finding::id).doesNotContain(FindingId.DSCP_FIXED_FOR_SSH);
    }

    @Test
    void beforeTheFixTheUsersMarkingStillGivesTheProblem() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "af21";
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        Finding f = diagnoser.diagnose(s.target, s.environment(), s.outcomes).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.DSCP_MARKED_SYN_DROPPED);
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.fixes()).extracting(FixSuggestion::id).startsWith(FixId.SSH_CONFIG_IPQOS_NONE);
    }
}
