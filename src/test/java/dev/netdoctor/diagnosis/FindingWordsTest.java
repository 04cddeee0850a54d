// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.TcpConnection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the user reads: the verdict line, the healthy results, and the evidence a finding lists. */
class FindingWordsTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private List<Finding> diagnose(Scenarios s) {
        return diagnoser.diagnose(s.target, s.environment(), s.outcomes);
    }

    private static List<String> evidence(Finding f) {
        return f.evidence().stream().map(Evidence::summary).toList();
    }

    /** The probe's outcome as recorded, with the evidence lines it showed. */
    private static ProbeOutcome withEvidence(ProbeOutcome o, String... lines) {
        return new ProbeOutcome(o.probeId(), o.title(), o.status(), o.summary(), o.parameters(), 0, 1, o.data(),
                java.util.Arrays.stream(lines).map(Evidence::of).toList(), null);
    }

    private static Finding finding(String name, Severity severity) {
        FindingId id = switch (severity) {
            case PROBLEM -> FindingId.PORT_REFUSED;
            case WARNING -> FindingId.LOCAL_CONNECT_BLOCKED;
            case INFO -> FindingId.NO_PROBLEM_FOUND;
        };
        return new Finding(id, severity, Confidence.HIGH, "title of " + name, "x", List.of(), List.of());
    }

    @Test
    void theVerdictLineNamesTheProblemFirstThenAWarningThenWhatWasFound() {
        List<Finding> mixed = List.of(finding("w", Severity.WARNING), finding("p", Severity.PROBLEM), finding("i", Severity.INFO));
        assertThat(Diagnoser.verdict(mixed, true)).isEqualTo("title of p");
        assertThat(Diagnoser.verdict(List.of(finding("i", Severity.INFO), finding("w", Severity.WARNING)), true))
                .isEqualTo("Worth knowing: title of w");
        assertThat(Diagnoser.verdict(List.of(finding("i", Severity.INFO)), true)).isEqualTo("title of i");
        assertThat(Diagnoser.verdict(List.of(), true)).isEqualTo("No conclusion: the checks did not gather enough evidence");
        assertThat(Diagnoser.verdict(mixed, false)).isEqualTo("title of p (the run did not complete)");
    }

    @Test
    void aHealthyTargetSaysWhatWorkedAndShowsTheChecksEvidence() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakes(true, Stage.KEY_EXCHANGE_DONE).openssh(Result.KEY_EXCHANGE_DONE, Result.KEY_EXCHANGE_DONE);
        s.outcomes.replaceAll(o -> withEvidence(o, "seen by " + o.probeId()));
        Finding f = diagnose(s).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.NO_PROBLEM_FOUND);
        assertThat(f.title()).isEqualTo("No problem found with 198.19.1.2:22");
        assertThat(f.explanation()).startsWith("Connections to 198.19.1.2:22 work, with and without packet marking, and the SSH handshake completes.");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(evidence(f)).containsExactly("seen by dscp-connect", "seen by ssh-handshake", "seen by openssh-client");
    }

    @Test
    void aHealthyTargetWithoutACompletedHandshakeIsLessCertain() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.REFUSED)
                .handshakes(true, Stage.BANNER_RECEIVED);
        List<Finding> findings = diagnose(s);
        Finding f = findings.stream().filter(x -> x.id().equals(FindingId.NO_PROBLEM_FOUND)).findFirst().orElseThrow();
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        // a refusal is an answer: marking does not stop packets here
        assertThat(f.explanation()).startsWith("Connections to 198.19.1.2:22 work, with and without packet marking. If ssh still fails");
        Scenarios silentMarked = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.ERROR);
        assertThat(diagnose(silentMarked)).filteredOn(x -> x.id().equals(FindingId.NO_PROBLEM_FOUND)).singleElement()
                .satisfies(x -> assertThat(x.explanation()).startsWith("Connections to 198.19.1.2:22 work. If ssh"));
    }

    @Test
    void aRefusedUnmarkedConnectIsNoHealthyResult() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.REFUSED, ConnectResult.REFUSED);
        assertThat(diagnose(s)).extracting(Finding::id).doesNotContain(FindingId.NO_PROBLEM_FOUND);
    }

    @Test
    void withoutATargetTheOwnPortsCheckDecidesHowSureWeAre() {
        Scenarios s = new Scenarios("198.19.1.2");
        ProbeOutcome self = withEvidence(Scenarios.outcome(ProbeId.LOOPBACK_SELF_TEST, new ProbeData.LoopbackSelfTest(40000, List.of(
                new LocalConnect("127.0.0.1", "loopback", 40000, ConnectResult.CONNECTED, 1, null)))), "127.0.0.1 reached");
        Finding sure = diagnoser.diagnose(null, s.environment(), List.of(self)).getFirst();
        assertThat(sure.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(sure.title()).isEqualTo("Programs here reach their own ports");
        assertThat(sure.explanation()).startsWith("Checked and working: programs on this computer reach their own ports.")
                .contains("Names and the way out of this computer (its DNS servers, its default gateway) were not checked in this run.");
        assertThat(evidence(sure)).containsExactly("127.0.0.1 reached");
        ProbeOutcome unfinished = new ProbeOutcome(ProbeId.LOOPBACK_SELF_TEST, ProbeId.LOOPBACK_SELF_TEST.id(), ProbeStatus.FAILED, "", Map.of(), 0, 1, null,
                List.of(), "interrupted");
        Finding unsure = diagnoser.diagnose(null, s.environment(), List.of(unfinished)).getFirst();
        assertThat(unsure.confidence()).isEqualTo(Confidence.LOW);
        assertThat(unsure.title()).isEqualTo("Nothing wrong seen, but nothing could be confirmed either");
        assertThat(unsure.explanation()).startsWith("Not confirmed: that programs here reach their own ports (that check: ");
    }

    @Test
    void theDscpFindingListsTheWaitingSshAndHowLongItWillWait() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT)
                .handshakes(true, Stage.NOTHING);
        List<TcpConnection> waiting = List.of(
                new TcpConnection("SYN-SENT", "198.18.1.2", 50000, "198.19.1.2", 22, 4242, "ssh", "ssh nas", 12_500, false, false),
                new TcpConnection("SYN-SENT", "198.18.1.2", 50001, "198.19.1.2", 22, 1, "java", "ours", 900, true, false),
                // seen once, owner gone before it was read: one of this run's own short connects
                new TcpConnection("SYN-SENT", "198.18.1.2", 50002, "198.19.1.2", 22, -1, null, null, 0, false, false),
                // an unknown owner waiting for seconds is someone's hung connection all the same
                new TcpConnection("SYN-SENT", "198.18.1.2", 50003, "198.19.1.2", 22, -1, null, null, 3_000, false, false));
        s.outcomes.add(Scenarios.outcome(ProbeId.SOCKET_TABLE, new ProbeData.Sockets(waiting, List.of())));
        Finding f = diagnose(s).getFirst();
        assertThat(evidence(f)).contains("ssh (pid 4242) has been waiting in SYN-SENT for 198.19.1.2:22 for at least 12 s")
                .contains("unknown process has been waiting in SYN-SENT for 198.19.1.2:22 for at least 3 s")
                .noneMatch(e -> e.contains("for at least 0 s"))
                .noneMatch(e -> e.startsWith("java"))
                .contains("Without a ConnectTimeout, ssh waits about 127 s for an answer before giving up (tcp_syn_retries=6)")
                .contains("Unmarked SYN to 198.19.1.2:22: connected in 5 ms")
                .contains("SYN marked af21 (ToS 0x48): no answer within 2000 ms")
                .contains("SSH handshake unmarked: reached the server's host key (SSH-2.0-OpenSSH_9.2p1)")
                .contains("SSH handshake marked lowdelay: got no connection at all");
        assertThat(evidence(f)).contains("Your ssh's marking for 198.19.1.2 (IPQoS, from ssh -G): lowdelay");
        assertThat(f.explanation()).contains("hangs while connecting and waits about 127 s before giving up")
                .startsWith("Your computer can reach 198.19.1.2:22: a plain connection attempt was answered.")
                .doesNotContain("From inside WSL");
    }

    @Test
    void aRefusedUnmarkedSynIsStillTheContrastAndSaidSo() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.REFUSED, ConnectResult.TIMED_OUT);
        Finding f = diagnose(s).stream().filter(x -> x.id().equals(FindingId.DSCP_MARKED_SYN_DROPPED)).findFirst().orElseThrow();
        assertThat(evidence(f)).contains("Unmarked SYN to 198.19.1.2:22: answered (refused) in 5 ms");
    }

    @Test
    void theUsersClassDroppedWhileOthersGetThroughIsStillTheProblem() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connectsOnlyClassDropped("lowdelay");
        Finding f = diagnose(s).getFirst();
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.explanation()).contains("ssh marks its packets with a priority tag, and packets carrying such a tag got no answer");
        assertThat(evidence(f)).contains("SYN marked lowdelay (ToS 0x10): no answer within 5 ms");
        assertThat(evidence(f)).contains("SYN marked af21 (ToS 0x48): connected in 5 ms");
    }

    @Test
    void aWarningForOtherClassesNamesThemAndTheUsersClass() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connectsOnlyClassDropped("ef");
        Finding f = diagnose(s).getFirst();
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.title()).isEqualTo("Some marked packets are dropped on the way to 198.19.1.2");
        assertThat(f.explanation()).startsWith("Connections carrying some priority tags got no answer while untagged ones did. "
                + "The tag your ssh uses for this host does get through");
        assertThat(evidence(f)).contains("SYN marked ef (ToS 0xb8): no answer within 5 ms", "Your ssh's marking for 198.19.1.2 (IPQoS, from ssh -G): lowdelay");
        assertThat(f.fixes()).extracting(x -> x.id()).startsWith(FixId.SSH_CONFIG_IPQOS_NONE);
    }

    @Test
    void fromWindowsTheDistrosSshRunsAreTheEvidence() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).unmarkedFromWindows(ConnectResult.CONNECTED)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        Finding f = diagnose(s).getFirst();
        assertThat(evidence(f)).contains("Your ssh in WSL with IPQoS=none: key exchange done",
                        "Your ssh in WSL with IPQoS=lowdelay: connect timed out",
                        "From Windows, an unmarked SYN (Windows does not mark TCP packets): answered in 5 ms",
                        "Without a ConnectTimeout, ssh waits about 127 s for an answer before giving up (tcp_syn_retries=6)");
        assertThat(f.explanation()).contains("hangs while connecting when it marks them.")
                .contains("From Windows an unmarked connection gets through as well");
        // Not from Windows (no "from"): no Windows baseline is claimed.
        Scenarios here = new Scenarios("198.19.1.2").ping(true).route(true);
        here.outcomes.add(Scenarios.outcome(ProbeId.DSCP_CONNECT, new ProbeData.MarkedConnects("198.19.1.2", 22, List.of(
                new dev.netdoctor.model.ConnectAttempt(dev.netdoctor.model.DscpClass.UNMARKED, ConnectResult.TIMED_OUT, 2000, null)))));
        here.openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        Finding g = diagnose(here).getFirst();
        assertThat(g.explanation()).doesNotContain("From Windows");
        assertThat(evidence(g)).noneMatch(e -> e.startsWith("From Windows"));
        // Without the plain ssh getting through, the contrast is not there.
        Scenarios noPlain = new Scenarios("198.19.1.2").ping(true).route(true).unmarkedFromWindows(ConnectResult.CONNECTED)
                .openssh(Result.CONNECT_TIMED_OUT, Result.CONNECT_TIMED_OUT);
        assertThat(diagnose(noPlain)).extracting(Finding::id).doesNotContain(FindingId.DSCP_MARKED_SYN_DROPPED);
    }

    /** "No answer within 300 ms" is one line of five rounds: the finding says how often and how long, where the check said so. */
    @Test
    void theDscpFindingSaysHowOftenAndHowLongTheMarkedSynsWereWaitedFor() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT);
        assertThat(evidence(diagnose(s).getFirst())).as("a result saved before the rounds").noneMatch(e -> e.startsWith("Sent in"));
        ProbeOutcome o = s.outcomes.removeLast();
        s.outcomes.add(new ProbeOutcome(o.probeId(), o.title(), o.status(), o.summary(),
                Map.of("from", "this Linux", "rounds", "5", "rttMillis", "14", "waitMillis", "300"), 0, 1, o.data(), List.of(), null));
        assertThat(evidence(diagnose(s).getFirst())).contains(
                "Sent in 5 rounds, each marked SYN beside an unmarked one; the unmarked SYNs came back within 14 ms, each marked SYN was waited for 300 ms");
    }
}
