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
                "Large packets to " + obs.target().host() + " are lost on the way",
                "The connection opens, but the SSH handshake stalls as soon as large packets are sent: packets of "
                        + through + " bytes get through, packets of " + lost + " bytes silently vanish (your interface allows "
                        + m.interfaceMtu() + "). Lowering the packet size (MTU) to " + through + " avoids the loss.",
                evidence,
                List.of(new FixSuggestion(FixId.LOWER_MTU, "Lower the MTU to " + through,
                        "For a quick test: sudo ip link set dev <interface> mtu " + through + ". On the network side, the "
                                + "device that drops \"fragmentation needed\" messages should let them through."))));
    }
}
