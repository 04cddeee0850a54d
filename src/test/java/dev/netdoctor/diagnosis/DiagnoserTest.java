// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.WslFacts;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnoserTest {
    private final Diagnoser diagnoser = new Diagnoser();

    private List<Finding> diagnose(Scenarios s) {
        return diagnoser.diagnose(s.target, s.environment(), s.outcomes);
    }

    private static List<FindingId> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    private static Scenarios dscpLab(String address) {
        return new Scenarios(address).ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT)
                .handshakes(true, Stage.NOTHING).openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
    }

    @Test
    void markedSynsVanishingWhileUnmarkedAreAnsweredIsTheDscpProblem() {
        List<Finding> findings = diagnose(dscpLab("198.19.1.2"));
        assertThat(ids(findings)).containsExactly(FindingId.DSCP_MARKED_SYN_DROPPED);
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.fixes()).extracting(x -> x.id()).containsExactly(FixId.SSH_CONFIG_IPQOS_NONE, FixId.WSLCONFIG_NETWORKING_MODE);
        assertThat(f.fixes().getFirst().title()).isEqualTo("Turn off SSH packet marking for 198.19.1.*");
        assertThat(f.explanation()).contains("127 s");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.summary()).contains("SYN marked af21 (ToS 0x48): no answer"));
    }

    @Test
    void mirroredModeIsNotOfferedWhenAlreadyMirroredOrNotWsl() {
        Scenarios s = dscpLab("198.19.1.2");
        s.wsl = new WslFacts(WslFacts.Kind.WSL2, null, "mirrored", "wslinfo", List.of());
        assertThat(diagnose(s).getFirst().fixes()).extracting(x -> x.id()).containsExactly(FixId.SSH_CONFIG_IPQOS_NONE);
        s.wsl = new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of());
        assertThat(diagnose(s).getFirst().fixes()).extracting(x -> x.id()).containsExactly(FixId.SSH_CONFIG_IPQOS_NONE);
    }

    /**
     * WSL mode when the distro cannot send marked SYNs: what the app sent from Windows is unmarked
     * (Windows ignores IP_TOS on TCP), a baseline that the path works; the distro's own ssh,
     * unmarked and marked, shows the drop.
     */
    @Test
    void fromWindowsTheUsersSshCarriesTheContrastAndWindowsIsOnlyTheBaseline() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).unmarkedFromWindows(ConnectResult.CONNECTED)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        List<Finding> findings = diagnose(s);
        assertThat(ids(findings)).containsExactly(FindingId.DSCP_MARKED_SYN_DROPPED);
        Finding f = findings.getFirst();
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.explanation()).contains("Windows does not mark its TCP packets")
                .doesNotContain("marked packets get through").doesNotContain("same marked");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.summary()).startsWith("From Windows, an unmarked SYN"));
        assertThat(f.evidence()).noneSatisfy(e -> assertThat(e.summary()).containsPattern("From Windows.*af21"));
        // In this Linux, the app's own marked connects getting through contradict the ssh contrast: less certain.
        Scenarios local = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        assertThat(diagnose(local).getFirst().confidence()).isEqualTo(Confidence.MEDIUM);
    }

    /** WSL mode with marked SYNs sent from inside the distro: the contrast itself, said to be seen from WSL. */
    @Test
    void markedConnectsFromInsideTheDistroAreTheContrast() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connectsInDistro(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT)
                .openssh(Result.KEY_EXCHANGE_DONE, Result.CONNECT_TIMED_OUT);
        Finding f = diagnose(s).getFirst();
        assertThat(f.id()).isEqualTo(FindingId.DSCP_MARKED_SYN_DROPPED);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.explanation()).startsWith("From inside WSL, 198.19.1.2:22 can be reached").contains("why ssh from Windows works");
    }

    @Test
    void filteredIsNotMistakenForDscp() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.TIMED_OUT, ConnectResult.TIMED_OUT)
                .openssh(Result.CONNECT_TIMED_OUT, Result.CONNECT_TIMED_OUT);
        assertThat(ids(diagnose(s))).containsExactly(FindingId.PORT_FILTERED);
    }

    @Test
    void silenceToPingAndTcpIsAnUnreachableHostNotAFilteredPort() {
        Scenarios s = new Scenarios("198.19.1.2").ping(false).route(true).connects(ConnectResult.TIMED_OUT, ConnectResult.TIMED_OUT);
        List<Finding> findings = diagnose(s);
        assertThat(ids(findings)).containsExactly(FindingId.HOST_UNREACHABLE);
        assertThat(findings.getFirst().confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void noRouteIsUnreachableWithHighConfidence() {
        Scenarios s = new Scenarios("198.19.1.2").ping(false).route(false).connects(ConnectResult.UNREACHABLE, ConnectResult.UNREACHABLE);
        List<Finding> findings = diagnose(s);
        assertThat(ids(findings)).containsExactly(FindingId.HOST_UNREACHABLE);
        assertThat(findings.getFirst().confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aResetIsARefusedPortWhateverTheMarking() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.REFUSED, ConnectResult.REFUSED)
                .openssh(Result.REFUSED, Result.REFUSED);
        assertThat(ids(diagnose(s))).containsExactly(FindingId.PORT_REFUSED);
    }

    @Test
    void aStalledKeyExchangeWithLostLargePacketsIsAPathMtuBlackHole() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakes(false, Stage.KEY_EXCHANGE_STARTED).openssh(Result.STALLED_AFTER_CONNECT, Result.STALLED_AFTER_CONNECT)
                .pathMtu(972, 1172);
        List<Finding> findings = diagnose(s);
        assertThat(ids(findings)).containsExactly(FindingId.PATH_MTU_BLACKHOLE);
        assertThat(findings.getFirst().explanation()).contains("1000 bytes get through").contains("1200 bytes");
    }

    /** Found by a user's run: a port that accepts and then says nothing was called "no problem". */
    @Test
    void aPortThatTakesConnectionsButNeverGreetsIsNoSshServer() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakesStopAt(Stage.TCP_CONNECTED).openssh(Result.STALLED_AFTER_CONNECT, Result.STALLED_AFTER_CONNECT);
        List<Finding> findings = diagnose(s);
        assertThat(ids(findings)).containsExactly(FindingId.SSH_NO_GREETING);
        Finding f = findings.getFirst();
        assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.title()).isEqualTo("Port 22 of 198.19.1.2 takes connections, but no SSH server answers there");
        assertThat(f.explanation()).contains("not the packet-marking problem").contains("portproxy");
        assertThat(Diagnoser.verdict(findings, true)).doesNotStartWith("No problem");
        // Without the user's ssh agreeing: the same finding, less sure.
        Scenarios alone = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakesStopAt(Stage.TCP_CONNECTED);
        assertThat(diagnose(alone)).singleElement().satisfies(x -> {
            assertThat(x.id()).isEqualTo(FindingId.SSH_NO_GREETING);
            assertThat(x.confidence()).isEqualTo(Confidence.MEDIUM);
        });
        // A greeting, then a stall, is not this (that is the path-MTU card's ground).
        Scenarios greeted = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakesStopAt(Stage.BANNER_RECEIVED);
        assertThat(ids(diagnose(greeted))).doesNotContain(FindingId.SSH_NO_GREETING);
    }

    @Test
    void healthySaysNothingIsWrongWithItsEvidence() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connects(ConnectResult.CONNECTED, ConnectResult.CONNECTED)
                .handshakes(true, Stage.KEY_EXCHANGE_DONE).openssh(Result.KEY_EXCHANGE_DONE, Result.KEY_EXCHANGE_DONE);
        List<Finding> findings = diagnose(s);
        assertThat(ids(findings)).containsExactly(FindingId.NO_PROBLEM_FOUND);
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.INFO);
        assertThat(Diagnoser.verdict(findings, true)).startsWith("No problem found");
    }

    @Test
    void whenTheUsersOwnClassGetsThroughItIsOnlyAWarning() {
        Scenarios s = new Scenarios("198.19.1.2").ping(true).route(true).connectsOnlyClassDropped("ef");
        List<Finding> findings = diagnose(s);
        assertThat(findings).extracting(Finding::id).contains(FindingId.DSCP_MARKED_SYN_DROPPED);
        assertThat(findings.getFirst().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void withoutEvidenceNothingIsConcluded() {
        Scenarios s = new Scenarios("198.19.1.2");
        List<Finding> findings = diagnose(s);
        assertThat(findings).isEmpty();
        assertThat(Diagnoser.verdict(findings, false)).contains("did not complete");
    }

    @Test
    void noTargetMeansAnEnvironmentOnlyResult() {
        Scenarios s = new Scenarios("198.19.1.2");
        assertThat(diagnoser.diagnose(null, s.environment(), List.of())).extracting(Finding::id).containsExactly(FindingId.ENVIRONMENT_ONLY);
    }

    /** Findings come from the contrast observed, never from which address or network it was. */
    @Property(tries = 50)
    void theVerdictDoesNotDependOnTheAddress(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 1, max = 254) int b) {
        String address = "198." + (18 + a % 2) + "." + a + "." + b;
        assertThat(ids(diagnose(dscpLab(address)))).containsExactly(FindingId.DSCP_MARKED_SYN_DROPPED);
        assertThat(ids(diagnose(dscpLab("192.168.1." + b)))).containsExactly(FindingId.DSCP_MARKED_SYN_DROPPED);
    }
}
