// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;

import java.util.Locale;
import java.util.Map;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.command;

/** Each finding with its evidence and the fixes it offers; each one a bookmark. */
final class FindingsSection {
    private FindingsSection() {
    }

    static String html(DiagnosisResult r, Map<String, String> bookmarks) {
        StringBuilder s = new StringBuilder();
        if (r.findings().isEmpty()) {
            s.append("<p>").append(esc(Words.get("report.noFindings"))).append("</p>\n");
        }
        int n = 0;
        for (Finding f : r.findings()) {
            String id = "finding-" + (++n);
            bookmarks.put(id, Words.get("report.findingBookmark", f.title()));
            s.append("<div class=\"finding ").append(f.severity().id()).append("\">\n<h3 id=\"").append(id).append("\">")
                    .append(esc(f.title())).append("</h3>\n<p class=\"meta\"><span class=\"badge ").append(f.severity().id()).append("\">")
                    .append(esc(f.severity().words())).append("</span> <span class=\"confidence\">")
                    .append(esc(f.confidence().words())).append("</span> <code>").append(esc(f.id().id()))
                    .append("</code></p>\n<p>").append(esc(f.explanation())).append("</p>\n");
            if (!f.evidence().isEmpty()) {
                s.append("<table class=\"grid evidence\"><thead><tr><th>").append(esc(Words.get("report.evidence"))).append("</th></tr></thead><tbody>\n");
                for (Evidence e : f.evidence()) {
                    s.append("<tr><td>").append(esc(e.summary()));
                    if (e.command() != null) {
                        s.append("<div class=\"cmd\">$ ").append(command(e.command())).append("</div>");
                    }
                    s.append("</td></tr>\n");
                }
                s.append("</tbody></table>\n");
            }
            if (!f.fixes().isEmpty()) {
                s.append("<p class=\"fixes-head\">").append(esc(Words.get("report.whatFixesIt"))).append("</p>\n<ul class=\"fixes\">\n");
                for (FixSuggestion fix : f.fixes()) {
                    s.append("<li><b>").append(esc(fix.title())).append("</b> <code>").append(esc(fix.id().id())).append("</code><br/>")
                            .append(esc(fix.detail())).append("</li>\n");
                }
                s.append("</ul>\n");
            }
            s.append("</div>\n");
        }
        return s.toString();
    }
}
