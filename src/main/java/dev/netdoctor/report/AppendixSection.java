// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.Words;

import java.util.List;
import java.util.Objects;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.command;

/** "Appendix: raw evidence": every command and its output, and the socket table, in full. */
final class AppendixSection {
    private AppendixSection() {
    }

    /** Every command and its output, and the socket table, in full. */
    static String html(DiagnosisResult r) {
        StringBuilder s = new StringBuilder();
        for (ProbeOutcome p : r.probes()) {
            boolean any = p.evidence().stream().anyMatch(e -> e.output() != null) || p.error() != null;
            if (!any) {
                continue;
            }
            s.append("<h3>").append(esc(p.title())).append(" <code>").append(esc(p.probeId().id())).append("</code></h3>\n");
            if (p.error() != null) {
                s.append("<p class=\"note\">").append(esc(p.error())).append("</p>\n");
            }
            for (Evidence e : p.evidence()) {
                if (e.output() == null && e.command() == null) {
                    continue;
                }
                s.append("<p class=\"evidence-head\">").append(esc(e.summary())).append("</p>\n<pre>");
                if (e.command() != null) {
                    s.append("<span class=\"prompt\">$ ").append(command(e.command())).append("</span>\n");
                }
                s.append(esc(Objects.toString(e.output(), "").stripTrailing())).append("</pre>\n");
            }
        }
        r.probes().stream().map(p -> p.dataAs(ProbeData.Sockets.class)).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(sockets -> s.append(socketTable(sockets.lastSnapshot())));
        return s.length() == 0 ? "<p>" + esc(Words.get("report.noOutput")) + "</p>\n" : s.toString();
    }

    private static String socketTable(List<TcpConnection> rows) {
        StringBuilder s = new StringBuilder("<h3>" + esc(Words.get("report.sockets")) + "</h3>\n<table class=\"grid mono\"><thead><tr>"
                + "<th>" + esc(Words.get("checks.col.state")) + "</th><th>" + esc(Words.get("report.sockets.local")) + "</th><th>"
                + esc(Words.get("report.sockets.remote")) + "</th><th>" + esc(Words.get("checks.col.process")) + "</th><th class=\"num\">"
                + esc(Words.get("checks.col.pid")) + "</th><th class=\"num\">" + esc(Words.get("report.sockets.seenFor"))
                + "</th></tr></thead><tbody>\n");
        for (TcpConnection c : rows) {
            s.append("<tr").append(c.synSent() ? " class=\"synsent\"" : "").append("><td>").append(esc(c.state())).append("</td><td>")
                    .append(esc(c.localAddress() + ":" + c.localPort())).append("</td><td>").append(esc(c.remoteAddress() + ":" + c.remotePort()))
                    .append("</td><td>").append(esc(c.ours() ? Words.get("checks.ours") : Objects.toString(c.processName(), Words.get("system.unknown")))).append("</td><td class=\"num\">")
                    .append(c.pid() < 0 ? "—" : String.valueOf(c.pid())).append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(c.ageMillis())))).append("</td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }
}
