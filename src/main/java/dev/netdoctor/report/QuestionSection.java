// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Words;

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
        rows.put(Words.get("report.target"), r.request().target() == null ? Words.get("report.target.none") : r.request().target());
        rows.put(Words.get("report.servicePorts"), r.request().servicePorts().isEmpty() ? Words.get("system.none") : r.request().servicePorts().stream()
                .map(String::valueOf).collect(Collectors.joining(", ")));
        if (!r.request().windowsPorts().isEmpty()) {
            rows.put(Words.get("report.windowsPorts"), r.request().windowsPorts().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (r.request().otherDevices()) {
            rows.put(Words.get("report.otherDevices"), Words.get("report.otherDevices.value"));
        }
        rows.put(Words.get("report.vantage"), r.request().vantage() == null ? Words.get("system.none") : r.request().vantage());
        rows.put(Words.get("report.limits"), Words.get("report.limits.value", String.valueOf(r.request().attemptTimeoutMillis()),
                String.valueOf(r.request().deadlineMillis() / 1000)));
        rows.put(Words.get("report.took"), Words.get("report.ms", String.valueOf(r.durationMillis())));
        return keyValues(rows);
    }
}
