// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.probe.ConfigFilesProbe;
import dev.netdoctor.probe.DscpConnectProbe;
import dev.netdoctor.probe.ListeningSocketsProbe;
import dev.netdoctor.probe.LocalRoutesProbe;
import dev.netdoctor.probe.LoopbackSelfTestProbe;
import dev.netdoctor.probe.ServicePortProbe;
import dev.netdoctor.probe.VantageProbe;
import dev.netdoctor.probe.DnsServersProbe;
import dev.netdoctor.probe.NameResolutionProbe;
import dev.netdoctor.probe.OpenSshClientProbe;
import dev.netdoctor.probe.PathMtuProbe;
import dev.netdoctor.probe.PingProbe;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeReport;
import dev.netdoctor.probe.RouteProbe;
import dev.netdoctor.probe.SocketWatchProbe;
import dev.netdoctor.probe.SshHandshakeProbe;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One diagnosis: runs the probes in stages (what later probes need comes first), each stage's
 * probes at the same time on virtual threads, every probe under its own limit and all under
 * the run's deadline; streams events; ends with an immutable result. A probe that throws or
 * hangs becomes an outcome saying so; the run goes on.
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

    private final HostInspector inspector;
    private final Duration slack;
    private final DiagnosisRequest request;
    private final Consumer<SessionEvent> listener;
    private final List<List<Probe>> stages;
    private final Diagnoser diagnoser = new Diagnoser();
    /**
     * Platform threads, not virtual ones: virtual threads are not preempted, so two CPU-bound
     * SSH key exchanges would hold both carriers of a 2-core laptop while the timing-sensitive
     * checks wait. The OS shares the CPU fairly between platform threads.
     */
    private final ExecutorService pool = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("probe-", 0).factory());
    private final List<Runnable> cancelActions = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Settings files read in this run, by path (see {@link ProbeContext#readSettingsFile}). */
    private final Map<String, SettingsFile> settingsFiles = new java.util.concurrent.ConcurrentHashMap<>();
    /** How often a waiting run looks whether it was cancelled. */
    private static final long CANCEL_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private volatile boolean cancelled;
    private long startNanos;

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
        this.slack = Objects.requireNonNull(slack);
        this.inspector = Objects.requireNonNull(inspector);
        this.request = Objects.requireNonNull(request);
        this.listener = listener == null ? e -> { } : listener;
        this.stages = List.copyOf(stages);
    }

    /**
     * Stage 1 resolves the target; stage 2 runs everything that needs the address or nothing
     * at all, at once (the local loopback checks always run: they are cheap and need no input);
     * stage 3 sizes the path only if stage 2 saw a stalled handshake.
     */
    public static List<List<Probe>> defaultStages(DiagnosisRequest request) {
        List<Probe> local = new ArrayList<>(List.of(new ListeningSocketsProbe(), new LoopbackSelfTestProbe(), new LocalRoutesProbe(),
                new ConfigFilesProbe()));
        if (!request.servicePorts().isEmpty()) {
            local.add(new ServicePortProbe());
        }
        if (request.vantage() != null) {
            local.add(new VantageProbe());
        }
        if (request.target() == null) {
            return List.of(List.of(), local);
        }
        List<Probe> network = new ArrayList<>(List.of(new PingProbe(), new RouteProbe(), new DscpConnectProbe(),
                new SshHandshakeProbe(), new OpenSshClientProbe(), new SocketWatchProbe()));
        network.addAll(local);
        // The system resolver and each DNS server directly, at once: the verdict on a name that
        // does not resolve is in within seconds, whatever the resolver's own retries.
        return List.of(List.of(new NameResolutionProbe(), new DnsServersProbe()), network, List.of(new PathMtuProbe()));
    }

    /** Stops every probe within about a second; {@link #run} then returns an incomplete result. */
    public void cancel() {
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


    public DiagnosisResult run() {
        startNanos = System.nanoTime();
        settingsFiles.clear();
        OffsetDateTime startedAt = OffsetDateTime.now();
        long deadline = startNanos + request.deadline().toNanos();
        List<ProbeOutcome> outcomes = new ArrayList<>();
        boolean complete = true;
        try {
            Future<Environment> envFuture = pool.submit(() -> inspector.inspect(request.target()));
            Environment environment = null;
            String address = request.target() != null && request.target().isIpLiteral() ? request.target().host() : null;
            for (int i = 0; i < stages.size(); i++) {
                if (i == 1 || environment == null && i > 0) {
                    environment = awaitEnvironment(envFuture, deadline);
                }
                if (i == 1 && address == null) {
                    address = resolvedAddress(outcomes);
                }
                if (cancelled || System.nanoTime() >= deadline) {
                    complete = false;
                    markNotRun(stages.subList(i, stages.size()), outcomes, cancelled ? ProbeStatus.CANCELLED : ProbeStatus.TIMED_OUT);
                    break;
                }
                complete &= runStage(stages.get(i), environment, address, outcomes, deadline);
            }
            if (environment == null) {
                environment = awaitEnvironment(envFuture, deadline);
            }
            List<Finding> findings;
            try {
                findings = diagnoser.diagnose(request.target(), environment, outcomes);
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
            complete &= !cancelled;
            return new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, "wsl-net-doctor", Version.current(), startedAt,
                    elapsed(), DiagnosisResult.Request.of(request), environment, outcomes, findings,
                    Diagnoser.verdict(findings, complete), complete);
        } finally {
            pool.shutdownNow();
        }
    }

    private Environment awaitEnvironment(Future<Environment> future, long deadline) {
        long left = Math.min(ENVIRONMENT_LIMIT.toNanos(), deadline - System.nanoTime());
        Environment env;
        try {
            env = future.get(Math.max(left, 0), TimeUnit.NANOSECONDS); // the scan itself honours interruption
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
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

    /** Runs one stage's probes at once; true when each finished by itself. */
    private boolean runStage(List<Probe> probes, Environment environment, String address,
                             List<ProbeOutcome> outcomes, long deadline) {
        List<ProbeOutcome> earlier = List.copyOf(outcomes);
        Map<Probe, Future<ProbeReport>> running = new LinkedHashMap<>();
        Map<Probe, Long> started = new LinkedHashMap<>();
        Map<Probe, Long> limits = new LinkedHashMap<>();
        Map<Probe, Duration> ownLimits = new LinkedHashMap<>();
        AtomicInteger unfinished = new AtomicInteger(probes.size());
        for (Probe probe : probes) {
            Context ctx = new Context(probe.id(), environment, address, earlier, unfinished);
            started.put(probe, elapsed());
            if (address == null && probe.needsAddress()) {
                String why = request.target() == null ? "no target given" : "the target's name did not resolve";
                running.put(probe, CompletableFuture.completedFuture(ProbeReport.skipped("Not run: " + why + ".")));
                limits.put(probe, System.nanoTime());
                unfinished.decrementAndGet();
                emit(new SessionEvent.ProbeStarted(probe.id(), probe.title(), elapsed()));
                continue;
            }
            ownLimits.put(probe, probe.timeLimit(ctx));
            limits.put(probe, System.nanoTime() + ownLimits.get(probe).plus(slack).toNanos());
            emit(new SessionEvent.ProbeStarted(probe.id(), probe.title(), elapsed()));
            try {
                running.put(probe, pool.submit(() -> {
                    try {
                        return probe.run(ctx);
                    } finally {
                        unfinished.decrementAndGet();
                    }
                }));
            } catch (RejectedExecutionException e) {
                cancelled = true;
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
                outcome = new ProbeOutcome(probe.id(), probe.title(), r.status(), r.summary(), r.parameters(), startedAt,
                        elapsed() - startedAt, r.data(), r.evidence(), null);
            } catch (TimeoutException e) {
                f.cancel(true);
                complete = false;
                boolean runDeadline = limits.get(probe) > deadline;
                outcome = failed(probe, startedAt, ProbeStatus.TIMED_OUT, runDeadline
                        ? "the run's time limit of " + request.deadline().toSeconds() + " s was reached before this check finished"
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
                if (cancelled || cause instanceof InterruptedException) {
                    complete = false;
                    outcome = failed(probe, startedAt, ProbeStatus.CANCELLED, "stopped by the user");
                } else {
                    LOG.log(System.Logger.Level.WARNING, "probe " + probe.id() + " failed", cause);
                    outcome = failed(probe, startedAt, ProbeStatus.FAILED,
                            cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
                }
            }
            outcomes.add(outcome);
            emit(new SessionEvent.ProbeFinished(outcome, elapsed()));
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
            if (cancelled) {
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
        return new ProbeOutcome(probe.id(), probe.title(), status, error, Map.of(), startedAt, elapsed() - startedAt,
                null, List.of(), error);
    }

    private void markNotRun(List<List<Probe>> rest, List<ProbeOutcome> outcomes, ProbeStatus status) {
        String why = status == ProbeStatus.CANCELLED ? "not run: stopped by the user" : "not run: the run's time limit was reached";
        for (List<Probe> stage : rest) {
            for (Probe p : stage) {
                ProbeOutcome o = new ProbeOutcome(p.id(), p.title(), status, why, Map.of(), elapsed(), 0, null, List.of(), why);
                outcomes.add(o);
                emit(new SessionEvent.ProbeStarted(p.id(), p.title(), o.startedAfterMillis()));
                emit(new SessionEvent.ProbeFinished(o, elapsed()));
            }
        }
    }

    private long elapsed() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A listener that throws must not end the diagnosis. */
    private void emit(SessionEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event listener failed on " + event.getClass().getSimpleName(), e);
        }
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
        private final String probeId;
        private final Environment environment;
        private final String address;
        private final List<ProbeOutcome> earlier;
        private final AtomicInteger unfinished;

        Context(String probeId, Environment environment, String address, List<ProbeOutcome> earlier,
                AtomicInteger unfinished) {
            this.probeId = probeId;
            this.environment = environment;
            this.address = address;
            this.earlier = earlier;
            this.unfinished = unfinished;
        }

        @Override
        public boolean othersFinished() {
            return unfinished.get() <= 1;
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
            emit(new SessionEvent.SocketSnapshot(snapshot, elapsed()));
        }
    }
}
