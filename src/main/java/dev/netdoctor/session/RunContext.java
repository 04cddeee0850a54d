// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.probe.ProbeContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one run shares between its stages and its probes: the request, the clock, the threads,
 * the stop switch, the listener, and the settings files read so far.
 */
final class RunContext {
    private static final System.Logger LOG = System.getLogger(DiagnosisSession.class.getName());

    private final HostInspector inspector;
    private final DiagnosisRequest request;
    private final Consumer<SessionEvent> listener;
    /**
     * Platform threads, not virtual ones: virtual threads are not preempted, so two CPU-bound
     * SSH key exchanges would hold both carriers of a 2-core laptop while the timing-sensitive
     * checks wait. The OS shares the CPU fairly between platform threads.
     */
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("probe-", 0).factory());
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    /** Settings files read in this run, by path (see {@link ProbeContext#readSettingsFile}). */
    private final Map<String, SettingsFile> settingsFiles = new ConcurrentHashMap<>();
    private volatile boolean cancelled;
    /** The socket watch's latest snapshot in this run, for checks that wait to be seen waiting. */
    private volatile List<TcpConnection> latestSockets = List.of();
    private long startNanos;

    RunContext(HostInspector inspector, DiagnosisRequest request, Consumer<SessionEvent> listener) {
        this.inspector = Objects.requireNonNull(inspector);
        this.request = Objects.requireNonNull(request);
        this.listener = listener == null ? e -> { } : listener;
    }

    HostInspector inspector() {
        return inspector;
    }

    DiagnosisRequest request() {
        return request;
    }

    ExecutorService pool() {
        return pool;
    }

    /** The clock starts, and nothing read by an earlier run is reused. */
    void start() {
        startNanos = System.nanoTime();
        settingsFiles.clear();
    }

    long startNanos() {
        return startNanos;
    }

    long elapsed() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** The run learnt it was stopped (an interrupt, a pool that refuses work) rather than told. */
    void markCancelled() {
        cancelled = true;
    }

    /** Stops every probe: their threads are interrupted and what they registered to stop is stopped. */
    void cancel() {
        cancelled = true;
        pool.shutdownNow();
        for (Runnable stop : cancelActions) {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "cancel action failed", e);
            }
        }
    }

    /**
     * Interrupts what is still running (cancelled, stuck or overrun checks, the scan) and waits for
     * it to end, so that when the result is in nothing of this run is left: no check that goes on
     * starting commands, no command it started (each is killed and reaped by {@link LinuxSide#run}
     * when interrupted). Bounded: a check that ignores interruption is left behind after
     * {@code limit}, never waited for.
     */
    void stopAndWait(Duration limit) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "a check did not stop within " + limit.toMillis() + " ms of being interrupted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A listener that throws must not end the diagnosis. */
    void emit(SessionEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event listener failed on " + event.getClass().getSimpleName(), e);
        }
    }

    /** What one probe of a stage sees of the run. */
    ProbeContext forProbe(ProbeId probeId, Environment environment, String address, List<ProbeOutcome> earlier,
                          AtomicInteger unfinished) {
        return forProbe(probeId, environment, address, earlier, unfinished, Map.of());
    }

    /** @param siblings the stage's checks as they start, by id (see {@link ProbeContext#siblingReport}) */
    ProbeContext forProbe(ProbeId probeId, Environment environment, String address, List<ProbeOutcome> earlier,
                          AtomicInteger unfinished, Map<ProbeId, java.util.concurrent.Future<dev.netdoctor.probe.ProbeReport>> siblings) {
        return new Context(probeId, environment, address, earlier, unfinished, siblings);
    }

    /**
     * One settings file of this run, read by the first probe that asks; a probe of the same stage
     * asking meanwhile waits for that read (bounded by the Linux side's own limits) instead of
     * making a second one. A read that throws is not kept, so the next probe tries again.
     */
    private static final class SettingsFile {
        private Optional<byte[]> text;

        synchronized Optional<byte[]> read(Supplier<Optional<byte[]>> reader) {
            if (text == null) {
                text = reader.get();
            }
            return text;
        }
    }

    private final class Context implements ProbeContext {
        private final ProbeId probeId;
        private final Environment environment;
        private final String address;
        private final List<ProbeOutcome> earlier;
        private final AtomicInteger unfinished;
        private final Map<ProbeId, java.util.concurrent.Future<dev.netdoctor.probe.ProbeReport>> siblings;

        Context(ProbeId probeId, Environment environment, String address, List<ProbeOutcome> earlier,
                AtomicInteger unfinished, Map<ProbeId, java.util.concurrent.Future<dev.netdoctor.probe.ProbeReport>> siblings) {
            this.probeId = probeId;
            this.environment = environment;
            this.address = address;
            this.earlier = earlier;
            this.unfinished = unfinished;
            this.siblings = siblings;
        }

        @Override
        public boolean othersFinished() {
            return unfinished.get() <= 1;
        }

        @Override
        public Optional<dev.netdoctor.probe.ProbeReport> siblingReport(ProbeId id) {
            java.util.concurrent.Future<dev.netdoctor.probe.ProbeReport> f = siblings.get(id);
            if (f == null || !f.isDone() || f.isCancelled() || id == probeId) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(f.resultNow());
            } catch (IllegalStateException failed) {
                return Optional.empty(); // it failed: its outcome says how, nothing to read here
            }
        }

        @Override
        public void onCancel(Runnable stop) {
            cancelActions.add(stop);
            if (cancelled) {
                stop.run();
            }
        }

        @Override
        public DiagnosisRequest request() {
            return request;
        }

        @Override
        public Target target() {
            return request.target();
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public Environment environment() {
            return environment;
        }

        @Override
        public List<ProbeOutcome> earlierOutcomes() {
            return earlier;
        }

        @Override
        public LinuxSide linux() {
            return inspector.linux();
        }

        @Override
        public Optional<byte[]> readSettingsFile(String path) {
            return settingsFiles.computeIfAbsent(path, p -> new SettingsFile()).read(() -> ProbeContext.super.readSettingsFile(path));
        }

        @Override
        public HostInspector inspector() {
            return inspector;
        }

        @Override
        public Duration attemptTimeout() {
            return request.attemptTimeout();
        }

        @Override
        public void progress(double fraction, String message) {
            emit(new SessionEvent.ProbeProgress(probeId, fraction, message, elapsed()));
        }

        @Override
        public void routeLine(RouteLookup lookup) {
            emit(new SessionEvent.RouteLine(lookup, elapsed()));
        }

        @Override
        public void sockets(List<TcpConnection> snapshot) {
            latestSockets = List.copyOf(snapshot);
            emit(new SessionEvent.SocketSnapshot(snapshot, elapsed()));
        }

        @Override
        public List<TcpConnection> latestSockets() {
            return latestSockets;
        }
    }
}
