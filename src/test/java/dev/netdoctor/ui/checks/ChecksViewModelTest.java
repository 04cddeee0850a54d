// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.checks;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.session.SessionEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Running checks step's model, without the FX toolkit: every check is shown, each as it ended. */
class ChecksViewModelTest {
    private static ProbeOutcome ended(ProbeId id, ProbeStatus status) {
        return new ProbeOutcome(id, "check " + id, status, status.name(), Map.of(), 100, 5, null, List.of(), null);
    }

    @Test
    void aCheckThatNeverStartedIsShownAndEachEndingHasItsOwnWord() {
        ChecksViewModel checks = new ChecksViewModel();
        checks.started();
        checks.accept(new SessionEvent.ProbeStarted(ProbeId.PING, "check " + ProbeId.PING, 0));
        checks.accept(new SessionEvent.ProbeFinished(ended(ProbeId.PING, ProbeStatus.COMPLETED), 10));
        checks.accept(new SessionEvent.ProbeStarted(ProbeId.SSH_HANDSHAKE, "check " + ProbeId.SSH_HANDSHAKE, 0));
        checks.accept(new SessionEvent.ProbeFinished(ended(ProbeId.SSH_HANDSHAKE, ProbeStatus.TIMED_OUT), 20));
        // The run's deadline struck before this stage began: finished without a start event.
        checks.accept(new SessionEvent.ProbeFinished(ended(ProbeId.PATH_MTU, ProbeStatus.TIMED_OUT), 30));
        checks.accept(new SessionEvent.ProbeFinished(ended(ProbeId.OUTSIDE_VANTAGE, ProbeStatus.CANCELLED), 40));
        assertThat(checks.probes()).extracting(ProbeRow::id).containsExactly(ProbeId.PING, ProbeId.SSH_HANDSHAKE, ProbeId.PATH_MTU, ProbeId.OUTSIDE_VANTAGE);
        assertThat(checks.probes()).extracting(r -> r.stateProperty().get()).containsExactly(ProbeRow.State.DONE,
                ProbeRow.State.COULD_NOT_FINISH, ProbeRow.State.COULD_NOT_FINISH, ProbeRow.State.STOPPED);
        assertThat(checks.probes().get(2).title()).isEqualTo("check path-mtu");
    }

    @Test
    void anEmptyTableSaysYetOnlyWhileTheChecksRun() {
        ChecksViewModel checks = new ChecksViewModel();
        checks.started();
        assertThat(checks.noConnectionsText().get()).isEqualTo("No open connections yet.");
        checks.finished();
        assertThat(checks.noConnectionsText().get()).isEqualTo("No open connections were seen.");
        assertThat(checks.noRoutesText().get()).isEqualTo("No route was looked up.");
    }

    @Test
    void theUsersSshIsNamedAsTheirsAndOurChecksAsOurs() {
        SocketRow yours = SocketRow.of(new dev.netdoctor.model.TcpConnection("SYN_SENT", "198.18.0.2", 51234, "198.18.1.56", 22, 4242, "ssh",
                "ssh admin@198.18.1.56", 12_400, false));
        SocketRow ours = SocketRow.of(new dev.netdoctor.model.TcpConnection("ESTABLISHED", "198.18.0.2", 51310, "198.18.1.56", 22, 778, "ssh",
                "ssh -o IPQoS=none", 0, true));
        SocketRow unknown = SocketRow.of(new dev.netdoctor.model.TcpConnection("SYN_SENT", "198.18.0.2", 51311, "198.18.1.56", 22, -1, null,
                null, 0, false));
        assertThat(yours.process()).isEqualTo("your ssh");
        assertThat(yours.yours()).isTrue();
        assertThat(ours.process()).isEqualTo("this check");
        assertThat(ours.yours()).isFalse();
        assertThat(unknown.yours()).isFalse();
    }

    @Test
    void aUsersSshThatWaitedBeforeTheChecksShowsItsWholeWait() {
        // Seen for 1.9 s by our watcher, but the ssh has been running (and connecting) for 3 min 5 s.
        SocketRow ssh = SocketRow.of(new dev.netdoctor.model.TcpConnection("SYN_SENT", "198.18.0.2", 51234, "198.18.1.56", 22, 4242, "ssh",
                "ssh admin@198.18.1.56", 1_900, false, false, 185_000));
        assertThat(ssh.waited()).isEqualTo("3 min 5 s");
        SocketRow unknownStart = SocketRow.of(new dev.netdoctor.model.TcpConnection("SYN_SENT", "198.18.0.2", 51234, "198.18.1.56", 22, 4242,
                "ssh", "ssh admin@198.18.1.56", 1_900, false));
        assertThat(unknownStart.waited()).isEqualTo("1.9 s");
        // Our own checks' connects are timed by us: their program (this app) has run far longer.
        SocketRow ours = SocketRow.of(new dev.netdoctor.model.TcpConnection("SYN_SENT", "198.18.0.2", 51300, "198.18.1.56", 22, 777, "java",
                "wsl-net-doctor", 900, true, false, 600_000));
        assertThat(ours.waited()).isEqualTo("0.9 s");
    }
}
