// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.netdoctor.report.Html.keyValues;

/** "What was asked": the target, the service ports, the outside check and the time limits. */
final class QuestionSection {
    private QuestionSection() {
    }

    static String html(DiagnosisResult r) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Target", r.request().target() == null ? "none: this computer only" : r.request().target());
        rows.put("Service ports", r.request().servicePorts().isEmpty() ? "none" : r.request().servicePorts().stream()
                .map(String::valueOf).collect(Collectors.joining(", ")));
        rows.put("Outside check from", r.request().vantage() == null ? "none" : r.request().vantage());
        rows.put("Time limits", r.request().attemptTimeoutMillis() + " ms per attempt, " + r.request().deadlineMillis() / 1000 + " s in all");
        rows.put("Run took", r.durationMillis() + " ms");
        return keyValues(rows);
    }
}
