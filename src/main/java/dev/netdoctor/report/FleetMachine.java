// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.SummaryLine;

import java.util.List;

/**
 * One machine's result as the fleet summary counts it. Whichever input it came from, it is read
 * as the summary line ({@link SummaryLine}) says it: a saved result is turned into its line, an
 * Intune export holds the line, so both give the same verdict words and the same values.
 *
 * @param name           how the help desk finds the machine: Intune's device name, or the result file's path
 * @param source         the file it was read from (and the row, for a CSV export)
 * @param verdict        a word from {@link SummaryLine#VERDICTS} (a newer app may write another)
 * @param findings       the finding ids, each once
 * @param findingsLeftOut finding ids the line had no room for (only ever in a long CSV line)
 * @param wsl            the WSL version (2.3.26.0), {@link SummaryLine#UNKNOWN} when not known
 * @param mode           the networking mode (nat, mirrored…), unknown when not known
 * @param windows        the Windows build (10.0.26100.2605), unknown when not known
 * @param complete       false when the run was cut short: its findings may be missing some
 */
public record FleetMachine(String name, String source, String verdict, List<String> findings, int findingsLeftOut,
                           String wsl, String mode, String windows, boolean complete) {
    public FleetMachine {
        findings = List.copyOf(new java.util.LinkedHashSet<>(findings));
        verdict = known(verdict);
        wsl = known(wsl);
        mode = known(mode);
        windows = known(windows);
    }

    /** A blank or dash value is an unknown one; every other value is kept as written. */
    static String known(String value) {
        return value == null || value.isBlank() || value.strip().equals("-") ? SummaryLine.UNKNOWN : value.strip();
    }

    /** A saved result (diagnose --json), counted as its summary line would tell it. */
    public static FleetMachine of(String name, String source, DiagnosisResult result) {
        return of(name, source, SummaryLine.of(result, false));
    }

    public static FleetMachine of(String name, String source, SummaryLine line) {
        // A line that does not say whether the run finished: only the verdict "incomplete" says it did not.
        boolean complete = line.complete().orElse(!SummaryLine.INCOMPLETE.equals(line.verdict()));
        return new FleetMachine(name, source, line.verdict(), line.findings(), line.findingsLeftOut(), line.wsl(), line.mode(),
                line.windows(), complete);
    }

    /** Cut short while diagnosing; a machine where no diagnosis ran at all is not counted as such. */
    public boolean incomplete() {
        return !complete && !SummaryLine.NOT_RUN.equals(verdict);
    }
}
