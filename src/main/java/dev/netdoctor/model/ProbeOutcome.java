// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;
import java.util.Map;

/**
 * What one probe did in one run. {@code startedAfterMillis} counts from the moment probing
 * started, so a report can draw the timeline.
 */
public record ProbeOutcome(ProbeId probeId, String title, ProbeStatus status, String summary,
                           Map<String, String> parameters, long startedAfterMillis, long durationMillis,
                           ProbeData data, List<Evidence> evidence, String error) {
    public ProbeOutcome {
        java.util.Objects.requireNonNull(probeId, "probeId");
        // Insertion order kept, so the JSON of a result is the same every time it is written.
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public <T extends ProbeData> java.util.Optional<T> dataAs(Class<T> type) {
        return type.isInstance(data) && status == ProbeStatus.COMPLETED
                ? java.util.Optional.of(type.cast(data)) : java.util.Optional.empty();
    }
}
