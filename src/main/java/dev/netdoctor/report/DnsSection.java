// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.Words;

import java.util.Map;

import static dev.netdoctor.report.Html.esc;
import static dev.netdoctor.report.Html.keyValues;

/** "Name lookup (DNS)": how this machine looks names up, and what each DNS server said when asked directly. */
final class DnsSection {
    private DnsSection() {
    }

    /** How this machine looks names up, and what each DNS server said when asked directly. */
    static String html(ProbeData.DnsServers d) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put(Words.get("report.dns.name"), d.name());
        facts.put("/etc/resolv.conf", Words.get(d.writtenByWsl() ? "report.dns.byWsl" : "report.dns.notByWsl")
                + (d.fileTarget() != null && !d.fileTarget().equals("/etc/resolv.conf") ? Words.get("report.dns.link", d.fileTarget()) : "")
                + (Boolean.TRUE.equals(d.immutable()) ? Words.get("report.dns.locked") : ""));
        facts.put(Words.get("report.dns.path"), d.path().words());
        if (d.generateResolvConf() != null) {
            facts.put("/etc/wsl.conf", "[network] generateResolvConf = " + d.generateResolvConf());
        }
        StringBuilder s = new StringBuilder(keyValues(facts));
        if (d.replies().isEmpty()) {
            return s.append("<p>").append(esc(Words.get("report.dns.noneAsked"))).append("</p>\n").toString();
        }
        s.append("<table class=\"grid dns\"><thead><tr><th>").append(esc(Words.get("report.dns.server"))).append("</th><th>")
                .append(esc(Words.get("report.dns.over"))).append("</th><th>").append(esc(Words.get("report.dns.answer"))).append("</th><th>")
                .append(esc(Words.get("report.dns.addresses"))).append("</th><th class=\"num\">").append(esc(Words.get("report.time")))
                .append("</th></tr></thead><tbody>\n");
        for (DnsReply reply : d.replies()) {
            s.append("<tr").append(reply.outcome().serverAnswered() ? "" : " class=\"synsent\"").append("><td>").append(esc(reply.server()))
                    .append("</td><td>").append(reply.transport() == DnsReply.Transport.UDP ? "UDP" : "TCP").append("</td><td>")
                    .append(esc(reply.outcome().words())).append("</td><td>").append(esc(String.join(", ", reply.addresses())))
                    .append("</td><td class=\"num\">").append(esc(Words.get("report.ms", String.valueOf(reply.millis())))).append("</td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }
}
