// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.session.SessionEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one place where engine events cross onto the FX thread. Events from many threads are
 * queued and handed over in batches, at most one batch per {@link #MIN_GAP_MILLIS}, so that
 * clicks are never queued behind a stream of progress: the FX thread gets a few coalesced
 * updates a second. In a batch only the newest socket snapshot counts, and only the newest
 * progress of each check; starts, finishes and findings all pass, in order.
 */
final class FxEventPump implements Consumer<SessionEvent> {
    /** At most four batches a second: the live view stays live and the window stays responsive. */
    static final long MIN_GAP_MILLIS = 250;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-event-pump");
        t.setDaemon(true);
        return t;
    });

    private final ConcurrentLinkedQueue<SessionEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<SessionEvent> onFxThread;
    private final Consumer<Runnable> toFxThread;
    private final LongSupplier nanoTime;
    private final BiConsumer<Runnable, Long> afterMillis;
    private volatile long lastDrainNanos = Long.MIN_VALUE / 2;

    /** @param toFxThread how to get onto the FX thread: {@code Platform::runLater}, or a test's own thread */
    FxEventPump(Consumer<SessionEvent> onFxThread, Consumer<Runnable> toFxThread) {
        this(onFxThread, toFxThread, System::nanoTime, (task, millis) -> TIMER.schedule(task, millis, TimeUnit.MILLISECONDS));
    }

    /** With the clock and the timer a test chooses. */
    FxEventPump(Consumer<SessionEvent> onFxThread, Consumer<Runnable> toFxThread, LongSupplier nanoTime,
                BiConsumer<Runnable, Long> afterMillis) {
        this.onFxThread = onFxThread;
        this.toFxThread = toFxThread;
        this.nanoTime = nanoTime;
        this.afterMillis = afterMillis;
    }

    @Override
    public void accept(SessionEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            long waitMillis = MIN_GAP_MILLIS - TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - lastDrainNanos);
            if (waitMillis <= 0) {
                toFxThread.accept(this::drain);
            } else {
                afterMillis.accept(() -> toFxThread.accept(this::drain), waitMillis);
            }
        }
    }

    /**
     * Hands over whatever is queued now, on the FX thread: called when the run has ended, so the
     * last events are shown before the result, never after it.
     */
    void flush() {
        drain();
    }

    private void drain() {
        scheduled.set(false);
        lastDrainNanos = nanoTime.getAsLong();
        List<SessionEvent> batch = new ArrayList<>();
        SessionEvent e;
        while ((e = queue.poll()) != null) {
            batch.add(e);
        }
        SessionEvent newestSockets = null;
        Map<dev.netdoctor.model.ProbeId, SessionEvent> newestProgress = new HashMap<>();
        for (SessionEvent event : batch) {
            if (event instanceof SessionEvent.SocketSnapshot) {
                newestSockets = event;
            } else if (event instanceof SessionEvent.ProbeProgress p) {
                newestProgress.put(p.probeId(), p);
            }
        }
        for (SessionEvent event : batch) {
            boolean superseded = event instanceof SessionEvent.SocketSnapshot && event != newestSockets
                    || event instanceof SessionEvent.ProbeProgress p && newestProgress.get(p.probeId()) != event;
            if (!superseded) {
                onFxThread.accept(event);
            }
        }
    }
}
