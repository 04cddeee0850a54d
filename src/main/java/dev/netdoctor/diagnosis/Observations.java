// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Target;

import java.util.List;
import java.util.Optional;

/**
 * Everything one run observed, with typed access for the rules. {@code sshTarget}: whether the
 * target was asked about as an SSH server (see {@link dev.netdoctor.model.DiagnosisRequest#sshTarget()}).
 */
public record Observations(Target target, boolean sshTarget, Environment environment, List<ProbeOutcome> outcomes) {
    public Observations {
        outcomes = List.copyOf(outcomes);
    }

    /** A run about an SSH server, as every target was before {@code sshTarget} existed. */
    public Observations(Target target, Environment environment, List<ProbeOutcome> outcomes) {
        this(target, true, environment, outcomes);
    }

    public <T extends ProbeData> Optional<T> data(Class<T> type) {
        return outcomes.stream().map(o -> o.dataAs(type)).flatMap(Optional::stream).findFirst();
    }

    /**
     * The data of one probe, when it completed. Two probes may observe the same kind of thing
     * (the routes to the target and those for this computer's own addresses): a rule that
     * reasons about one of them asks for it by id, so the other can never stand in for it.
     */
    public <T extends ProbeData> Optional<T> data(ProbeId probe, Class<T> type) {
        return outcome(probe).flatMap(o -> o.dataAs(type));
    }

    public Optional<ProbeOutcome> outcome(ProbeId probe) {
        return outcomes.stream().filter(probe::is).findFirst();
    }

    /** How long the user's ssh would wait on its own for an unanswered SYN, if known. */
    public Optional<Integer> synGiveUpSeconds() {
        return Optional.ofNullable(environment).map(Environment::synGiveUpSeconds);
    }
}
