// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.testing;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.probe.ProbeContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a probe gets from the session, for tests: the question, the facts, the Linux side (this one
 * unless a test gives a {@link ScriptedLinux} or a {@link ChangedLinux}), the outcomes of earlier
 * stages the test adds to {@link #earlier}, and lists of what the probe reported while it ran.
 *
 * <p>What it models: one probe run alone, as if every other probe of its stage had finished
 * ({@link #othersFinished()} is true), with cancel hooks kept for the test to run. What it does
 * not: time limits (the session enforces those, not the context), the session's resolution of the
 * target (the address is the target's host as written, unless {@link #address(String)} says
 * otherwise), and live socket snapshots, which are dropped. A test that needs another answer
 * there overrides the method, which is why this class is not final.
 */
public class TestContext implements ProbeContext {
    /** The time limit of one connect attempt unless a test gives its own request. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);

    public final DiagnosisRequest request;
    /** Outcomes of earlier stages, as the test adds them. */
    public final List<ProbeOutcome> earlier = Collections.synchronizedList(new ArrayList<>());
    public final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    /** How far along each progress message said the probe was. */
    public final List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
    public final List<RouteLookup> routeLines = Collections.synchronizedList(new ArrayList<>());
    public final List<Runnable> cancelHooks = Collections.synchronizedList(new ArrayList<>());
    private final LinuxSide linux;
    private final Environment environment;
    private String address;

    /** The question towards {@code target} (null: none) with {@link #ATTEMPT_TIMEOUT} per attempt and no deadline. */
    public TestContext(String target, List<Integer> servicePorts, VantageRequest vantage, LinuxSide linux, Environment environment) {
        this(new DiagnosisRequest(target == null ? null : Target.parse(target), servicePorts, vantage, ATTEMPT_TIMEOUT, null), linux, environment);
    }

    /** Exactly {@code request}; attempts last what it says. */
    public TestContext(DiagnosisRequest request, LinuxSide linux, Environment environment) {
        this.request = request;
        this.linux = linux;
        this.environment = environment;
        this.address = request.target() == null ? null : request.target().host();
    }

    /** The outside check towards {@code vantage}, with this Linux for commands and only loopback. */
    public static TestContext vantage(VantageRequest vantage, List<Integer> servicePorts) {
        return new TestContext(null, servicePorts, vantage, new LocalLinuxSide(), Environments.LOOPBACK_ONLY);
    }

    /** The target resolved to {@code address}, as the session would have resolved it. */
    public TestContext address(String address) {
        this.address = address;
        return this;
    }

    @Override public DiagnosisRequest request() { return request; }
    @Override public Target target() { return request.target(); }
    @Override public String address() { return address; }
    @Override public Environment environment() { return environment; }
    @Override public List<ProbeOutcome> earlierOutcomes() { return List.copyOf(earlier); }
    @Override public LinuxSide linux() { return linux; }
    @Override public HostInspector inspector() { return new HostInspector(linux); }
    @Override public Duration attemptTimeout() { return request.attemptTimeout(); }
    @Override public void progress(double fraction, String message) {
        synchronized (progress) {
            progress.add(message);
            fractions.add(fraction);
        }
    }
    @Override public void routeLine(RouteLookup lookup) { routeLines.add(lookup); }
    @Override public void sockets(List<TcpConnection> snapshot) { }
    @Override public boolean othersFinished() { return true; }
    /** The socket watch's latest snapshot, as the test puts it (see {@link ProbeContext#latestSockets}). */
    public volatile List<TcpConnection> latestSockets = List.of();
    @Override public List<TcpConnection> latestSockets() { return latestSockets; }
    /** Reports of the stage's other checks, as the test puts them (see {@link ProbeContext#siblingReport}). */
    public final java.util.Map<dev.netdoctor.model.ProbeId, dev.netdoctor.probe.ProbeReport> siblings = new java.util.concurrent.ConcurrentHashMap<>();
    @Override public java.util.Optional<dev.netdoctor.probe.ProbeReport> siblingReport(dev.netdoctor.model.ProbeId id) {
        return java.util.Optional.ofNullable(siblings.get(id));
    }
    @Override public void onCancel(Runnable stop) { cancelHooks.add(stop); }
}
