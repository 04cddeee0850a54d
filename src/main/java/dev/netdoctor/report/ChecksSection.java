// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Words;

import java.util.Locale;
import java.util.Objects;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.parameters;

/** "Checks": every check as a row of a timeline. */
final class ChecksSection {
    private ChecksSection() {
    }

    /** Each check with its parameters, outcome and time, and a bar showing when it ran. */
    static String html(DiagnosisResult r) {
        long total = Math.max(1, r.probes().stream().mapToLong(p -> p.startedAfterMillis() + p.durationMillis()).max().orElse(1));
        StringBuilder s = new StringBuilder("<table class=\"grid timeline\"><colgroup><col style=\"width: 20%\"/><col style=\"width: 20%\"/>"
                + "<col style=\"width: 29%\"/><col style=\"width: 9%\"/><col style=\"width: 9%\"/><col style=\"width: 13%\"/></colgroup>"
                + "<thead><tr><th>" + esc(Words.get("report.check")) + "</th><th>" + esc(Words.get("report.parameters")) + "</th><th>"
                + esc(Words.get("report.outcome")) + "</th><th class=\"num\">" + esc(Words.get("report.start")) + "</th><th class=\"num\">"
                + esc(Words.get("report.time")) + "</th><th class=\"bar\">0 – " + esc(Words.get("report.ms", String.valueOf(total)))
                + "</th></tr></thead><tbody>\n");
        for (ProbeOutcome p : r.probes()) {
            double left = 100.0 * p.startedAfterMillis() / total;
            double width = Math.max(0.8, 100.0 * p.durationMillis() / total);
            s.append("<tr><td><b>").append(esc(p.title())).append("</b><br/><code>").append(esc(p.probeId().id())).append("</code></td><td>")
                    .append(parameters(p.parameters()))
                    .append("</td><td><span class=\"status ").append(p.status().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(esc(p.status().words())).append("</span> ").append(esc(Objects.toString(p.summary(), "")))
                    .append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(p.startedAfterMillis()))))
                    .append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(p.durationMillis())))).append("</td><td class=\"bar\"><div class=\"track\"><div class=\"span\" style=\"margin-left: ")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(left, 99.2))).append("%; width: ")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(width, 100 - Math.min(left, 99.2)))).append("%\"></div></div></td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }
}
