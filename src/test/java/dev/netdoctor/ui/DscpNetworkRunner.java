// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.session.SessionEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The DSCP network of seed 1, with the user's ssh as their config file on disk makes it: marked
 * SYNs are dropped and unmarked ones answered, always (no fix changes the network); what the
 * user's ssh marks is read from {@code config} by the real {@code ssh -G -F}, each run anew, and
 * the real {@link Diagnoser} judges. So a run after the wizard's ssh fix sees the file the fix
 * wrote, and a run after Undo sees the file restored: nothing is scripted per step.
 */
public final class DscpNetworkRunner implements SessionRunner {
    private final Path config;
    final List<DiagnosisRequest> requests = new CopyOnWriteArrayList<>();
    /** What ssh -G said for each run: the marking the user's ssh would use. */
    final List<String> userMarkings = new CopyOnWriteArrayList<>();

    public DscpNetworkRunner(Path config) {
        this.config = config;
    }

    @Override
    public Running start(DiagnosisRequest request, Consumer<SessionEvent> listener) {
        requests.add(request);
        CompletableFuture<DiagnosisResult> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                DiagnosisResult r = run();
                for (SessionEvent e : Fixtures.events(r)) {
                    listener.accept(e);
                }
                done.complete(r);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return ScriptedRunner.completing(done);
    }

    private DiagnosisResult run() throws Exception {
        Target target = Target.parse(Fixtures.TARGET);
        SshClientFacts ssh = userSsh();
        userMarkings.add(ssh.interactiveQos());
        Environment env = Environments.from(Fixtures.environment()).sshClient(ssh).build();
        // The network as in seed 1: only the user's ssh runs change with what it marks.
        List<ProbeOutcome> probes = new ArrayList<>();
        for (ProbeOutcome o : Fixtures.dscpOutcomes(false)) {
            probes.add(o.probeId().equals(ProbeId.OPENSSH_CLIENT) ? opensshRuns(o, ssh) : o);
        }
        List<Finding> findings = new Diagnoser().diagnose(target, env, probes);
        return new DiagnosisResult(1, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-11-22T03:00:00Z"), 2480,
                DiagnosisResult.Request.of(DiagnosisRequest.forTarget(target)), env, probes, findings, Diagnoser.verdict(findings, true), true);
    }

    /** The real ssh's reading of the config file: {@code ssh -G -F config target}. */
    private SshClientFacts userSsh() throws Exception {
        Path file = Files.exists(config) ? config : Path.of("/dev/null");
        CommandRun g = new LocalLinuxSide().run(List.of("ssh", "-G", "-F", file.toString(), "--", Fixtures.TARGET), Duration.ofSeconds(10));
        if (g.exitCode() != 0) {
            throw new IllegalStateException("ssh -G failed: " + g.stderr());
        }
        Map<String, String> effective = new LinkedHashMap<>();
        g.stdout().lines().map(l -> l.split(" ", 2)).filter(p -> p.length == 2).forEach(p -> effective.putIfAbsent(p[0], p[1]));
        String[] qos = effective.getOrDefault("ipqos", "af21 cs1").split(" ");
        return new SshClientFacts(true, "OpenSSH (this machine's)", effective, qos[0], qos.length > 1 ? qos[1] : qos[0], null);
    }

    /** The user's ssh on this network: it connects when it does not mark, and times out when it does. */
    private static ProbeOutcome opensshRuns(ProbeOutcome o, SshClientFacts ssh) {
        ProbeData.OpenSshRuns before = (ProbeData.OpenSshRuns) o.data();
        boolean marks = DscpClass.parse(ssh.interactiveQos()).map(DscpClass::marked).orElse(true);
        String marked = marks ? ssh.interactiveQos() : "af21";
        CommandRun run = before.attempts().getFirst().run();
        List<OpenSshAttempt> attempts = List.of(
                new OpenSshAttempt("none", OpenSshAttempt.Result.KEY_EXCHANGE_DONE, 120, null, run),
                new OpenSshAttempt(marked, OpenSshAttempt.Result.CONNECT_TIMED_OUT, 2010, null, run));
        return new ProbeOutcome(o.probeId(), o.title(), o.status(), o.summary(), o.parameters(), o.startedAfterMillis(), o.durationMillis(),
                new ProbeData.OpenSshRuns(before.clientVersion(), attempts), o.evidence(), o.error());
    }
}
