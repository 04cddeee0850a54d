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

import java.io.PrintWriter;

/** The human-readable result on stdout. */
final class TextReport {
    private TextReport() {
    }

    static void print(DiagnosisResult r, PrintWriter out) {
        out.println("WSL Net Doctor " + r.toolVersion() + " — " + (r.request().target() == null ? "system check" : r.request().target()));
        out.println();
        out.println("Verdict: " + r.verdict());
        for (Finding f : r.findings()) {
            out.println();
            out.println("[" + f.severity().words() + " · " + f.confidence().words() + "] " + f.title() + "  (" + f.id() + ")");
            out.println(indent(f.explanation(), "  "));
            if (!f.evidence().isEmpty()) {
                out.println("  Evidence:");
                for (Evidence e : f.evidence()) {
                    out.println("    - " + e.summary());
                }
            }
            for (FixSuggestion fix : f.fixes()) {
                out.println("  Fix: " + fix.title() + "  (" + fix.id() + ")");
                out.println(indent(fix.detail(), "       "));
                if (fix.plan() instanceof dev.netdoctor.model.FixPlan.SshIpqosNone ssh) {
                    out.println("       To try it once first: " + ssh.tryOnceCommand());
                }
            }
        }
        Environment env = r.environment();
        out.println();
        out.println("Your system:");
        out.println("  " + env.os() + (env.kernel() == null ? "" : ", kernel " + env.kernel()));
        out.println("  " + env.wsl().describe());
        for (NetInterface i : env.interfaces()) {
            if (!i.name().equals("lo")) {
                out.println("  " + i.name() + ": MTU " + i.mtu() + (i.up() ? "" : ", down") + (i.ipv4().isEmpty() ? "" : ", " + String.join(" ", i.ipv4())));
            }
        }
        if (env.defaultGateway() != null) {
            out.println("  gateway " + env.defaultGateway() + (env.dnsServers().isEmpty() ? "" : ", DNS " + String.join(" ", env.dnsServers())));
        }
        if (env.windows() != null) {
            env.windows().summary().forEach((k, v) -> out.println("  Windows · " + k + ": " + v));
        }
        if (env.sshClient().installed()) {
            out.println("  " + env.sshClient().version() + (env.sshClient().interactiveQos() == null ? ""
                    : ", IPQoS for this host: " + env.sshClient().effective().getOrDefault("ipqos", "?")));
        } else if (env.sshClient().note() != null) {
            out.println("  " + env.sshClient().note());
        }
        if (!r.probes().isEmpty()) {
            out.println();
            out.println("Checks:");
            for (ProbeOutcome p : r.probes()) {
                out.printf("  %-42s %-9s %6d ms  %s%n", p.title(), p.status().name().toLowerCase(), p.durationMillis(), p.summary());
            }
        }
        out.printf("%nFinished in %.1f s.%n", r.durationMillis() / 1000.0);
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
