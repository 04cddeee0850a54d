// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.session.SessionEvent;
import dev.netdoctor.ui.fix.FixPlaces;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recorded-style runs for the wizard tests: the DSCP lab as the engine saw it, and a healthy rerun. */
public final class Fixtures {
    public static final String TARGET = "198.18.1.56";

    private Fixtures() {
    }

    static Environment environment() {
        return Environments.linux().os("Ubuntu 24.04.1 LTS").kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1280, true, List.of("198.18.0.2"), List.of()))
                .defaultGateway("198.18.0.1").dnsServers("198.18.0.1")
                .sshClient(new SshClientFacts(true, "OpenSSH_9.6p1 Ubuntu-3ubuntu13.5, OpenSSL 3.0.13",
                        Map.of("ipqos", "af21 cs1", "port", "22", "hostname", TARGET), "af21", "cs1", null))
                .build();
    }

    private static ProbeOutcome outcome(ProbeId id, String title, long start, long millis, String summary, ProbeData data, List<Evidence> ev) {
        return new ProbeOutcome(id, title, ProbeStatus.COMPLETED, summary, Map.of(), start, millis, data, ev, null);
    }

    /** The DSCP failure: unmarked SYN answered, marked ones dropped. */
    static List<ProbeOutcome> dscpOutcomes(boolean healthy) {
        ConnectResult marked = healthy ? ConnectResult.CONNECTED : ConnectResult.TIMED_OUT;
        List<ConnectAttempt> attempts = new ArrayList<>();
        attempts.add(new ConnectAttempt(DscpClass.UNMARKED, ConnectResult.CONNECTED, 4, null));
        for (String c : List.of("af21", "cs1", "ef", "lowdelay", "throughput")) {
            attempts.add(new ConnectAttempt(DscpClass.parse(c).orElseThrow(), marked, healthy ? 5 : 2000, null));
        }
        CommandRun sshRun = new CommandRun(List.of("ssh", "-v", "-o", "IPQoS=af21", "--", TARGET, "true"), 255, "",
                healthy ? "debug1: Connection established.\nHost key verification failed." : "ssh: connect to host " + TARGET + " port 22: Connection timed out",
                healthy ? 120 : 2010, false, false, false);
        return List.of(
                outcome(ProbeId.NAME_RESOLUTION, "Look up the target's address", 0, 2, TARGET + " is already an address",
                        new ProbeData.Resolution(TARGET, List.of(TARGET), "literal", null), List.of()),
                outcome(ProbeId.PING, "Ping the target", 210, 420, TARGET + " answered 3 of 3 pings (0.4 ms)",
                        new ProbeData.Ping(TARGET, 3, 3, 0.4), List.of()),
                outcome(ProbeId.ROUTES, "Find the route packets take", 210, 60, TARGET + " → eth0 via 198.18.0.1",
                        new ProbeData.Routes(List.of(new RouteLookup(TARGET, "tcp", 22, "eth0", "198.18.0.1", "198.18.0.2", null, null, null)), List.of()), List.of()),
                outcome(ProbeId.DSCP_CONNECT, "Connect with and without packet marking", 210, healthy ? 30 : 2050,
                        healthy ? "unmarked: connected in 4 ms; marked: 5 of 5 answered" : "unmarked: connected in 4 ms; marked: 0 of 5 answered",
                        new ProbeData.MarkedConnects(TARGET, 22, attempts), List.of()),
                outcome(ProbeId.SSH_HANDSHAKE, "Start an SSH handshake", 210, healthy ? 220 : 2100, healthy ? "key exchange done" : "marked: stopped before connecting",
                        new ProbeData.SshHandshakes(TARGET, 22, List.of(
                                new HandshakeAttempt(DscpClass.UNMARKED, HandshakeAttempt.Stage.KEY_EXCHANGE_DONE, true, 210,
                                        "SSH-2.0-OpenSSH_9.2p1", "curve25519-sha256", "ssh-ed25519", "SHA256:x", null),
                                new HandshakeAttempt(DscpClass.parse("af21").orElseThrow(),
                                        healthy ? HandshakeAttempt.Stage.KEY_EXCHANGE_DONE : HandshakeAttempt.Stage.NOTHING, healthy, 2000,
                                        null, null, null, null, healthy ? null : "timeout"))), List.of()),
                outcome(ProbeId.OPENSSH_CLIENT, "Try your own ssh with and without marking", 210, 2100, "IPQoS=none reached the host key",
                        new ProbeData.OpenSshRuns("OpenSSH_9.6p1", List.of(
                                new OpenSshAttempt("none", OpenSshAttempt.Result.KEY_EXCHANGE_DONE, 120, null, sshRun),
                                new OpenSshAttempt("af21", healthy ? OpenSshAttempt.Result.KEY_EXCHANGE_DONE : OpenSshAttempt.Result.CONNECT_TIMED_OUT, 2010, null, sshRun))),
                        List.of(sshRun.asEvidence("IPQoS=af21"))));
    }

    public static DiagnosisResult result(boolean healthy) {
        Target target = Target.parse(TARGET);
        List<ProbeOutcome> probes = dscpOutcomes(healthy);
        List<Finding> findings = new Diagnoser().diagnose(target, environment(), probes);
        return new DiagnosisResult(1, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-11-22T03:00:00Z"), 2480,
                DiagnosisResult.Request.of(DiagnosisRequest.forTarget(target)), environment(), probes, findings,
                Diagnoser.verdict(findings, true), true);
    }

    /**
     * A wizard for a test: a fresh home under {@code root} (its ~/.ssh, .wslconfig and settings),
     * a fixed clock, the given session and dialogs; leaving it does nothing.
     */
    static WizardViewModel wizard(java.nio.file.Path root, SessionRunner runner, DialogService dialogs) throws java.io.IOException {
        return wizardIn(java.nio.file.Files.createTempDirectory(root, "home"), runner, dialogs);
    }

    /** The same, in a home the test made (e.g. with an ssh config in it). */
    static WizardViewModel wizardIn(java.nio.file.Path userHome, SessionRunner runner, DialogService dialogs) {
        FixPlaces places = FixPlaces.onThisComputer(userHome, () -> java.util.Optional.of(userHome.resolve(".wslconfig")),
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T03:00:00Z"), java.time.ZoneOffset.UTC));
        return new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("settings.properties")), places, () -> { });
    }

    /** A run in which one check could not finish (the SSH handshake timed out): incomplete, said so. */
    static DiagnosisResult incompleteResult() {
        Target target = Target.parse(TARGET);
        List<ProbeOutcome> probes = new ArrayList<>();
        for (ProbeOutcome o : dscpOutcomes(false)) {
            probes.add(o.probeId().equals(ProbeId.SSH_HANDSHAKE) ? new ProbeOutcome(o.probeId(), o.title(), dev.netdoctor.model.ProbeStatus.TIMED_OUT,
                    "the check did not finish 10000 ms after its own limit of 6000 ms: it is stuck", java.util.Map.of(),
                    o.startedAfterMillis(), 16_000, null, List.of(), "the check did not finish 10000 ms after its own limit of 6000 ms: it is stuck") : o);
        }
        List<Finding> findings = new Diagnoser().diagnose(target, environment(), probes, false);
        return new DiagnosisResult(1, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-11-22T03:00:00Z"), 16_500,
                DiagnosisResult.Request.of(DiagnosisRequest.forTarget(target)), environment(), probes, findings,
                Diagnoser.verdict(findings, false), false);
    }

    /** A run the user stopped early: only the name lookup had finished, nothing was concluded. */
    static DiagnosisResult stoppedResult() {
        Target target = Target.parse(TARGET);
        List<ProbeOutcome> probes = new ArrayList<>();
        for (ProbeOutcome o : dscpOutcomes(false)) {
            probes.add(o.probeId().equals(ProbeId.NAME_RESOLUTION) ? o : new ProbeOutcome(o.probeId(), o.title(), ProbeStatus.CANCELLED,
                    "stopped", java.util.Map.of(), o.startedAfterMillis(), 300, null, List.of(), null));
        }
        List<Finding> findings = new Diagnoser().diagnose(target, environment(), probes, false);
        return new DiagnosisResult(1, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-11-22T03:00:00Z"), 600,
                DiagnosisResult.Request.of(DiagnosisRequest.forTarget(target)), environment(), probes, findings,
                Diagnoser.verdict(findings, false), false);
    }

    /**
     * A run the user stopped while the user's own ssh was being tried: everything that finished
     * looks healthy, but what would have shown a problem was not learned.
     */
    static DiagnosisResult stoppedHealthyResult() {
        Target target = Target.parse(TARGET);
        List<ProbeOutcome> probes = new ArrayList<>();
        for (ProbeOutcome o : dscpOutcomes(true)) {
            probes.add(!o.probeId().equals(ProbeId.OPENSSH_CLIENT) ? o : new ProbeOutcome(o.probeId(), o.title(), ProbeStatus.CANCELLED,
                    "stopped by the user", java.util.Map.of(), o.startedAfterMillis(), 300, null, List.of(), "stopped by the user"));
        }
        List<Finding> findings = new Diagnoser().diagnose(target, environment(), probes, false);
        return new DiagnosisResult(1, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-11-22T03:00:00Z"), 900,
                DiagnosisResult.Request.of(DiagnosisRequest.forTarget(target)), environment(), probes, findings,
                Diagnoser.verdict(findings, false), false);
    }

    /** The events a run emits, in order: what the Running checks step shows live. */
    static List<SessionEvent> events(DiagnosisResult r) {
        return events(r, true);
    }

    /**
     * The events of a run that gave {@code r}; with {@code samples}, also a made-up ssh connection
     * hanging in SYN-SENT and its route, as the live tables show them: a recording holds neither,
     * and a journey that is not about ssh must not show one.
     */
    static List<SessionEvent> events(DiagnosisResult r, boolean samples) {
        List<SessionEvent> events = new ArrayList<>();
        for (ProbeOutcome o : r.probes()) {
            events.add(new SessionEvent.ProbeStarted(o.probeId(), o.title(), o.startedAfterMillis()));
        }
        events.add(new SessionEvent.EnvironmentReady(r.environment(), 200));
        if (!samples) {
            r.probes().forEach(o -> events.add(new SessionEvent.ProbeFinished(o, o.startedAfterMillis() + o.durationMillis())));
            r.findings().forEach(f -> events.add(new SessionEvent.FindingRaised(f, r.durationMillis())));
            return events;
        }
        events.add(new SessionEvent.ProbeProgress(ProbeId.DSCP_CONNECT, 0.3, "sending 6 SYNs to " + TARGET + ":22", 300));
        events.add(new SessionEvent.RouteLine(new RouteLookup(TARGET, "tcp", 22, "eth0", "198.18.0.1", "198.18.0.2", null, null, null), 320));
        events.add(new SessionEvent.SocketSnapshot(List.of(
                new TcpConnection("SYN_SENT", "198.18.0.2", 51234, TARGET, 22, 4242, "ssh", "ssh admin@" + TARGET, 12_400, false),
                new TcpConnection("SYN_SENT", "198.18.0.2", 51300, TARGET, 22, 777, "java", "wsl-net-doctor", 900, true),
                new TcpConnection("ESTABLISHED", "198.18.0.2", 51310, TARGET, 22, 778, "ssh", "ssh -o IPQoS=none", 0, true)), 800));
        for (ProbeOutcome o : r.probes()) {
            events.add(new SessionEvent.ProbeFinished(o, o.startedAfterMillis() + o.durationMillis()));
        }
        r.findings().forEach(f -> events.add(new SessionEvent.FindingRaised(f, r.durationMillis())));
        return events;
    }

    /** The value {@code c} gives on the FX thread, waiting at most 10 s. */
    static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition} holds on the FX thread: a bound, not a measure, so it is
     * generous. CI saw the first PDF export of a run take over 10 s on a 2-core machine busy with
     * other builds (fonts and the renderer load then); it passes in about 1 s on its own.
     */
    static void until(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> fx(condition));
    }
}
