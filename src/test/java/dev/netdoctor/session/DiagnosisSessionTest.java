// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Target;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosisSessionTest {
    private static final HostInspector INSPECTOR = new HostInspector(new LocalLinuxSide());
    private static final DiagnosisRequest REQUEST = new DiagnosisRequest(Target.parse("198.18.0.1"), List.of(), null,
            Duration.ofMillis(500), Duration.ofSeconds(5));

    /** A probe whose behaviour a test chooses. */
    private record FakeProbe(ProbeId id, Duration limit, ProbeBody body, boolean needsAddress) implements Probe {
        FakeProbe(ProbeId id, Duration limit, ProbeBody body) {
            this(id, limit, body, true);
        }

        /** A check of this computer, which runs without a target. */
        FakeProbe local() {
            return new FakeProbe(id, limit, body, false);
        }

        @Override
        public String title() {
            return id.id();
        }

        @Override
        public Duration timeLimit(ProbeContext context) {
            return limit;
        }

        @Override
        public ProbeReport run(ProbeContext context) throws Exception {
            return body.run(context);
        }
    }

    private interface ProbeBody {
        ProbeReport run(ProbeContext ctx) throws Exception;
    }

    private static Probe ok(ProbeId id) {
        return new FakeProbe(id, Duration.ofSeconds(2), ctx -> ProbeReport.completed("fine", Map.of(), null, List.of()));
    }

    /** Probes that were stopped while they waited: a stopped probe is interrupted, not left running. */
    private final java.util.Set<ProbeId> interrupted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Probes whose work has begun. "Started" is announced just before a check runs, so a cancel
     * that lands in between stops it before it runs at all (rightly): a test about stopping a
     * running check waits for this, not for the announcement.
     */
    private final java.util.Set<ProbeId> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void awaitRunning(ProbeId... ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!running.containsAll(List.of(ids)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(running).as("the checks began").contains(ids);
    }

    private Probe sleeper(ProbeId id, Duration limit) {
        return new FakeProbe(id, limit, ctx -> {
            running.add(id);
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.add(id);
                throw e;
            }
            return ProbeReport.completed("woke", Map.of(), null, List.of());
        });
    }

    private void awaitInterrupted(ProbeId id) throws InterruptedException {
        for (int i = 0; i < 500 && !interrupted.contains(id); i++) {
            Thread.sleep(10);
        }
        assertThat(interrupted).as("the stopped probe was interrupted").contains(id);
    }

    private static ProbeOutcome outcome(DiagnosisResult r, ProbeId id) {
        return r.probes().stream().filter(p -> p.probeId().equals(id)).findFirst().orElseThrow();
    }

    /** {@code probe}, saying that this computer's facts call for it early (or throwing when asked). */
    private static Probe early(Probe probe, Boolean answer) {
        return new Probe() {
            @Override
            public ProbeId id() {
                return probe.id();
            }

            @Override
            public String title() {
                return probe.title();
            }

            @Override
            public Duration timeLimit(ProbeContext context) {
                return probe.timeLimit(context);
            }

            @Override
            public ProbeReport run(ProbeContext context) throws Exception {
                return probe.run(context);
            }

            @Override
            public boolean startsEarly(dev.netdoctor.model.Environment environment, DiagnosisRequest request, String address) {
                if (answer == null) {
                    throw new IllegalStateException("cannot tell");
                }
                return answer;
            }
        };
    }

    @Test
    void aLaterCheckThatTheFactsAlreadyCallForRunsBesideTheTargetsChecks() {
        java.util.concurrent.CountDownLatch mtuBegan = new java.util.concurrent.CountDownLatch(1);
        // The target's check waits (bounded) for the sizing to begin: run one after the other, it would wait in vain.
        Probe connect = new FakeProbe(ProbeId.DSCP_CONNECT, Duration.ofSeconds(15), ctx -> ProbeReport.completed(
                mtuBegan.await(10, TimeUnit.SECONDS) ? "together" : "alone", Map.of(), null, List.of()));
        Probe mtu = early(new FakeProbe(ProbeId.PATH_MTU, Duration.ofSeconds(2), ctx -> {
            mtuBegan.countDown();
            return ProbeReport.completed("saw " + ctx.earlierOutcomes().stream().map(o -> o.probeId().id()).toList(), Map.of(), null, List.of());
        }), true);
        Probe capture = early(new FakeProbe(ProbeId.ROUTE_CAPTURE, Duration.ofSeconds(2), ctx -> ProbeReport.completed(
                "saw " + ctx.earlierOutcomes().stream().map(o -> o.probeId().id()).toList(), Map.of(), null, List.of())), false);
        Probe unsure = early(ok(ProbeId.DEFAULT_GATEWAY), null);
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, REQUEST, null,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(connect), List.of(mtu, capture, unsure))).run();
        assertThat(outcome(r, ProbeId.DSCP_CONNECT).summary()).isEqualTo("together");
        assertThat(outcome(r, ProbeId.PATH_MTU).summary()).as("it joined the stage: that stage's outcomes are not its input")
                .isEqualTo("saw [name-resolution]");
        assertThat(outcome(r, ProbeId.ROUTE_CAPTURE).summary()).isEqualTo("saw [name-resolution, dscp-connect, path-mtu]");
        assertThat(outcome(r, ProbeId.DEFAULT_GATEWAY).status()).as("a check that cannot say runs where it is listed")
                .isEqualTo(dev.netdoctor.model.ProbeStatus.COMPLETED);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void aCheckSeesWhatAnotherCheckOfItsStageReportedOnceThatOneFinished() {
        Probe servers = new FakeProbe(ProbeId.DNS_SERVERS, Duration.ofSeconds(2), ctx -> ProbeReport.completed("all silent", Map.of(), null, List.of()));
        Probe resolver = new FakeProbe(ProbeId.NAME_RESOLUTION, Duration.ofSeconds(15), ctx -> {
            assertThat(ctx.siblingReport(ProbeId.NAME_RESOLUTION)).as("not itself").isEmpty();
            assertThat(ctx.siblingReport(ProbeId.PING)).as("not in this stage").isEmpty();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                var seen = ctx.siblingReport(ProbeId.DNS_SERVERS);
                if (seen.isPresent()) {
                    return ProbeReport.completed("saw " + seen.get().summary(), Map.of(), null, List.of());
                }
                Thread.sleep(20);
            }
            return ProbeReport.completed("saw nothing", Map.of(), null, List.of());
        }, false);
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, REQUEST, null, List.of(List.of(resolver, servers), List.of(ok(ProbeId.PING)))).run();
        assertThat(outcome(r, ProbeId.NAME_RESOLUTION).summary()).isEqualTo("saw all silent");
    }

    @Test
    void aProbeThatThrowsBecomesAFailedOutcomeAndTheOthersStillRun() {
        Probe boom = new FakeProbe(ProbeId.ROUTES, Duration.ofSeconds(2), ctx -> {
            throw new IllegalStateException("kaboom");
        });
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, REQUEST, null,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(boom, ok(ProbeId.PING)))).run();
        assertThat(outcome(r, ProbeId.ROUTES).status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(outcome(r, ProbeId.ROUTES).error()).contains("kaboom");
        assertThat(outcome(r, ProbeId.PING).status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(r.environment().interfaces()).as("this machine's interfaces, inspected despite the failing check")
                .extracting(i -> i.name()).contains("lo");
    }

    @Test
    void aProbeThatHangsIsStoppedOnceItOverranItsOwnLimitByTheSlack() throws Exception {
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, REQUEST, null,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(sleeper(ProbeId.SSH_HANDSHAKE, Duration.ofMillis(300)), ok(ProbeId.DSCP_CONNECT))), Duration.ofMillis(700)).run();
        awaitInterrupted(ProbeId.SSH_HANDSHAKE);
        assertThat(outcome(r, ProbeId.SSH_HANDSHAKE).status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(outcome(r, ProbeId.SSH_HANDSHAKE).error()).contains("700 ms after its own limit of 300 ms").contains("stuck");
        assertThat(outcome(r, ProbeId.DSCP_CONNECT).status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(r.complete()).isFalse();
    }

    /** A busy computer makes a check late, not wrong: one that overruns its limit but finishes is kept. */
    @Test
    void aProbeSlowedDownByTheMachineIsNotCut() {
        Probe late = new FakeProbe(ProbeId.PATH_MTU, Duration.ofMillis(200), ctx -> {
            Thread.sleep(900);
            return ProbeReport.completed("finished late", Map.of(), null, List.of());
        });
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, REQUEST, null, List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(late))).run();
        assertThat(outcome(r, ProbeId.PATH_MTU).status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(outcome(r, ProbeId.PATH_MTU).summary()).isEqualTo("finished late");
        assertThat(r.complete()).isTrue();
    }

    /** A check that needs the target's address says it could not run and why, never "timed out". */
    @Test
    void aCheckWithoutAnAddressToCheckSaysSo() {
        DiagnosisRequest unresolved = new DiagnosisRequest(Target.parse("no-such-host.invalid"), List.of(), null,
                Duration.ofMillis(500), Duration.ofSeconds(5));
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, unresolved, null,
                List.of(List.of(), List.of(ok(ProbeId.DSCP_CONNECT), sleeper(ProbeId.SSH_HANDSHAKE, Duration.ofSeconds(1))))).run();
        assertThat(r.probes()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo(ProbeStatus.SKIPPED);
            assertThat(p.summary()).contains("did not resolve");
        });
    }

    @Test
    void theRunsDeadlineBoundsEverything() throws Exception {
        DiagnosisRequest shortRun = new DiagnosisRequest(Target.parse("198.18.0.1"), List.of(), null, Duration.ofMillis(500), Duration.ofSeconds(3));
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, shortRun, null,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(sleeper(ProbeId.OPENSSH_CLIENT, Duration.ofSeconds(30))), List.of(ok(ProbeId.PATH_MTU)))).run();
        awaitInterrupted(ProbeId.OPENSSH_CLIENT);
        assertThat(outcome(r, ProbeId.OPENSSH_CLIENT).status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(outcome(r, ProbeId.OPENSSH_CLIENT).error()).contains("run's time limit of 3 s");
        assertThat(outcome(r, ProbeId.PATH_MTU).status()).isEqualTo(ProbeStatus.TIMED_OUT);
        assertThat(outcome(r, ProbeId.PATH_MTU).error()).startsWith("not run");
        assertThat(r.complete()).isFalse();
    }

    @Test
    void cancelStopsEverythingWithinASecond() throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        DiagnosisSession session = new DiagnosisSession(INSPECTOR, REQUEST, events::add,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(sleeper(ProbeId.LISTENING_SOCKETS, Duration.ofSeconds(30)), sleeper(ProbeId.LOOPBACK_SELF_TEST, Duration.ofSeconds(30)))));
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var future = pool.submit(session::run);
            awaitRunning(ProbeId.LISTENING_SOCKETS, ProbeId.LOOPBACK_SELF_TEST);
            session.cancel();
            DiagnosisResult r = future.get(5, TimeUnit.SECONDS);
            awaitInterrupted(ProbeId.LISTENING_SOCKETS);
            awaitInterrupted(ProbeId.LOOPBACK_SELF_TEST);
            assertThat(outcome(r, ProbeId.LISTENING_SOCKETS).status()).isEqualTo(ProbeStatus.CANCELLED);
            assertThat(r.complete()).isFalse();
        }
    }

    /** A check that, stopped, still has to wind down (as one killing and reaping its command does). */
    private Probe slowToStop(ProbeId id, Duration windDown, java.util.concurrent.atomic.AtomicBoolean ended) {
        return new FakeProbe(id, Duration.ofSeconds(30), ctx -> {
            running.add(id);
            try {
                Thread.sleep(60_000);
                return ProbeReport.completed("woke", Map.of(), null, List.of());
            } catch (InterruptedException e) {
                long until = System.nanoTime() + windDown.toNanos();
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException again) {
                        // a cancel interrupts more than once; winding down goes on
                    }
                }
                ended.set(true);
                throw e;
            }
        });
    }

    private DiagnosisResult runAndCancelOnceStarted(DiagnosisSession session, List<SessionEvent> events, ProbeId probeId)
            throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var future = pool.submit(session::run);
            awaitRunning(probeId);
            session.cancel();
            return future.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * When a cancelled run's result is in, the checks it stopped have ended: none goes on (and
     * starts a command) behind the user's back. CancelTest shows it with the real checks.
     */
    @Test
    void aCancelledRunReturnsOnlyOnceTheChecksItStoppedHaveEnded() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        DiagnosisSession session = new DiagnosisSession(INSPECTOR, REQUEST, events::add,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(slowToStop(ProbeId.PING, Duration.ofMillis(300), ended))));
        DiagnosisResult r = runAndCancelOnceStarted(session, events, ProbeId.PING);
        assertThat(outcome(r, ProbeId.PING).status()).isEqualTo(ProbeStatus.CANCELLED);
        assertThat(ended).as("the stopped check had ended when the result came").isTrue();
    }

    /** ...but a check that will not stop is not waited for beyond the stop limit. */
    @Test
    void aCheckThatWillNotStopDelaysTheCancelledResultOnlyByTheStopLimit() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        DiagnosisSession session = new DiagnosisSession(INSPECTOR, REQUEST, events::add,
                List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(slowToStop(ProbeId.PING, Duration.ofSeconds(8), ended))));
        long start = System.nanoTime();
        DiagnosisResult r = runAndCancelOnceStarted(session, events, ProbeId.PING);
        assertThat(outcome(r, ProbeId.PING).status()).isEqualTo(ProbeStatus.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DiagnosisSession.STOP_LIMIT.plusSeconds(4));
        assertThat(ended).as("it was left behind, still winding down").isFalse();
    }

    @Test
    void aListenerThatThrowsDoesNotEndTheRun() {
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, REQUEST, e -> {
            throw new RuntimeException("listener bug");
        }, List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(ok(ProbeId.PING)))).run();
        assertThat(outcome(r, ProbeId.PING).status()).isEqualTo(ProbeStatus.COMPLETED);
    }

    @Test
    void eventsTellTheStoryInOrder() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        new DiagnosisSession(INSPECTOR, REQUEST, events::add, List.of(List.of(ok(ProbeId.NAME_RESOLUTION)), List.of(ok(ProbeId.PING)))).run();
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.ProbeStarted).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.ProbeFinished).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.EnvironmentReady).hasSize(1);
        // The system scan is ready before the probes that need it start.
        int envReady = indexOf(events, e -> e instanceof SessionEvent.EnvironmentReady);
        int secondStarted = indexOf(events, e -> e instanceof SessionEvent.ProbeStarted s && s.probeId().equals(ProbeId.PING));
        int firstFinished = indexOf(events, e -> e instanceof SessionEvent.ProbeFinished f && f.outcome().probeId().equals(ProbeId.NAME_RESOLUTION));
        assertThat(firstFinished).isLessThan(envReady);
        assertThat(envReady).isLessThan(secondStarted);
        assertThat(events).extracting(SessionEvent::elapsedMillis).isSorted();
    }

    private static int indexOf(List<SessionEvent> events, java.util.function.Predicate<SessionEvent> p) {
        for (int i = 0; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The MTU lab's stopped run: connections work with and without marking, but the check that
     * would have found "large packets are lost" never finished. Whatever was learned is said; an
     * all-clear is not, and the verdict says the run did not complete.
     */
    @Test
    void aStoppedRunGetsNoAllClear() throws Exception {
        List<dev.netdoctor.model.ConnectAttempt> attempts = List.of(
                new dev.netdoctor.model.ConnectAttempt(dev.netdoctor.model.DscpClass.UNMARKED, dev.netdoctor.model.ConnectResult.CONNECTED, 3, null),
                new dev.netdoctor.model.ConnectAttempt(dev.netdoctor.model.DscpClass.parse("af21").orElseThrow(),
                        dev.netdoctor.model.ConnectResult.CONNECTED, 3, null));
        Probe connects = new FakeProbe(ProbeId.DSCP_CONNECT, Duration.ofSeconds(2), ctx -> ProbeReport.completed("connected", Map.of(),
                new dev.netdoctor.model.ProbeData.MarkedConnects("198.18.0.1", 22, attempts), List.of()));
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        DiagnosisSession session = new DiagnosisSession(INSPECTOR, REQUEST, events::add,
                List.of(List.of(connects), List.of(sleeper(ProbeId.PATH_MTU, Duration.ofSeconds(30)))));

        DiagnosisResult stopped = runAndCancelOnceStarted(session, events, ProbeId.PATH_MTU);

        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.findings()).extracting(f -> f.id()).doesNotContain(FindingId.NO_PROBLEM_FOUND, FindingId.ENVIRONMENT_ONLY);
        assertThat(stopped.verdict()).endsWith("(the run did not complete)").doesNotContain("No problem");
        // the same checks run to the end: the all-clear is there
        DiagnosisResult full = new DiagnosisSession(INSPECTOR, REQUEST, null, List.of(List.of(connects))).run();
        assertThat(full.findings()).extracting(f -> f.id()).containsExactly(FindingId.NO_PROBLEM_FOUND);
    }

    @Test
    void aStoppedRunWithoutATargetGetsNoAllClearEither() throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        DiagnosisSession session = new DiagnosisSession(INSPECTOR, new DiagnosisRequest(null, List.of(), null, null, null), events::add,
                List.of(List.of(new dev.netdoctor.probe.config.ConfigFilesProbe(), ((FakeProbe) sleeper(ProbeId.LOOPBACK_SELF_TEST, Duration.ofSeconds(30))).local())));

        DiagnosisResult stopped = runAndCancelOnceStarted(session, events, ProbeId.LOOPBACK_SELF_TEST);

        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.findings()).extracting(f -> f.id()).doesNotContain(FindingId.ENVIRONMENT_ONLY);
    }

    @Test
    void withoutATargetOnlyTheSystemAndItsOwnPortsAreChecked() {
        DiagnosisResult r = new DiagnosisSession(INSPECTOR, new DiagnosisRequest(null, List.of(), null, null, null), null).run();
        assertThat(r.probes()).extracting(ProbeOutcome::probeId)
                .containsExactlyInAnyOrder(ProbeId.LISTENING_SOCKETS, ProbeId.LOOPBACK_SELF_TEST, ProbeId.LOCAL_ROUTES, ProbeId.CONFIG_FILES,
                        ProbeId.LOOPBACK_PROXY, ProbeId.CLOCK);
        // the proxy and clock checks are about WSL and Windows: outside WSL they say why they did not run
        boolean wsl = r.environment().wsl() != null && r.environment().wsl().kind() != dev.netdoctor.model.WslFacts.Kind.NOT_WSL;
        assertThat(r.probes()).allSatisfy(p -> assertThat(p.status()).isEqualTo(
                (ProbeId.LOOPBACK_PROXY.is(p) || ProbeId.CLOCK.is(p)) && !wsl ? ProbeStatus.SKIPPED : ProbeStatus.COMPLETED));
        assertThat(r.environment().interfaces()).isNotEmpty();
        assertThat(r.findings()).extracting(f -> f.id()).containsExactly(FindingId.ENVIRONMENT_ONLY);
        // it names what it checked, and says that names and the way out were not
        assertThat(r.findings().getFirst().title()).doesNotStartWith("No problem");
        assertThat(r.findings().getFirst().explanation()).contains("Names and the way out of this computer");
        assertThat(r.complete()).isTrue();
    }

    /**
     * This Linux, with /etc/wsl.conf as the test writes it and every file read counted. Its own fake,
     * not the shared ChangedLinux: counting reads and failing one read are what these tests are about.
     */
    private static final class CountingLinux implements dev.netdoctor.host.LinuxSide {
        private final dev.netdoctor.host.LinuxSide real = new LocalLinuxSide();
        final Map<String, java.util.concurrent.atomic.AtomicInteger> reads = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean failNextWslConfRead;

        @Override public dev.netdoctor.model.CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
            return real.run(argv, stdin, timeout);
        }
        @Override public java.util.Optional<String> readFile(String path, int maxBytes) {
            reads.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            if (path.equals("/etc/wsl.conf")) {
                if (failNextWslConfRead) {
                    failNextWslConfRead = false;
                    throw new IllegalStateException("wsl.exe did not answer");
                }
                return java.util.Optional.of("[network]\ngenerateResolvConf = false\n");
            }
            return real.readFile(path, maxBytes);
        }
        @Override public boolean hasCommand(String name) { return real.hasCommand(name); }
        @Override public java.util.Optional<String> env(String name) { return real.env(name); }
        @Override public String describe() { return "this Linux"; }
        @Override public dev.netdoctor.host.Standpoint standpoint() { return dev.netdoctor.host.Standpoint.THIS_LINUX; }

        int reads(String path) {
            var n = reads.get(path);
            return n == null ? 0 : n.get();
        }
    }

    private static Probe readsWslConf(ProbeId id) {
        return new FakeProbe(id, Duration.ofSeconds(5), ctx -> ProbeReport.completed(
                ctx.readSettingsFile(ctx.wslConfPath()).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("nothing"),
                Map.of(), null, List.of()));
    }

    /** From Windows every read is a wsl.exe call: probes of all stages share one read of wsl.conf. */
    @Test
    void theSettingsFileIsReadOncePerRunHoweverManyProbesAskAndAgainInTheNextRun() {
        CountingLinux linux = new CountingLinux();
        HostInspector inspector = new HostInspector(linux);
        List<List<Probe>> stages = List.of(List.of(readsWslConf(ProbeId.LISTENING_SOCKETS), readsWslConf(ProbeId.LOOPBACK_SELF_TEST), readsWslConf(ProbeId.LOCAL_ROUTES)),
                List.of(new dev.netdoctor.probe.config.ConfigFilesProbe(), readsWslConf(ProbeId.SERVICE_PORTS)));
        DiagnosisResult r = new DiagnosisSession(inspector, REQUEST, null, stages).run();
        assertThat(linux.reads("/etc/wsl.conf")).isEqualTo(1);
        for (ProbeId id : List.of(ProbeId.LISTENING_SOCKETS, ProbeId.LOOPBACK_SELF_TEST, ProbeId.LOCAL_ROUTES, ProbeId.SERVICE_PORTS)) {
            assertThat(outcome(r, id).summary()).isEqualTo("[network]\ngenerateResolvConf = false\n");
        }
        var files = (dev.netdoctor.model.ProbeData.ConfigFiles) outcome(r, ProbeId.CONFIG_FILES).data();
        assertThat(files.file("/etc/wsl.conf").orElseThrow().settings()).containsEntry("network.generateResolvConf", "false");

        new DiagnosisSession(inspector, REQUEST, null, stages).run();
        assertThat(linux.reads("/etc/wsl.conf")).as("a new run reads the file as it is now").isEqualTo(2);
    }

    @Test
    void aSettingsFileReadThatFailedIsTriedAgainByTheNextProbe() {
        CountingLinux linux = new CountingLinux();
        linux.failNextWslConfRead = true;
        DiagnosisResult r = new DiagnosisSession(new HostInspector(linux), REQUEST, null,
                List.of(List.of(readsWslConf(ProbeId.LISTENING_SOCKETS)), List.of(readsWslConf(ProbeId.LOOPBACK_SELF_TEST)))).run();
        assertThat(outcome(r, ProbeId.LISTENING_SOCKETS).status()).isEqualTo(ProbeStatus.FAILED);
        assertThat(outcome(r, ProbeId.LOOPBACK_SELF_TEST).summary()).isEqualTo("[network]\ngenerateResolvConf = false\n");
        assertThat(linux.reads("/etc/wsl.conf")).isEqualTo(2);
    }

    /** Files that change while the checks watch them are read afresh each time. */
    @Test
    void otherFilesAreNotKept() {
        CountingLinux linux = new CountingLinux();
        Probe twice = new FakeProbe(ProbeId.SOCKET_TABLE, Duration.ofSeconds(2), ctx -> {
            ctx.linux().readFile("/proc/net/tcp", 1 << 20);
            ctx.linux().readFile("/proc/net/tcp", 1 << 20);
            return ProbeReport.completed("fine", Map.of(), null, List.of());
        });
        new DiagnosisSession(new HostInspector(linux), REQUEST, null, List.of(List.of(twice))).run();
        assertThat(linux.reads("/proc/net/tcp")).isGreaterThanOrEqualTo(2);
    }
}
