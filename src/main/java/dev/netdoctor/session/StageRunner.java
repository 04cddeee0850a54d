// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeReport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one stage's probes at once, every probe under its own limit (plus what a busy machine may
 * add) and all under the run's deadline. A probe that throws, hangs or is stopped becomes an
 * outcome saying so; the stage goes on.
 */
final class StageRunner {
    private static final System.Logger LOG = System.getLogger(DiagnosisSession.class.getName());
    /** How often a waiting run looks whether it was cancelled. */
    private static final long CANCEL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final RunContext run;
    private final Duration slack;

    StageRunner(RunContext run, Duration slack) {
        this.run = run;
        this.slack = slack;
    }

    /** Runs one stage's probes at once; true when each finished by itself. */
    boolean run(List<Probe> probes, Environment environment, String address,
            List<ProbeOutcome> outcomes, long deadline) {
        List<ProbeOutcome> earlier = List.copyOf(outcomes);
        Map<Probe, Future<ProbeReport>> running = new LinkedHashMap<>();
        Map<Probe, Long> started = new LinkedHashMap<>();
        Map<Probe, Long> limits = new LinkedHashMap<>();
        Map<Probe, Duration> ownLimits = new LinkedHashMap<>();
        AtomicInteger unfinished = new AtomicInteger(probes.size());
        Map<ProbeId, Future<ProbeReport>> siblings = new java.util.concurrent.ConcurrentHashMap<>();
        for (Probe probe : probes) {
            ProbeContext ctx = run.forProbe(probe.id(), environment, address, earlier, unfinished, siblings);
            started.put(probe, run.elapsed());
            if (address == null && probe.needsAddress()) {
                String why = run.request().target() == null ? "no target given" : "the target's name did not resolve";
                running.put(probe, CompletableFuture.completedFuture(ProbeReport.skipped("Not run: " + why + ".")));
                limits.put(probe, System.nanoTime());
                unfinished.decrementAndGet();
                run.emit(new SessionEvent.ProbeStarted(probe.id(), probe.title(run.request()), run.elapsed()));
                continue;
            }
            ownLimits.put(probe, probe.timeLimit(ctx));
            limits.put(probe, System.nanoTime() + ownLimits.get(probe).plus(slack).toNanos());
            run.emit(new SessionEvent.ProbeStarted(probe.id(), probe.title(run.request()), run.elapsed()));
            try {
                Future<ProbeReport> f = run.pool().submit(() -> {
                    try {
                        return probe.run(ctx);
                    } finally {
                        unfinished.decrementAndGet();
                    }
                });
                running.put(probe, f);
                siblings.put(probe.id(), f);
            } catch (RejectedExecutionException e) {
                run.markCancelled();
                running.put(probe, CompletableFuture.failedFuture(new CancellationException("cancelled")));
            }
        }
        boolean complete = true;
        for (Probe probe : probes) {
            Future<ProbeReport> f = running.get(probe);
            long wait = Math.min(limits.get(probe), deadline) - System.nanoTime();
            ProbeOutcome outcome;
            long startedAt = started.get(probe);
            try {
                ProbeReport r = await(f, System.nanoTime() + Math.max(wait, 0));
                outcome = new ProbeOutcome(probe.id(), probe.title(run.request()), r.status(), r.summary(), r.parameters(), startedAt,
                        run.elapsed() - startedAt, r.data(), r.evidence(), null);
            } catch (TimeoutException e) {
                f.cancel(true);
                complete = false;
                boolean runDeadline = limits.get(probe) > deadline;
                outcome = failed(probe, startedAt, ProbeStatus.TIMED_OUT, runDeadline
                        ? "the run's time limit of " + run.request().deadline().toSeconds() + " s was reached before this check finished"
                        : "the check did not finish " + slack.toMillis() + " ms after its own limit of "
                        + ownLimits.get(probe).toMillis() + " ms: it is stuck");
            } catch (CancellationException | InterruptedException e) {
                complete = false;
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                outcome = failed(probe, startedAt, ProbeStatus.CANCELLED, "stopped by the user");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (run.cancelled() || cause instanceof InterruptedException) {
                    complete = false;
                    outcome = failed(probe, startedAt, ProbeStatus.CANCELLED, "stopped by the user");
                } else {
                    LOG.log(System.Logger.Level.WARNING, "probe " + probe.id() + " failed", cause);
                    outcome = failed(probe, startedAt, ProbeStatus.FAILED,
                            cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                }
            }
            outcomes.add(outcome);
            run.emit(new SessionEvent.ProbeFinished(outcome, run.elapsed()));
        }
        return complete;
    }

    /** Waits for a probe, but not a moment longer once the run is cancelled. */
    private ProbeReport await(Future<ProbeReport> f, long untilNanos)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            if (f.isDone()) {
                // A probe that had nothing to do (e.g. no address to check) is done at once: never "timed out".
                return f.get();
            }
            if (run.cancelled()) {
                f.cancel(true);
                throw new CancellationException("cancelled");
            }
            long left = untilNanos - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return f.get(Math.min(left, CANCEL_POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException slice) {
                // look again whether we were cancelled
            }
        }
    }

    private ProbeOutcome failed(Probe probe, long startedAt, ProbeStatus status, String error) {
        return new ProbeOutcome(probe.id(), probe.title(run.request()), status, error, Map.of(), startedAt, run.elapsed() - startedAt,
                null, List.of(), error);
    }

    void markNotRun(List<List<Probe>> rest, List<ProbeOutcome> outcomes, ProbeStatus status) {
        String why = status == ProbeStatus.CANCELLED ? "not run: stopped by the user" : "not run: the run's time limit was reached";
        for (List<Probe> stage : rest) {
            for (Probe p : stage) {
                ProbeOutcome o = new ProbeOutcome(p.id(), p.title(run.request()), status, why, Map.of(), run.elapsed(), 0, null, List.of(), why);
                outcomes.add(o);
                run.emit(new SessionEvent.ProbeStarted(p.id(), p.title(run.request()), o.startedAfterMillis()));
                run.emit(new SessionEvent.ProbeFinished(o, run.elapsed()));
            }
        }
    }
}
