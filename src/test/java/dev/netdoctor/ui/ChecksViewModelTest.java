// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.session.SessionEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Running checks step's model, without the FX toolkit: every check is shown, each as it ended. */
class ChecksViewModelTest {
    private static ProbeOutcome ended(String id, ProbeStatus status) {
        return new ProbeOutcome(id, "check " + id, status, status.name(), Map.of(), 100, 5, null, List.of(), null);
    }

    @Test
    void aCheckThatNeverStartedIsShownAndEachEndingHasItsOwnWord() {
        ChecksViewModel checks = new ChecksViewModel();
        checks.started();
        checks.accept(new SessionEvent.ProbeStarted("ran", "check ran", 0));
        checks.accept(new SessionEvent.ProbeFinished(ended("ran", ProbeStatus.COMPLETED), 10));
        checks.accept(new SessionEvent.ProbeStarted("slow", "check slow", 0));
        checks.accept(new SessionEvent.ProbeFinished(ended("slow", ProbeStatus.TIMED_OUT), 20));
        // The run's deadline struck before this stage began: finished without a start event.
        checks.accept(new SessionEvent.ProbeFinished(ended("later", ProbeStatus.TIMED_OUT), 30));
        checks.accept(new SessionEvent.ProbeFinished(ended("stopped", ProbeStatus.CANCELLED), 40));
        assertThat(checks.probes()).extracting(ProbeRow::id).containsExactly("ran", "slow", "later", "stopped");
        assertThat(checks.probes()).extracting(r -> r.stateProperty().get()).containsExactly(ProbeRow.State.DONE,
                ProbeRow.State.COULD_NOT_FINISH, ProbeRow.State.COULD_NOT_FINISH, ProbeRow.State.STOPPED);
        assertThat(checks.probes().get(2).title()).isEqualTo("check later");
    }
}
