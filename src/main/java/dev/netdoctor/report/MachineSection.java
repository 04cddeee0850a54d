// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.Words;

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
        rows.put(Words.get("report.system"), e.os());
        rows.put(Words.get("report.kernel"), Objects.toString(e.kernel(), Words.get("system.unknown")));
        rows.put(Words.get("system.wsl"), e.wsl().describe());
        if (e.wsl().distro() != null) {
            rows.put(Words.get("report.distro"), e.wsl().distro());
        }
        if (e.wsl().modeSource() != null) {
            rows.put(Words.get("report.modeFrom"), e.wsl().modeSource());
        }
        rows.put(Words.get("system.gateway"), Objects.toString(e.defaultGateway(), Words.get("system.none")));
        rows.put(Words.get("system.dns"), e.dnsServers().isEmpty() ? Words.get("system.none") : String.join(", ", e.dnsServers()));
        rows.put(Words.get("report.openssh"), e.sshClient().installed() ? e.sshClient().version()
                : Objects.toString(e.sshClient().note(), Words.get("report.openssh.none")));
        e.sshClient().effective().forEach((k, v) -> rows.put("ssh -G " + k, v));
        if (e.synGiveUpSeconds() != null) {
            rows.put(Words.get("report.synGiveUp"), Words.get("report.synGiveUp.value", String.valueOf(e.synGiveUpSeconds()), String.valueOf(e.tcpSynRetries())));
        }
        for (int i = 0; i < e.notes().size(); i++) {
            rows.put(e.notes().size() == 1 ? Words.get("system.note") : Words.get("report.noteN", String.valueOf(i + 1)), e.notes().get(i));
        }
        if (e.windows() != null) {
            e.windows().summary().forEach((k, v) -> rows.put(Words.get("report.windowsFact", k), v));
        }
        StringBuilder s = new StringBuilder(keyValues(rows));
        s.append("<h3>").append(esc(Words.get("report.interfaces"))).append("</h3>\n<table class=\"grid\"><thead><tr><th>")
                .append(esc(Words.get("report.interface"))).append("</th><th>MTU</th><th>").append(esc(Words.get("report.interface.state")))
                .append("</th><th>IPv4</th><th>IPv6</th></tr></thead><tbody>\n");
        for (NetInterface i : e.interfaces()) {
            s.append("<tr><td>").append(esc(i.name())).append("</td><td class=\"num\">").append(i.mtu()).append("</td><td>")
                    .append(esc(Words.get(i.up() ? "report.up" : "system.down"))).append("</td><td>").append(esc(String.join(", ", i.ipv4()))).append("</td><td>")
                    .append(esc(String.join(", ", i.ipv6()))).append("</td></tr>\n");
        }
        s.append("</tbody></table>\n");
        return s.toString();
    }
}
