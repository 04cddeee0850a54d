// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.Words;

import java.util.Map;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.keyValues;

/** "WSL's settings files": each file as WSL reads it. */
final class SettingsSection {
    private SettingsSection() {
    }

    /** Each file as WSL reads it: where, how saved, what WSL uses, and every line it reads otherwise. */
    static String html(ProbeData.ConfigFiles c) {
        StringBuilder s = new StringBuilder();
        for (dev.netdoctor.model.ConfigFileCheck file : c.files()) {
            Map<String, String> facts = new java.util.LinkedHashMap<>();
            facts.put(file.file(), file.path() == null ? Words.get("report.settings.notFound") : file.path());
            if (!file.read()) {
                facts.put(Words.get("report.settings.read"), file.note());
                s.append(keyValues(facts));
                continue;
            }
            facts.put(Words.get("report.settings.savedAs"), file.encoding());
            facts.put(Words.get("report.settings.uses"), file.settings().isEmpty() ? Words.get("settings.defaults")
                    : String.join(", ", file.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            if (file.stopsAt() != null) {
                facts.put(Words.get("report.settings.stopsAt"), Words.get("cli.checkConfig.line", String.valueOf(file.stopsAt())));
            }
            s.append(keyValues(facts));
            if (file.problems().isEmpty()) {
                s.append("<p>").append(esc(Words.get("settings.asItLooks"))).append("</p>\n");
                continue;
            }
            s.append("<table class=\"grid settings\"><colgroup><col style=\"width: 8%\"/><col style=\"width: 32%\"/><col style=\"width: 60%\"/>"
                    + "</colgroup><thead><tr><th class=\"num\">" + esc(Words.get("report.settings.line")) + "</th><th>"
                    + esc(Words.get("report.settings.asWritten")) + "</th><th>" + esc(Words.get("report.settings.whatWslDoes"))
                    + "</th></tr></thead><tbody>\n");
            for (dev.netdoctor.model.ConfigProblem p : file.problems()) {
                s.append("<tr><td class=\"num\">").append(p.line() == 0 ? esc(Words.get("report.settings.all")) : Integer.toString(p.line())).append("</td><td class=\"mono\">")
                        .append(esc(p.line() == 0 ? "" : p.text())).append("</td><td>").append(esc(p.what())).append(" <span class=\"muted\">(")
                        .append(esc(p.findingId().id())).append(")</span></td></tr>\n");
            }
            s.append("</tbody></table>\n");
        }
        return s.toString();
    }
}
