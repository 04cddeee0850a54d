// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns one run's observations into findings; the same for the CLI, the wizard and reports. */
public final class Diagnoser {

    /** The findings of a run whose every check finished. */
    public List<Finding> diagnose(Target target, Environment environment, List<ProbeOutcome> outcomes) {
        return diagnose(target, environment, outcomes, true);
    }

    /**
     * The findings of one run. {@code complete} false (stopped, or out of time): what was found is
     * said, but never an all-clear, since the checks that would have seen the problem may be the
     * ones that did not finish.
     */
    public List<Finding> diagnose(Target target, Environment environment, List<ProbeOutcome> outcomes, boolean complete) {
        return diagnose(target, true, environment, outcomes, complete);
    }

    /** The findings of one run; {@code sshTarget} says whether the target was asked about as an SSH server. */
    public List<Finding> diagnose(Target target, boolean sshTarget, Environment environment, List<ProbeOutcome> outcomes, boolean complete) {
        Observations obs = new Observations(target, sshTarget, environment, outcomes);
        List<Finding> findings = new ArrayList<>();
        for (RuleCatalog.Entry entry : RuleCatalog.ALL) {
            // Rules about the connection to the target have nothing to say without one.
            if (target != null || entry.scope() != RuleCatalog.Scope.TARGET) {
                entry.rule().apply(obs).ifPresent(findings::add);
            }
        }
        if (!complete) {
            return findings;
        }
        if (target == null) {
            // Every finding without a target is about this computer: an all-clear beside one
            // (a settings line WSL ignores) would contradict it.
            if (findings.isEmpty()) {
                findings.add(AllClear.ofThisComputer(obs));
            }
        } else if (findings.stream().noneMatch(f -> f.severity() == Severity.PROBLEM)) {
            noProblem(obs).ifPresent(findings::add);
        }
        return findings;
    }

    /** "Nothing wrong" with the target is a result too, and it carries the evidence that says so. */
    private static Optional<Finding> noProblem(Observations obs) {
        boolean connected = ReachabilityRules.unmarked(obs).map(a -> a.result() == ConnectResult.CONNECTED).orElse(false);
        if (!connected) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>(ReachabilityRules.evidenceOf(obs, ProbeId.DSCP_CONNECT));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.SSH_HANDSHAKE));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.OPENSSH_CLIENT));
        // a name that resolved through a server that answers one way only still says so
        evidence.addAll(DnsRules.partialAnswers(obs));
        // "with and without packet marking" only when every marked attempt was answered: one class
        // dropped (what the ssh fix leaves behind) is not "marking works"
        boolean markedWork = obs.data(ProbeData.MarkedConnects.class)
                .map(m -> !m.marked().isEmpty() && m.marked().stream().allMatch(a -> a.result().answered())).orElse(false);
        // Only handshakes that were tried count: none tried is no evidence that they complete.
        boolean handshake = obs.data(ProbeData.SshHandshakes.class)
                .map(h -> !h.attempts().isEmpty() && h.attempts().stream().allMatch(a -> a.completed())).orElse(false);
        return Optional.of(new Finding(FindingId.NO_PROBLEM_FOUND, Severity.INFO, handshake ? Confidence.HIGH : Confidence.MEDIUM,
                Words.get("finding.NO_PROBLEM_FOUND.title", obs.target()),
                Words.get(markedWork ? (handshake ? "finding.NO_PROBLEM_FOUND.markedHandshake" : "finding.NO_PROBLEM_FOUND.marked")
                        : (handshake ? "finding.NO_PROBLEM_FOUND.handshake" : "finding.NO_PROBLEM_FOUND.connections"), obs.target())
                        + " " + Words.get("finding.NO_PROBLEM_FOUND.explanation"),
                evidence, List.of()));
    }

    /** One line for the top of a report or the CLI. */
    public static String verdict(List<Finding> findings, boolean complete) {
        Optional<Finding> problem = findings.stream().filter(f -> f.severity() == Severity.PROBLEM).findFirst();
        String line = problem.map(Finding::title)
                .or(() -> findings.stream().filter(f -> f.severity() == Severity.WARNING).findFirst().map(f -> Severity.WARNING.words() + ": " + f.title()))
                .or(() -> findings.stream().findFirst().map(Finding::title))
                .orElse(Words.get("verdict.noConclusion"));
        return complete ? line : Words.get("verdict.incomplete", line);
    }
}
