// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code path-mtu-blackhole}: the connection opened, the SSH key exchange (the first large
 * packets) never finished, and don't-fragment pings show that packets above some size vanish.
 */
final class PathMtuRule implements Rule {

    @Override
    public Optional<Finding> apply(Observations obs) {
        Optional<ProbeData.PathMtu> mtu = obs.data(ProbeData.PathMtu.class).filter(ProbeData.PathMtu::blackHole);
        if (mtu.isEmpty()) {
            return Optional.empty();
        }
        ProbeData.PathMtu m = mtu.get();
        int lost = m.smallestLostPayload() + 28;
        int through = m.estimatedPathMtu();
        List<Evidence> evidence = new ArrayList<>();
        obs.data(ProbeData.SshHandshakes.class).ifPresent(h -> h.attempts().stream().filter(a -> !a.marking().marked()).forEach(a ->
                evidence.add(Evidence.of("SSH handshake (unmarked): " + a.reached().describe() + " after " + a.millis() + " ms"))));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.PATH_MTU));
        return Optional.of(new Finding(FindingId.PATH_MTU_BLACKHOLE, Severity.PROBLEM, Confidence.HIGH,
                Words.get("finding.PATH_MTU_BLACKHOLE.title", obs.target().host()),
                Words.get("finding.PATH_MTU_BLACKHOLE.explanation", through, lost, m.interfaceMtu()),
                evidence,
                List.of(new FixSuggestion(FixId.LOWER_MTU, Words.get("finding.PATH_MTU_BLACKHOLE.fix.LOWER_MTU.title", through),
                        Words.get("finding.PATH_MTU_BLACKHOLE.fix.LOWER_MTU.detail", through)))));
    }
}
