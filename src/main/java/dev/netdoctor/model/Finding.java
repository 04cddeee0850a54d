// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * A conclusion drawn from this run's evidence. {@code id} is stable (used by JSON, the UI and
 * the report); title and explanation are for a non-expert, evidence for the expert.
 */
public record Finding(FindingId id, Severity severity, Confidence confidence, String title,
                      String explanation, List<Evidence> evidence, List<FixSuggestion> fixes) {
    public Finding {
        java.util.Objects.requireNonNull(id, "id");
        evidence = List.copyOf(evidence);
        fixes = List.copyOf(fixes);
    }
}
