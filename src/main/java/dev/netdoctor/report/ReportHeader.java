// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static dev.netdoctor.report.Html.esc;

/** The top of the report: the product, when it ran, the title and the verdict, and whether it is redacted or incomplete. */
final class ReportHeader {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss xxx '('VV')'", Locale.ENGLISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_FIXED = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss xxx", Locale.ENGLISH);

    private ReportHeader() {
    }

    static String title(DiagnosisResult r) {
        return Words.get("report.name") + (r.request().target() == null ? "" : " — " + r.request().target());
    }

    static String html(ReportData report, Map<String, String> bookmarks) {
        StringBuilder h = new StringBuilder();
        DiagnosisResult r = report.result();
        h.append("<div class=\"masthead\"><div class=\"product\">WSL Net Doctor <span class=\"version\">").append(esc(r.toolVersion()))
                .append("</span></div><div class=\"when\">").append(esc(when(r))).append("</div></div>\n");
        h.append("<h1 id=\"verdict\">").append(esc(title(r))).append("</h1>\n");
        bookmarks.put("verdict", Words.get("report.verdict"));
        h.append(verdict(r, Words.get("report.verdict")));
        if (report.verification() != null) {
            // the first page tells where things stand now, not only what was found before the fix
            h.append(verdict(report.verification(), Words.get("report.verdictAfter")));
        }
        if (report.redacted()) {
            h.append("<p class=\"redacted\">").append(esc(Words.get("report.redacted"))).append("</p>\n");
        }
        if (!r.complete()) {
            h.append("<p class=\"note\">").append(esc(Words.get("report.incomplete"))).append("</p>\n");
        }
        return h.toString();
    }

    private static String verdict(DiagnosisResult r, String label) {
        String verdictClass = r.problemFound() ? "problem" : r.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING) ? "warning" : "ok";
        return "<div class=\"verdict " + verdictClass + "\"><div class=\"label\">" + esc(label) + "</div><div class=\"text\">"
                + esc(r.verdict()) + "</div></div>\n";
    }

    private static String when(DiagnosisResult r) {
        try {
            return r.startedAt().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(WHEN);
        } catch (RuntimeException e) {
            return r.startedAt().format(WHEN_FIXED);
        }
    }

    /** A moment as people read it: to the second, with its offset; never the clock's nanoseconds. */
    static String time(java.time.OffsetDateTime at) {
        return at.format(STAMP);
    }
}
