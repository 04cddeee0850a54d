// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.Words;

import java.util.List;

/** A ticket-ready summary in Markdown: what was asked, what was found, what was done. */
public final class MarkdownReport {
    private static final int EVIDENCE_LINES = 6;

    private MarkdownReport() {
    }

    /** The summary of a report: with what was changed, and a note when it was redacted. */
    public static String summary(dev.netdoctor.model.ReportData report) {
        List<String> history = report.fixHistory().stream().map(f -> md(f.title() + ": " + f.action()
                + (f.backup() == null ? "" : " " + Words.get("report.md.backup", f.backup())))
                + (f.undo() == null || !f.action().equals(dev.netdoctor.model.FixRecord.APPLIED) ? ""
                : " · " + md(Words.get("report.undo")) + ": " + code(f.undo()))).toList();
        String text = summary(report.result(), history);
        if (report.verification() != null) {
            text += "\n### " + Words.get("report.md.after") + "\n\n**" + Words.get("report.verdict") + ":** " + md(report.verification().verdict()) + "\n";
        }
        return report.redacted() ? text.replaceFirst("\n\n", java.util.regex.Matcher.quoteReplacement("\n\n_" + Words.get("report.md.redacted") + "_\n\n")) : text;
    }

    /** @param fixHistory lines saying which fixes were applied or undone (may be empty) */
    public static String summary(DiagnosisResult r, List<String> fixHistory) {
        StringBuilder b = new StringBuilder();
        b.append("## ").append(Words.get("report.name")).append("\n\n");
        b.append("**").append(Words.get("report.verdict")).append(":** ").append(md(r.verdict())).append("\n\n");
        b.append("- ").append(Words.get("report.md.when", ReportHeader.time(r.startedAt()),
                String.valueOf(r.durationMillis()))).append('\n');
        if (r.request().target() != null) {
            b.append("- ").append(Words.get("report.target")).append(": ").append(code(String.valueOf(r.request().target()))).append("\n");
        }
        if (!r.request().servicePorts().isEmpty()) {
            b.append("- ").append(Words.get("report.servicePorts")).append(": ").append(r.request().servicePorts()).append('\n');
        }
        Environment env = r.environment();
        b.append("- ").append(Words.get("report.system")).append(": ").append(md(env.os()
                + (env.kernel() == null ? "" : Words.get("env.kernel", env.kernel())))).append('\n');
        b.append("- ").append(Words.get("system.wsl")).append(": ").append(md(env.wsl().describe())).append('\n');
        for (NetInterface i : env.interfaces()) {
            if (!i.name().equals("lo")) {
                b.append("- ").append(md(Words.get("report.md.interface", i.name(), String.valueOf(i.mtu()))
                        + (i.ipv4().isEmpty() ? "" : ", " + String.join(" ", i.ipv4())))).append('\n');
            }
        }
        if (env.windows() != null) {
            env.windows().summary().forEach((k, v) -> b.append("- ").append(md(Words.get("env.windows", k, v))).append('\n'));
        }
        if (env.sshClient().installed()) {
            b.append("- ").append(Words.get("report.openssh")).append(": ").append(md(env.sshClient().version()));
            String q = env.sshClient().effective().get("ipqos");
            b.append(q == null ? "" : md(Words.get("report.md.ipqos", q))).append('\n');
        }
        for (Finding f : r.findings()) {
            b.append("\n### ").append(md(f.title())).append("\n\n");
            b.append('`').append(f.id()).append("` · ").append(f.severity().words()).append(" · ")
                    .append(f.confidence().words()).append("\n\n");
            b.append(md(f.explanation())).append("\n\n");
            List<Evidence> ev = f.evidence();
            for (Evidence e : ev.subList(0, Math.min(EVIDENCE_LINES, ev.size()))) {
                b.append("- ").append(md(e.summary())).append('\n');
            }
            if (ev.size() > EVIDENCE_LINES) {
                b.append("- ").append(Words.get("report.md.more", String.valueOf(ev.size() - EVIDENCE_LINES))).append('\n');
            }
            if (!f.fixes().isEmpty()) {
                b.append('\n').append(Words.get("report.md.fixes")).append('\n');
                for (FixSuggestion s : f.fixes()) {
                    b.append("- **").append(md(s.title())).append("** (`").append(s.id()).append("`)\n");
                }
            }
        }
        if (!fixHistory.isEmpty()) {
            b.append("\n### ").append(Words.get("report.md.changed")).append("\n\n");
            fixHistory.forEach(h -> b.append("- ").append(h).append('\n'));
        }
        return b.toString();
    }

    /**
     * A value as Markdown text: the characters Markdown would read as markup are escaped, so a
     * pattern like 198.19.7.* inside bold stays a pattern and the bold still closes.
     */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // inline markup anywhere; a heading or list mark only where a value starts a line
            if ("\\`*_[]<>|~".indexOf(c) >= 0 || (i == 0 || text.charAt(i - 1) == '\n') && "#+-".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** A value as a code span, with a fence longer than any run of backticks inside it. */
    static String code(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        return fence + (longest > 0 ? " " + text + " " : text) + fence;
    }
}
