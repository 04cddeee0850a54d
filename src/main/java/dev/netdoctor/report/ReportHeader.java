// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Severity;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static dev.netdoctor.report.Html.esc;

/** The top of the report: the product, when it ran, the title and the verdict, and whether it is redacted or incomplete. */
final class ReportHeader {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss xxx '('VV')'", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN_FIXED = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss xxx", Locale.ENGLISH);

    private ReportHeader() {
    }

    static String title(DiagnosisResult r) {
        return "WSL Net Doctor report" + (r.request().target() == null ? "" : " — " + r.request().target());
    }

    static String html(ReportData report, Map<String, String> bookmarks) {
        StringBuilder h = new StringBuilder();
        DiagnosisResult r = report.result();
        String verdictClass = r.problemFound() ? "problem" : r.findings().stream().anyMatch(f -> f.severity() == Severity.WARNING) ? "warning" : "ok";
        h.append("<div class=\"masthead\"><div class=\"product\">WSL Net Doctor <span class=\"version\">").append(esc(r.toolVersion()))
                .append("</span></div><div class=\"when\">").append(esc(when(r))).append("</div></div>\n");
        h.append("<h1 id=\"verdict\">").append(esc(title(r))).append("</h1>\n");
        bookmarks.put("verdict", "Verdict");
        h.append("<div class=\"verdict ").append(verdictClass).append("\"><div class=\"label\">Verdict</div><div class=\"text\">")
                .append(esc(r.verdict())).append("</div></div>\n");
        if (report.redacted()) {
            h.append("<p class=\"redacted\">This report was redacted: user names, host names and addresses are replaced by "
                    + "placeholders (host-1, user-1, ip-1…). The same placeholder always stands for the same value.</p>\n");
        }
        if (!r.complete()) {
            h.append("<p class=\"note\">The run did not complete (stopped or out of time); some checks have no result.</p>\n");
        }
        return h.toString();
    }

    private static String when(DiagnosisResult r) {
        try {
            return r.startedAt().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(WHEN);
        } catch (RuntimeException e) {
            return r.startedAt().format(WHEN_FIXED);
        }
    }
}
