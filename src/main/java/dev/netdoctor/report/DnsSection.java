// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.ProbeData;

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
        facts.put("Name asked", d.name());
        facts.put("/etc/resolv.conf", (d.writtenByWsl() ? "written by WSL" : "not written by WSL (no WSL header)")
                + (d.fileTarget() != null && !d.fileTarget().equals("/etc/resolv.conf") ? ", a link to " + d.fileTarget() : "")
                + (Boolean.TRUE.equals(d.immutable()) ? ", locked (immutable)" : ""));
        facts.put("DNS path", switch (d.path()) {
            case "nat-dns-proxy" -> "WSL's DNS proxy on Windows (the default gateway)";
            case "dns-tunneling" -> "WSL's DNS tunneling (a listener on this machine's loopback)";
            case "other-servers" -> "other DNS servers";
            default -> "no DNS server configured";
        });
        if (d.generateResolvConf() != null) {
            facts.put("/etc/wsl.conf", "[network] generateResolvConf = " + d.generateResolvConf());
        }
        StringBuilder s = new StringBuilder(keyValues(facts));
        if (d.replies().isEmpty()) {
            return s.append("<p>No DNS server was asked.</p>\n").toString();
        }
        s.append("<table class=\"grid dns\"><thead><tr><th>DNS server</th><th>Asked over</th><th>Answer</th><th>Addresses</th>"
                + "<th class=\"num\">Time</th></tr></thead><tbody>\n");
        for (DnsReply reply : d.replies()) {
            s.append("<tr").append(reply.outcome().serverAnswered() ? "" : " class=\"synsent\"").append("><td>").append(esc(reply.server()))
                    .append("</td><td>").append(reply.transport() == DnsReply.Transport.UDP ? "UDP" : "TCP").append("</td><td>")
                    .append(esc(answer(reply.outcome()))).append("</td><td>").append(esc(String.join(", ", reply.addresses())))
                    .append("</td><td class=\"num\">").append(reply.millis()).append(" ms</td></tr>\n");
        }
        return s.append("</tbody></table>\n").toString();
    }

    private static String answer(DnsReply.Outcome o) {
        return switch (o) {
            case ANSWER -> "answered";
            case NXDOMAIN -> "no such name (NXDOMAIN)";
            case NO_ADDRESS -> "knows the name, no IPv4 address";
            case SERVFAIL -> "could not find out (SERVFAIL)";
            case REFUSED -> "refused";
            case NO_ANSWER -> "no answer";
            case UNREACHABLE -> "not listening";
            case ERROR -> "could not be asked";
        };
    }
}
