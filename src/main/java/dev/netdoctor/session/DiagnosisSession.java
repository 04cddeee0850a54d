// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.host.HostInspector;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.probe.Probe;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One diagnosis: runs the probes in stages (what later probes need comes first, as
 * {@link ProbeCatalog} orders them), each stage's probes at the same time ({@link StageRunner}),
 * every probe under its own limit and all under the run's deadline; streams events
 * ({@link RunContext}); ends with an immutable result. A probe that throws or hangs becomes an
 * outcome saying so; the run goes on.
 */
public final class DiagnosisSession {
    private static final System.Logger LOG = System.getLogger(DiagnosisSession.class.getName());
    /** Reading this computer's facts runs commands of bounded length; this only stops a scan that is stuck. */
    static final Duration ENVIRONMENT_LIMIT = Duration.ofSeconds(15);
    /**
     * What a busy computer may add to a probe's own limit before the probe is stopped. A probe's
     * limit is what the network is given (each connect, handshake and command inside it is bounded
     * by it); waiting for a CPU, a JIT or wsl.exe is not the network's time and never evidence,
     * so a probe is stopped only when it overran its limit by this much: stuck, not slow.
     */
    static final Duration MACHINE_SLACK = Duration.ofSeconds(10);
    /** How long the end of a run waits for the checks it interrupted to end (see {@link RunContext#stopAndWait}). */
    static final Duration STOP_LIMIT = Duration.ofSeconds(3);

    private final DiagnosisRequest request;
    private final List<List<Probe>> stages;
    private final RunContext run;
    private final StageRunner stageRunner;
    private final Diagnoser diagnoser = new Diagnoser();

    public DiagnosisSession(HostInspector inspector, DiagnosisRequest request, Consumer<SessionEvent> listener) {
        this(inspector, request, listener, defaultStages(request));
    }

    /** With the probes given, stage by stage (for tests and for re-running failed checks). */
    public DiagnosisSession(HostInspector inspector, DiagnosisRequest request, Consumer<SessionEvent> listener,
                            List<List<Probe>> stages) {
        this(inspector, request, listener, stages, MACHINE_SLACK);
    }

    /** With another slack than {@link #MACHINE_SLACK}, so tests of a stuck probe need not wait 10 s. */
    DiagnosisSession(HostInspector inspector, DiagnosisRequest request, Consumer<SessionEvent> listener,
                     List<List<Probe>> stages, Duration slack) {
        this.run = new RunContext(inspector, request, listener);
        this.stageRunner = new StageRunner(run, Objects.requireNonNull(slack));
        this.request = request;
        this.stages = List.copyOf(stages);
    }

    /** The checks a request asks for, stage by stage, as {@link ProbeCatalog} lists them. */
    public static List<List<Probe>> defaultStages(DiagnosisRequest request) {
        return ProbeCatalog.stages(request);
    }

    /**
     * Stops every probe within about a second; {@link #run} then returns an incomplete result once
     * the stopped probes and the commands they ran have ended.
     */
    public void cancel() {
        run.cancel();
    }

    public DiagnosisResult run() {
        run.start();
        OffsetDateTime startedAt = OffsetDateTime.now();
        long deadline = run.startNanos() + request.deadline().toNanos();
        List<ProbeOutcome> outcomes = new ArrayList<>();
        boolean complete = true;
        try {
            Future<Environment> envFuture = run.pool().submit(() -> run.inspector().inspect(request.target()));
            Environment environment = null;
            String address = request.target() != null && request.target().isIpLiteral() ? request.target().host() : null;
            List<List<Probe>> stages = new ArrayList<>(this.stages);
            for (int i = 0; i < stages.size(); i++) {
                if (i == 1 || environment == null && i > 0) {
                    environment = awaitEnvironment(envFuture, deadline);
                }
                // Without a target the name looked up (the way out's) gives no address to check.
                if (i == 1 && address == null && request.target() != null) {
                    address = resolvedAddress(outcomes);
                }
                if (i == 1) {
                    startEarly(stages, i, environment, address);
                }
                if (run.cancelled() || System.nanoTime() >= deadline) {
                    complete = false;
                    stageRunner.markNotRun(stages.subList(i, stages.size()), outcomes,
                            run.cancelled() ? ProbeStatus.CANCELLED : ProbeStatus.TIMED_OUT);
                    break;
                }
                complete &= stageRunner.run(stages.get(i), environment, address, outcomes, deadline);
            }
            if (environment == null) {
                environment = awaitEnvironment(envFuture, deadline);
            }
            List<Finding> findings;
            // Decided once, before the rules: an all-clear is only raised for a run that is complete,
            // so a stop after this point must not turn the result incomplete beside one.
            complete &= !run.cancelled();
            try {
                findings = diagnoser.diagnose(request.target(), request.sshTarget(), environment, outcomes, complete);
            } catch (RuntimeException e) {
                // Never expected (a property test covers every combination of outcomes), but the
                // checks' evidence must still reach the user and the report if it happens.
                LOG.log(System.Logger.Level.ERROR, "the diagnosis rules failed", e);
                findings = List.of();
                complete = false;
            }
            for (Finding f : findings) {
                emit(new SessionEvent.FindingRaised(f, elapsed()));
            }
            return new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, "wsl-net-doctor", Version.current(), startedAt,
                    elapsed(), DiagnosisResult.Request.of(request), environment, outcomes, findings,
                    Diagnoser.verdict(findings, complete), complete);
        } finally {
            run.stopAndWait(STOP_LIMIT);
            // Every check has ended, so no DNS question is in flight: dnsjava's network thread,
            // waiting inside the OS, would otherwise cost the CLI's exit 300 ms.
            dev.netdoctor.probe.dns.DnsQuery.releaseNetworkThread();
        }
    }

    /**
     * Moves the later stages' checks that this computer's facts already call for into stage
     * {@code into} (see {@link Probe#startsEarly}), so their waits overlap that stage's.
     */
    private void startEarly(List<List<Probe>> stages, int into, Environment environment, String address) {
        List<Probe> early = new ArrayList<>();
        for (int j = into + 1; j < stages.size(); j++) {
            List<Probe> stay = new ArrayList<>();
            for (Probe p : stages.get(j)) {
                boolean moves;
                try {
                    moves = p.startsEarly(environment, request, address);
                } catch (RuntimeException e) {
                    // Only a question of when: a check that cannot answer it runs where it is listed.
                    LOG.log(System.Logger.Level.WARNING, "probe " + p.id() + " could not say whether it starts early", e);
                    moves = false;
                }
                (moves ? early : stay).add(p);
            }
            stages.set(j, List.copyOf(stay));
        }
        if (!early.isEmpty()) {
            List<Probe> joined = new ArrayList<>(stages.get(into));
            joined.addAll(early);
            stages.set(into, List.copyOf(joined));
        }
    }

    private Environment awaitEnvironment(Future<Environment> future, long deadline) {
        long left = Math.min(ENVIRONMENT_LIMIT.toNanos(), deadline - System.nanoTime());
        Environment env;
        try {
            env = future.get(Math.max(left, 0), TimeUnit.NANOSECONDS); // the scan itself honours interruption
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.markCancelled();
            env = fallbackEnvironment("the scan was cancelled");
        } catch (TimeoutException e) {
            future.cancel(true);
            env = fallbackEnvironment("the scan took longer than " + ENVIRONMENT_LIMIT.toSeconds() + " s");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.log(System.Logger.Level.WARNING, "environment scan failed", cause);
            env = fallbackEnvironment(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        emit(new SessionEvent.EnvironmentReady(env, elapsed()));
        return env;
    }

    private static Environment fallbackEnvironment(String why) {
        return new Environment(System.getProperty("os.name"), null,
                new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of("unknown: " + why)), List.of(), null,
                List.of(), SshClientFacts.missing("not checked: " + why), null, null,
                List.of("The system scan did not finish: " + why));
    }

    private static String resolvedAddress(List<ProbeOutcome> outcomes) {
        return outcomes.stream().map(o -> o.dataAs(ProbeData.Resolution.class)).flatMap(Optional::stream)
                .filter(ProbeData.Resolution::resolved).map(r -> r.addresses().getFirst()).findFirst().orElse(null);
    }

    private long elapsed() {
        return run.elapsed();
    }

    private void emit(SessionEvent event) {
        run.emit(event);
    }
}
