// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.SummaryLine;
import dev.netdoctor.model.Words;
import dev.netdoctor.report.FleetSummary.Skipped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CSV that Intune exports from a Remediations package's device status: a header row, one
 * row per device, the detection script's output (its last line, which is our summary line) in a
 * cell. Which columns the export has is not documented; third-party scripts show both the
 * portal's column titles ("Device name", "Pre-remediation detection output") and the report
 * API's names ("DeviceName", "PreRemediationDetectionScriptOutput"). So columns are found by
 * their header, in any case and spacing, and the summary line in whichever cell holds it.
 */
final class IntuneCsv {
    /** Headers (lower case, letters and digits only) that name the device. */
    private static final List<String> DEVICE_HEADERS = List.of("devicename", "device", "computername", "managedDeviceName".toLowerCase(Locale.ROOT));

    private IntuneCsv() {
    }

    /** Adds a machine for each row that holds a summary line; lists the others as skipped. */
    static void read(String text, String file, List<FleetMachine> machines, List<Skipped> skipped) {
        List<List<String>> rows;
        try {
            rows = parse(text);
        } catch (IllegalArgumentException e) {
            skipped.add(new Skipped(file, e.getMessage()));
            return;
        }
        rows.removeIf(r -> r.stream().allMatch(String::isBlank));
        if (rows.isEmpty()) {
            skipped.add(new Skipped(file, Words.get("fleet.skip.csvEmpty")));
            return;
        }
        List<String> header = rows.get(0);
        int device = -1;
        int detection = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (device < 0 && DEVICE_HEADERS.contains(h)) {
                device = i;
            }
            // The output before any remediation ran: the diagnosis itself, not the check after a fix.
            if (detection < 0 && h.startsWith("preremediation") && h.endsWith("output")) {
                detection = i;
            }
        }
        if (rows.size() == 1) {
            skipped.add(new Skipped(file, Words.get("fleet.skip.csvNoRows")));
            return;
        }
        List<FleetMachine> found = new ArrayList<>();
        List<Skipped> rowsWithout = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            // Row numbers as a spreadsheet shows them: the header is row 1.
            String where = Words.get("fleet.csvRow", file, r + 1);
            String name = device >= 0 && device < row.size() && !row.get(device).isBlank() ? row.get(device).strip() : where;
            Optional<SummaryLine> line = summaryLine(row, detection);
            if (line.isEmpty()) {
                rowsWithout.add(new Skipped(device >= 0 ? where + " (" + name + ")" : where, Words.get("fleet.skip.noSummaryLine")));
                continue;
            }
            found.add(FleetMachine.of(name, where, line.get()));
        }
        if (found.isEmpty()) {
            // Not one row: this is not an export of our detection script, one entry says so.
            skipped.add(new Skipped(file, Words.get("fleet.skip.csvNoSummaryLine")));
            return;
        }
        machines.addAll(found);
        skipped.addAll(rowsWithout);
    }

    private static Optional<SummaryLine> summaryLine(List<String> row, int preferred) {
        if (preferred >= 0 && preferred < row.size()) {
            Optional<SummaryLine> line = SummaryLine.parse(row.get(preferred));
            if (line.isPresent()) {
                return line;
            }
        }
        for (String cell : row) {
            Optional<SummaryLine> line = SummaryLine.parse(cell);
            if (line.isPresent()) {
                return line;
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 4180: cells separated by commas, quoted cells may hold commas, line breaks and doubled
     * quotes; lines end in CRLF or LF. A quote inside an unquoted cell is kept as it is (Excel
     * does the same). Some exports separate cells by semicolons (a list separator of the
     * language's settings): the header row decides which of the two is used.
     */
    static List<List<String>> parse(String text) {
        char separator = separator(text);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                rows.add(row);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException(Words.get("fleet.skip.csvCut"));
        }
        if (!cell.isEmpty() || !row.isEmpty() || wasQuoted) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** The header row's separator: semicolons only when it has more of them than commas. */
    private static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
