package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Target;

import java.util.List;
import java.util.Optional;

/** Everything one run observed, with typed access for the rules. */
public record Observations(Target target, Environment environment, List<ProbeOutcome> outcomes) {
    public Observations {
        outcomes = List.copyOf(outcomes);
    }

    public <T extends ProbeData> Optional<T> data(Class<T> type) {
        return outcomes.stream().map(o -> o.dataAs(type)).flatMap(Optional::stream).findFirst();
    }

    public Optional<ProbeOutcome> outcome(String probeId) {
        return outcomes.stream().filter(o -> o.probeId().equals(probeId)).findFirst();
    }

    /** How long the user's ssh would wait on its own for an unanswered SYN, if known. */
    public Optional<Integer> synGiveUpSeconds() {
        return Optional.ofNullable(environment).map(Environment::synGiveUpSeconds);
    }
}
