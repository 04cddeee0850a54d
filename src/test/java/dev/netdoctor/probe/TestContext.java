// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.model.WslFacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a probe gets from the session, for tests: the question, the Linux side (this one unless
 * a test gives a scripted one), and lists of what the probe reported while it ran.
 */
public final class TestContext implements ProbeContext {
    /** This machine as far as the probes that use it go: only lo, so own addresses stay on loopback. */
    public static final Environment LOOPBACK_ONLY = environment(new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of("::1")));

    final DiagnosisRequest request;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    /** How far along each progress message said the probe was. */
    final List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
    final List<RouteLookup> routeLines = Collections.synchronizedList(new ArrayList<>());
    final List<Runnable> cancelHooks = Collections.synchronizedList(new ArrayList<>());
    private final LinuxSide linux;
    private final Environment environment;

    public TestContext(String target, List<Integer> servicePorts, VantageRequest vantage, LinuxSide linux, Environment environment) {
        Target t = target == null ? null : Target.parse(target);
        this.request = new DiagnosisRequest(t, servicePorts, vantage, Duration.ofMillis(1500), null);
        this.linux = linux;
        this.environment = environment;
    }

    /** The outside check towards {@code vantage}, with this Linux for commands. */
    static TestContext vantage(VantageRequest vantage, List<Integer> servicePorts) {
        return new TestContext(null, servicePorts, vantage, new LocalLinuxSide(), LOOPBACK_ONLY);
    }

    /** {@code linux} as if the command {@code missing} were not installed. */
    static LinuxSide without(String missing, LinuxSide linux) {
        return new LinuxSide() {
            @Override public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
                if (argv.getFirst().equals(missing)) {
                    throw new AssertionError(missing + " is not installed, yet it was run: " + argv);
                }
                return linux.run(argv, stdin, timeout);
            }
            @Override public Optional<String> readFile(String path, int maxBytes) { return linux.readFile(path, maxBytes); }
            @Override public boolean hasCommand(String name) { return !name.equals(missing) && linux.hasCommand(name); }
            @Override public Optional<String> env(String name) { return linux.env(name); }
            @Override public String describe() { return linux.describe(); }
            @Override public dev.netdoctor.host.Standpoint standpoint() { return linux.standpoint(); }
            @Override public java.util.Optional<dev.netdoctor.host.WslDistroAccess> throughWsl() { return linux.throughWsl(); }
            @Override public Optional<byte[]> readBytes(String path, int maxBytes) { return linux.readBytes(path, maxBytes); }
        };
    }

    static Environment environment(NetInterface... interfaces) {
        return new Environment("Linux", "6.6", new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of()), List.of(interfaces),
                null, List.of(), new SshClientFacts(true, "OpenSSH_9.2p1", Map.of("ipqos", "lowdelay throughput"), "lowdelay", "throughput", null),
                6, 127, List.of());
    }

    @Override public DiagnosisRequest request() { return request; }
    @Override public Target target() { return request.target(); }
    @Override public String address() { return target() == null ? null : target().host(); }
    @Override public Environment environment() { return environment; }
    @Override public List<ProbeOutcome> earlierOutcomes() { return List.of(); }
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
    @Override public void onCancel(Runnable stop) { cancelHooks.add(stop); }
}
