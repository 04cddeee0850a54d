// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Verification;
import dev.netdoctor.model.Words;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.keyValues;

/** "Fixes": what was offered, what was done (with its diff), and what the checks said after. */
final class FixesSection {
    private FixesSection() {
    }

    static String html(ReportData report) {
        StringBuilder s = new StringBuilder();
        DiagnosisResult r = report.result();
        Set<String> offered = new java.util.LinkedHashSet<>();
        r.findings().forEach(f -> f.fixes().forEach(x -> offered.add(x.title() + " (" + x.id() + ")")));
        s.append("<h3>").append(esc(Words.get("report.offered"))).append("</h3>\n");
        if (offered.isEmpty()) {
            s.append("<p>").append(esc(Words.get("report.offered.none"))).append("</p>\n");
        } else {
            s.append("<ul>");
            offered.forEach(o -> s.append("<li>").append(esc(o)).append("</li>"));
            s.append("</ul>\n");
        }
        s.append("<h3>").append(esc(Words.get("report.done"))).append("</h3>\n");
        if (report.fixHistory().isEmpty()) {
            s.append("<p>").append(esc(Words.get("report.done.none"))).append("</p>\n");
        }
        for (FixRecord fr : report.fixHistory()) {
            s.append("<div class=\"fixrecord\"><p><b>").append(esc(fr.title())).append("</b>: ").append(esc(fr.action()))
                    .append(fr.at() == null ? "" : " " + esc(Words.get("report.at", ReportHeader.time(fr.at())))).append("</p>\n");
            Map<String, String> rows = new LinkedHashMap<>();
            if (fr.file() != null) {
                rows.put(Words.get("report.file"), fr.file());
            }
            if (fr.backup() != null) {
                rows.put(Words.get("report.backup"), fr.backup());
            }
            if (fr.verification() != null) {
                rows.put(Words.get("report.checked"), fr.verification());
            }
            if (fr.undo() != null && fr.action().equals(FixRecord.APPLIED) && !undoneLater(report, fr)) {
                rows.put(Words.get("report.undo"), fr.undo());
            }
            s.append(keyValues(rows));
            if (fr.diff() != null && !fr.diff().isBlank()) {
                s.append("<pre class=\"diff\">").append(diffHtml(fr.diff())).append("</pre>\n");
            }
            s.append("</div>\n");
        }
        if (report.verification() != null) {
            DiagnosisResult after = report.verification();
            s.append("<h3>").append(esc(Words.get("report.verification"))).append("</h3>\n<table class=\"grid\"><thead><tr><th></th><th>")
                    .append(esc(Words.get("verify.col.before"))).append("</th><th>").append(esc(Words.get("verify.col.after")))
                    .append("</th></tr></thead><tbody>\n")
                    .append("<tr><td>").append(esc(Words.get("verify.verdict"))).append("</td><td>").append(esc(r.verdict())).append("</td><td>").append(esc(after.verdict())).append("</td></tr>\n");
            for (Verification.Row row : Verification.compare(r, after)) {
                boolean isNew = row.change().isNew();
                s.append("<tr><td>").append(esc(row.finding().title())).append("</td><td>").append(esc(isNew ? "—" : Words.get("verify.found")))
                        .append("</td><td>").append(esc(row.change().words())).append("</td></tr>\n");
            }
            s.append("</tbody></table>\n");
        }
        return s.toString();
    }

    /** Whether the fix was taken back later in the session: then there is nothing left to undo. */
    private static boolean undoneLater(ReportData report, FixRecord applied) {
        java.util.List<FixRecord> all = report.fixHistory();
        return all.subList(all.indexOf(applied) + 1, all.size()).stream()
                .anyMatch(later -> later.action().equals(FixRecord.UNDONE) && java.util.Objects.equals(later.file(), applied.file()));
    }

    private static String diffHtml(String diff) {
        StringBuilder s = new StringBuilder();
        for (String line : diff.split("\n", -1)) {
            String cls = line.startsWith("+") && !line.startsWith("+++") ? "add" : line.startsWith("-") && !line.startsWith("---") ? "del"
                    : line.startsWith("@@") ? "hunk" : "";
            s.append(cls.isEmpty() ? esc(line) : "<span class=\"" + cls + "\">" + esc(line) + "</span>").append('\n');
        }
        return s.toString();
    }
}
