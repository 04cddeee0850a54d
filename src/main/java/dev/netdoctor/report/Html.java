// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The pieces every section of the HTML report is written with: escaping, key-value tables, commands. */
final class Html {
    private Html() {
    }

    static String keyValues(Map<String, String> rows) {
        StringBuilder s = new StringBuilder("<table class=\"kv\"><tbody>\n");
        rows.forEach((k, v) -> s.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>\n"));
        return s.append("</tbody></table>\n").toString();
    }

    /**
     * A command line that wraps only between its words, an option kept with its value ("-o
     * UserKnownHostsFile=…"): a break after the '-' made the command read, and copy, wrong.
     */
    static String command(String line) {
        String[] words = line.split(" ", -1);
        List<String> units = new java.util.ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            boolean shortOption = words[i].length() == 2 && words[i].startsWith("-") && i + 1 < words.length
                    && !words[i + 1].startsWith("-");
            units.add("<span class=\"nb\">" + esc(shortOption ? words[i] + " " + words[++i] : words[i]) + "</span>");
        }
        return String.join(" ", units);
    }

    /**
     * One parameter a line, "key: value", so a narrow column wraps at the space after the key or
     * a comma instead of inside an address or a number ("198.|19.1.2", "200|0").
     */
    static String parameters(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> "<div>" + esc(e.getKey()) + ": " + esc(String.join(", ", e.getValue().split(",\\s*"))) + "</div>")
                .collect(Collectors.joining());
    }

    /** XML escaping; characters XML 1.0 forbids (control bytes in command output) are shown as U+FFFD. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp > 0xFFFF;
                    out.appendCodePoint(allowed ? cp : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
