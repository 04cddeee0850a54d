// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Words;

import static dev.netdoctor.report.Html.esc;

/** "Terms used in this report": each technical term the findings' evidence uses, with its one-line explanation. */
final class TermsSection {
    private TermsSection() {
    }

    /** Each technical term the findings' evidence uses, with its one-line explanation (the wizard shows the same). */
    static String html(DiagnosisResult r) {
        java.util.Map<String, String> terms = new java.util.LinkedHashMap<>();
        r.findings().forEach(f -> terms.putAll(dev.netdoctor.model.Glossary.termsIn(f)));
        if (terms.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<table class=\"grid terms\"><thead><tr><th>" + esc(Words.get("report.term")) + "</th><th>"
                + esc(Words.get("report.term.meaning")) + "</th></tr></thead><tbody>\n");
        terms.forEach((term, meaning) -> s.append("<tr><td>").append(esc(term)).append("</td><td>").append(esc(meaning)).append("</td></tr>\n"));
        return s.append("</tbody></table>\n").toString();
    }
}
