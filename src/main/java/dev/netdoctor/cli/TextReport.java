// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Words;

import java.io.PrintWriter;

/** The human-readable result on stdout. */
final class TextReport {
    private TextReport() {
    }

    static void print(DiagnosisResult r, PrintWriter out) {
        out.println(Words.get("cli.result.head", r.toolVersion(),
                r.request().target() == null ? Words.get("cli.result.systemCheck") : String.valueOf(r.request().target())));
        out.println();
        out.println(Words.get("cli.result.verdict", r.verdict()));
        for (Finding f : r.findings()) {
            out.println();
            out.println("[" + f.severity().words() + " · " + f.confidence().words() + "] " + f.title() + "  (" + f.id() + ")");
            out.println(indent(f.explanation(), "  "));
            if (!f.evidence().isEmpty()) {
                out.println("  " + Words.get("cli.finding.evidence"));
                for (Evidence e : f.evidence()) {
                    out.println("    - " + e.summary());
                }
            }
            for (FixSuggestion fix : f.fixes()) {
                out.println("  " + Words.get("cli.finding.fix", fix.title(), fix.id()));
                out.println(indent(fix.detail(), "       "));
                if (fix.plan() instanceof dev.netdoctor.model.FixPlan.SshIpqosNone ssh) {
                    out.println("       " + Words.get("cli.finding.tryOnce", ssh.tryOnceCommand()));
                }
            }
        }
        Environment env = r.environment();
        out.println();
        out.println(Words.get("system.title") + ":");
        out.println("  " + env.os() + (env.kernel() == null ? "" : Words.get("env.kernel", env.kernel())));
        out.println("  " + env.wsl().describe());
        for (NetInterface i : env.interfaces()) {
            if (!i.name().equals("lo")) {
                out.println("  " + Words.get("cli.system.interface", i.name(), String.valueOf(i.mtu()))
                        + (i.up() ? "" : ", " + Words.get("system.down")) + (i.ipv4().isEmpty() ? "" : ", " + String.join(" ", i.ipv4())));
            }
        }
        if (env.defaultGateway() != null) {
            out.println("  " + Words.get("cli.system.gateway", env.defaultGateway())
                    + (env.dnsServers().isEmpty() ? "" : Words.get("cli.system.dns", String.join(" ", env.dnsServers()))));
        }
        if (env.windows() != null) {
            env.windows().summary().forEach((k, v) -> out.println("  " + Words.get("env.windows", k, v)));
        }
        if (env.sshClient().installed()) {
            out.println("  " + env.sshClient().version() + (env.sshClient().interactiveQos() == null ? ""
                    : Words.get("cli.system.ipqos", env.sshClient().effective().getOrDefault("ipqos", "?"))));
        } else if (env.sshClient().note() != null) {
            out.println("  " + env.sshClient().note());
        }
        if (!r.probes().isEmpty()) {
            out.println();
            out.println(Words.get("cli.checks"));
            for (ProbeOutcome p : r.probes()) {
                out.printf("  %-42s %-15s %6d ms  %s%n", p.title(), p.status().words(), p.durationMillis(), p.summary());
            }
        }
        out.println();
        out.println(Words.get("cli.finished", String.format("%.1f", r.durationMillis() / 1000.0)));
    }

    private static String indent(String text, String prefix) {
        StringBuilder b = new StringBuilder();
        int col = 0;
        b.append(prefix);
        for (String word : text.split(" ")) {
            if (col > 0 && col + word.length() > 88) {
                b.append('\n').append(prefix);
                col = 0;
            } else if (col > 0) {
                b.append(' ');
                col++;
            }
            b.append(word);
            col += word.length();
        }
        return b.toString();
    }
}
