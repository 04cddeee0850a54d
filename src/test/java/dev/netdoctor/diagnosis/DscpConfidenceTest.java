// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How sure the DSCP finding is: either a second witness (the SSH handshake or the user's own
 * ssh showing the same contrast) or the drop of the very class the user's ssh uses is enough
 * for HIGH; the bare SYN contrast on other classes alone is MEDIUM.
 */
class DscpConfidenceTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private Finding dscp(Scenarios s) {
        List<Finding> findings = diagnoser.diagnose(s.target, s.environment(), s.outcomes);
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.DSCP_MARKED_SYN_DROPPED);
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        return f;
    }

    @Test
    void theUsersOwnClassDroppedIsEnoughWithoutASecondWitness() {
        // ssh marks lowdelay here, and lowdelay SYNs get no answer; no handshake, no ssh runs.
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT);
        Finding f = dscp(s);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.evidence()).extracting(e -> e.summary()).contains("Your ssh's marking for 198.19.1.2 (IPQoS, from ssh -G): lowdelay")
                .contains("SYN marked lowdelay (ToS 0x10): no answer within 2000 ms", "SYN marked throughput (ToS 0x08): no answer within 2000 ms");
    }

    @Test
    void aSecondWitnessIsEnoughWhenTheUsersClassWasNotAmongThoseSent() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "cs4"; // not among the classes the connects probe sent
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT).handshakes(true, Stage.NOTHING);
        assertThat(dscp(s).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void theUsersSshShowingTheSameContrastIsASecondWitnessToo() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "cs4";
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        Finding f = dscp(s);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.summary()).isEqualTo("Your ssh with IPQoS=cs4: connect timed out"));
    }

    @Test
    void theSynContrastAloneOnOtherClassesIsOnlyMedium() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "cs4";
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT);
        assertThat(dscp(s).confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void aHandshakeThatGotSomewhereWhenMarkedIsNoSecondWitness() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "cs4";
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT).handshakes(true, Stage.KEY_EXCHANGE_STARTED);
        assertThat(dscp(s).confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void anSshThatHangsEvenUnmarkedIsNoSecondWitness() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "cs4";
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT)
                .openssh(Result.CONNECT_TIMED_OUT, Result.CONNECT_TIMED_OUT);
        assertThat(dscp(s).confidence()).isEqualTo(Confidence.MEDIUM);
    }

    /**
     * On a lossy link the user's marked ssh can hang once (its SYN and the resend lost) while the
     * marked-SYN check's rounds got answers with that very marking: no drop of marked packets.
     */
    @Test
    void aMarkedSshHangingOnceIsNoDropWhenTheSameMarkingWasAnsweredRoundAfterRound() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        assertThat(diagnoser.diagnose(s.target, s.environment(), s.outcomes)).extracting(Finding::id)
                .doesNotContain(FindingId.DSCP_MARKED_SYN_DROPPED, FindingId.DSCP_FIXED_FOR_SSH);
    }

    @Test
    void otherMarkingsAnsweredLeaveTheUsersSshHangAsAMediumFinding() {
        Scenarios s = new Scenarios("198.19.1.2");
        s.userQos = "cs4"; // not among the markings the check sent
        s.ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        assertThat(dscp(s).confidence()).isEqualTo(Confidence.MEDIUM);
    }
}
