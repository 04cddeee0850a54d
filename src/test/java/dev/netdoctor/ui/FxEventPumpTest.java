// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.session.SessionEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FX thread gets coalesced batches, at most one per 250 ms, and nothing is lost or
 * reordered that the user reads: the clock and the timer are the test's own.
 */
class FxEventPumpTest {
    private final List<SessionEvent> shown = new ArrayList<>();
    private final List<Runnable> onFx = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private final List<Runnable> timed = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FxEventPump pump = new FxEventPump(shown::add, onFx::add, now::get, (task, millis) -> {
        delays.add(millis);
        timed.add(task);
    });

    private void runFx() {
        List<Runnable> due = new ArrayList<>(onFx);
        onFx.clear();
        due.forEach(Runnable::run);
    }

    private static SessionEvent progress(ProbeId probe, double fraction) {
        return new SessionEvent.ProbeProgress(probe, fraction, "at " + fraction, 0);
    }

    @Test
    void aSteadyStreamBecomesAtMostFourBatchesASecond() {
        pump.accept(progress(ProbeId.DSCP_CONNECT, 0.1));
        assertThat(onFx).as("the first event goes at once").hasSize(1);
        runFx();
        assertThat(shown).hasSize(1);

        now.addAndGet(50_000_000L); // 50 ms later
        pump.accept(progress(ProbeId.DSCP_CONNECT, 0.2));
        pump.accept(progress(ProbeId.DSCP_CONNECT, 0.3));
        assertThat(onFx).as("too soon: nothing for the FX thread yet").isEmpty();
        assertThat(delays).containsExactly(200L);

        now.addAndGet(200_000_000L);
        timed.getFirst().run();
        runFx();
        assertThat(shown).extracting(e -> ((SessionEvent.ProbeProgress) e).fraction()).as("only the newest of the batch")
                .containsExactly(0.1, 0.3);
    }

    @Test
    void startsFinishesAndEachChecksNewestProgressPassInOrder() {
        pump.accept(progress(ProbeId.NAME_RESOLUTION, 0));
        runFx();
        shown.clear();
        now.addAndGet(10_000_000L);
        List<SessionEvent> sent = List.of(
                new SessionEvent.ProbeStarted(ProbeId.PING, "Ping", 0),
                progress(ProbeId.PING, 0.2), progress(ProbeId.ROUTES, 0.5), progress(ProbeId.PING, 0.9),
                new SessionEvent.SocketSnapshot(List.of(), 1), new SessionEvent.SocketSnapshot(List.of(), 2),
                progress(ProbeId.ROUTES, 0.7));
        sent.forEach(pump::accept);
        timed.getFirst().run();
        runFx();
        assertThat(shown).containsExactly(sent.get(0), sent.get(3), sent.get(5), sent.get(6));
    }

    @Test
    void flushHandsOverAtOnceSoTheLastEventsComeBeforeTheResult() {
        pump.accept(progress(ProbeId.PING, 0.1));
        runFx();
        now.addAndGet(1_000_000L);
        SessionEvent last = new SessionEvent.ProbeStarted(ProbeId.ROUTES, "Routes", 5);
        pump.accept(last);
        assertThat(onFx).isEmpty();
        pump.flush();
        assertThat(shown).endsWith(last);
        timed.getFirst().run();
        runFx();
        assertThat(shown).as("the late timer finds nothing more").hasSize(2);
    }
}
