package dev.netdoctor.ui;

import dev.netdoctor.session.SessionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one place where engine events cross onto the FX thread. Events from many threads are
 * queued and handed over in batches by a single pending runLater, so a burst of progress
 * never floods the FX thread; of the socket snapshots in a batch only the newest counts.
 */
final class FxEventPump implements Consumer<SessionEvent> {
    private final ConcurrentLinkedQueue<SessionEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<SessionEvent> onFxThread;
    private final Consumer<Runnable> toFxThread;

    /** @param toFxThread how to get onto the FX thread: {@code Platform::runLater}, or a test's own thread */
    FxEventPump(Consumer<SessionEvent> onFxThread, Consumer<Runnable> toFxThread) {
        this.onFxThread = onFxThread;
        this.toFxThread = toFxThread;
    }

    @Override
    public void accept(SessionEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            toFxThread.accept(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<SessionEvent> batch = new ArrayList<>();
        SessionEvent e;
        while ((e = queue.poll()) != null) {
            batch.add(e);
        }
        SessionEvent.SocketSnapshot newest = null;
        for (SessionEvent event : batch) {
            if (event instanceof SessionEvent.SocketSnapshot s) {
                newest = s;
            }
        }
        for (SessionEvent event : batch) {
            if (!(event instanceof SessionEvent.SocketSnapshot) || event == newest) {
                onFxThread.accept(event);
            }
        }
    }
}
