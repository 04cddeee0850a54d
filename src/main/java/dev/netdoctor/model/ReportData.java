// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * Everything a report shows: the diagnosis, what was offered and done about it, the
 * verification run (null if none), and whether names and addresses were replaced.
 */
public record ReportData(DiagnosisResult result, List<FixRecord> fixHistory, DiagnosisResult verification, boolean redacted) {
    public ReportData {
        fixHistory = fixHistory == null ? List.of() : List.copyOf(fixHistory);
    }

    public static ReportData of(DiagnosisResult result) {
        return new ReportData(result, List.of(), null, false);
    }
}
