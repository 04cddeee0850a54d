// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.keyValues;

/** "This computer": its system, WSL, ssh and network interfaces as the scan found them. */
final class MachineSection {
    private MachineSection() {
    }

    static String html(DiagnosisResult r) {
        Environment e = r.environment();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("System", e.os());
        rows.put("Kernel", Objects.toString(e.kernel(), "unknown"));
        rows.put("WSL", e.wsl().describe());
        if (e.wsl().distro() != null) {
            rows.put("Distro", e.wsl().distro());
        }
        if (e.wsl().modeSource() != null) {
            rows.put("Networking mode from", e.wsl().modeSource());
        }
        rows.put("Default gateway", Objects.toString(e.defaultGateway(), "none"));
        rows.put("DNS servers", e.dnsServers().isEmpty() ? "none" : String.join(", ", e.dnsServers()));
        rows.put("OpenSSH", e.sshClient().installed() ? e.sshClient().version() : Objects.toString(e.sshClient().note(), "not installed"));
        e.sshClient().effective().forEach((k, v) -> rows.put("ssh -G " + k, v));
        if (e.synGiveUpSeconds() != null) {
            rows.put("Unanswered SYN gives up after", e.synGiveUpSeconds() + " s (tcp_syn_retries=" + e.tcpSynRetries() + ")");
        }
        for (int i = 0; i < e.notes().size(); i++) {
            rows.put(e.notes().size() == 1 ? "Note" : "Note " + (i + 1), e.notes().get(i));
        }
        if (e.windows() != null) {
            e.windows().summary().forEach((k, v) -> rows.put("Windows · " + k, v));
        }
        StringBuilder s = new StringBuilder(keyValues(rows));
        s.append("<h3>Network interfaces</h3>\n<table class=\"grid\"><thead><tr><th>Interface</th><th>MTU</th><th>State</th><th>IPv4</th><th>IPv6</th></tr></thead><tbody>\n");
        for (NetInterface i : e.interfaces()) {
            s.append("<tr><td>").append(esc(i.name())).append("</td><td class=\"num\">").append(i.mtu()).append("</td><td>")
                    .append(i.up() ? "up" : "down").append("</td><td>").append(esc(String.join(", ", i.ipv4()))).append("</td><td>")
                    .append(esc(String.join(", ", i.ipv6()))).append("</td></tr>\n");
        }
        s.append("</tbody></table>\n");
        return s.toString();
    }
}
