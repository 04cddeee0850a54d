// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeStatus;

import java.util.List;
import java.util.Map;

/** What a probe hands back: the session adds its id, title and timing. */
public record ProbeReport(ProbeStatus status, String summary, Map<String, String> parameters,
                          ProbeData data, List<Evidence> evidence) {
    public static ProbeReport completed(String summary, Map<String, String> parameters, ProbeData data, List<Evidence> evidence) {
        return new ProbeReport(ProbeStatus.COMPLETED, summary, parameters, data, evidence);
    }

    public static ProbeReport skipped(String why) {
        return new ProbeReport(ProbeStatus.SKIPPED, why, Map.of(), null, List.of());
    }
}
