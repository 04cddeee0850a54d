// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target asked about as no SSH server (a company web page on 443): the rules that judge SSH
 * say nothing, and marked SYNs dropped while unmarked ones pass is a note, not the problem,
 * since browsers and curl do not mark their packets.
 */
class NonSshTargetRulesTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private List<Finding> diagnose(Scenarios s, boolean ssh) {
        return diagnoser.diagnose(s.target, ssh, s.environment(), s.outcomes, true);
    }

    @Test
    void markedSynsDroppedAreANoteWithoutTheSshFixWhenTheTargetIsNoSshServer() {
        Scenarios s = new Scenarios("198.19.1.2:443").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT);

        List<Finding> findings = diagnose(s, false);

        Finding dscp = findings.stream().filter(f -> f.id() == FindingId.DSCP_MARKED_SYN_DROPPED).findFirst().orElseThrow();
        assertThat(dscp.severity()).isEqualTo(Severity.INFO);
        assertThat(dscp.fixes()).isEmpty();
        assertThat(dscp.title()).contains("198.19.1.2").contains("browser is not affected");
        assertThat(dscp.explanation()).contains("port 443").contains("do not tag").contains("lowdelay");
        assertThat(dscp.evidence()).extracting(e -> e.summary()).contains("SYN marked lowdelay (ToS 0x10): no answer within 2000 ms")
                .noneMatch(e -> e.contains("Your ssh"));
        assertThat(findings).noneMatch(f -> f.severity() == Severity.PROBLEM);
        // the service itself answered: that is still said
        assertThat(findings).extracting(Finding::id).contains(FindingId.NO_PROBLEM_FOUND);
    }

    @Test
    void theSameDropIsTheProblemWhenTheTargetIsAnSshServer() {
        Scenarios s = new Scenarios("198.19.1.2:443").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT);

        assertThat(diagnose(s, true)).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(FindingId.DSCP_MARKED_SYN_DROPPED);
            assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        });
    }

    @Test
    void noGreetingIsNeverSaidOfATargetThatIsNoSshServer() {
        Scenarios s = new Scenarios("198.19.1.2:443").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakesStopAt(Stage.TCP_CONNECTED);

        assertThat(diagnose(s, true)).extracting(Finding::id).containsExactly(FindingId.SSH_NO_GREETING);
        assertThat(diagnose(s, false)).extracting(Finding::id).doesNotContain(FindingId.SSH_NO_GREETING);
        // as a real run asks it: no SSH checks at all, so no handshake data either
        Scenarios noSshChecks = new Scenarios("198.19.1.2:443").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED);
        assertThat(noSshChecks.outcomes).noneMatch(ProbeId.SSH_HANDSHAKE::is);
        assertThat(diagnose(noSshChecks, false)).extracting(Finding::id).containsExactly(FindingId.NO_PROBLEM_FOUND);
    }
}
