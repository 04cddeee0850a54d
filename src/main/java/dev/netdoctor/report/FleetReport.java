// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.Words;
import dev.netdoctor.report.FleetSummary.Dimension;
import dev.netdoctor.report.FleetSummary.FindingCount;
import dev.netdoctor.report.FleetSummary.Group;
import dev.netdoctor.report.FleetSummary.Skipped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.netdoctor.report.Html.esc;

/**
 * The fleet summary as a text table (for the terminal), a tidy CSV (for a spreadsheet) and one
 * self-contained HTML page (for any browser). Machine and file names come from outside: they
 * are escaped in the HTML and cannot start a formula in the CSV.
 */
public final class FleetReport {
    /** The CSV's columns, in order; docs/cli.md says what each holds. */
    public static final List<String> CSV_COLUMNS =
            List.of("dimension", "value", "finding", "machines_with_finding", "machines_in_group", "share_percent");

    private FleetReport() {
    }

    // ---- text ----

    public static String text(FleetSummary s) {
        StringBuilder out = new StringBuilder();
        totals(s).forEach(line -> out.append(line).append('\n'));
        out.append('\n').append(Words.get("fleet.findings")).append('\n');
        if (s.findings().isEmpty()) {
            out.append("  ").append(Words.get("fleet.noFindings")).append('\n');
        } else {
            table(out, List.of(Words.get("fleet.col.finding"), Words.get("fleet.col.machines"), Words.get("fleet.col.share")),
                    s.findings().stream().map(f -> List.of(f.finding(), String.valueOf(f.machines()), percent(f.machines(), s.machines()))).toList());
        }
        for (Dimension d : s.dimensions()) {
            out.append('\n').append(d.title()).append('\n');
            List<List<String>> rows = new ArrayList<>();
            for (Group g : d.groups()) {
                if (g.findings().isEmpty()) {
                    rows.add(List.of(g.value(), String.valueOf(g.machines()), "-", "0", percent(0, g.machines())));
                }
                boolean first = true;
                for (FindingCount f : g.findings()) {
                    rows.add(List.of(first ? g.value() : "", first ? String.valueOf(g.machines()) : "", f.finding(),
                            String.valueOf(f.machines()), percent(f.machines(), g.machines())));
                    first = false;
                }
            }
            table(out, List.of(d.title(), Words.get("fleet.col.machines"), Words.get("fleet.col.finding"),
                    Words.get("fleet.col.withIt"), Words.get("fleet.col.share")), rows);
        }
        if (!s.findings().isEmpty()) {
            out.append('\n').append(Words.get("fleet.machinesPerFinding")).append('\n');
            for (FindingCount f : s.findings()) {
                out.append("  ").append(f.finding()).append(" (").append(f.machines()).append("): ")
                        .append(String.join(", ", f.machineNames().stream().map(FleetReport::printable).toList())).append('\n');
            }
        }
        return out.toString();
    }

    /** The totals, a line each: machines, verdicts, incomplete runs, skipped files. */
    public static List<String> totals(FleetSummary s) {
        List<String> lines = new ArrayList<>();
        lines.add(Words.get("fleet.total.machines", s.machines()));
        lines.add(Words.get("fleet.total.verdicts", String.join(", ",
                s.verdicts().entrySet().stream().map(e -> printable(e.getKey()) + " " + e.getValue()).toList())));
        lines.add(Words.get("fleet.total.incomplete", s.incomplete()));
        if (s.findingsLeftOut() > 0) {
            lines.add(Words.get("fleet.total.leftOut", s.findingsLeftOut()));
        }
        if (!s.skipped().isEmpty()) {
            lines.add(Words.get("fleet.total.skipped", s.skipped().size()));
        }
        return lines;
    }

    private static void table(StringBuilder out, List<String> head, List<List<String>> rows) {
        int[] widths = new int[head.size()];
        for (int c = 0; c < head.size(); c++) {
            widths[c] = head.get(c).length();
            for (List<String> r : rows) {
                widths[c] = Math.max(widths[c], printable(r.get(c)).length());
            }
        }
        row(out, head, widths);
        for (List<String> r : rows) {
            row(out, r, widths);
        }
    }

    private static void row(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String v = printable(cells.get(c));
            // Counts right-aligned, words left-aligned: the usual table a terminal shows.
            boolean number = c > 0 && !v.isEmpty() && v.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ' ' || ch == '%');
            line.append(number ? " ".repeat(widths[c] - v.length()) + v : v + " ".repeat(widths[c] - v.length()));
            line.append(c + 1 < cells.size() ? "  " : "");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** A name from outside on one terminal line: control characters (an escape sequence, a line break) shown as '?'. */
    public static String printable(String s) {
        return s.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "0.0 %" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    // ---- CSV ----

    /**
     * One row per finding and group: the whole fleet ({@code all}), each WSL version, networking
     * mode and Windows build, and each machine ({@code machine}: a row per machine and finding,
     * so a spreadsheet's filter finds a machine's findings). Groups without findings get one
     * row with an empty finding, so every group's size is there.
     */
    public static String csv(FleetSummary s) {
        StringBuilder out = new StringBuilder();
        csvRow(out, CSV_COLUMNS);
        groupRows(out, "all", "all", s.machines(), s.findings());
        for (Dimension d : s.dimensions()) {
            for (Group g : d.groups()) {
                groupRows(out, d.key(), g.value(), g.machines(), g.findings());
            }
        }
        for (FindingCount f : s.findings()) {
            for (String machine : f.machineNames()) {
                csvRow(out, List.of("machine", machine, f.finding(), "1", "1", "100.0"));
            }
        }
        return out.toString();
    }

    private static void groupRows(StringBuilder out, String dimension, String value, int machines, List<FindingCount> findings) {
        if (findings.isEmpty()) {
            csvRow(out, List.of(dimension, value, "", "0", String.valueOf(machines), "0.0"));
        }
        for (FindingCount f : findings) {
            csvRow(out, List.of(dimension, value, f.finding(), String.valueOf(f.machines()), String.valueOf(machines),
                    String.format(Locale.ROOT, "%.1f", machines == 0 ? 0.0 : 100.0 * f.machines() / machines)));
        }
    }

    private static void csvRow(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            out.append(i == 0 ? "" : ",").append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * RFC 4180 quoting, and a cell that a spreadsheet would run as a formula (= + - @, or a tab
     * or carriage return before one) gets a leading apostrophe, as OWASP advises for CSV
     * injection: a machine name is whatever its owner typed.
     */
    static String csvCell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    // ---- HTML ----

    /**
     * One page that needs nothing else: styles inline, no script, no font or picture from
     * elsewhere. Light, printable, a table per dimension, the machines of each finding folded
     * in a {@code <details>} (browsers print them folded; the count is in the summary line).
     */
    public static String html(FleetSummary s) {
        StringBuilder h = new StringBuilder(16_384 + s.machines() * 64);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(Words.get("fleet.html.title"))).append("</title>\n<style>")
                .append(CSS).append("</style></head>\n<body>\n<main>\n")
                .append("<h1>").append(esc(Words.get("fleet.html.title"))).append("</h1>\n<ul class=\"totals\">\n");
        for (String line : totals(s)) {
            h.append("<li>").append(esc(line)).append("</li>\n");
        }
        h.append("</ul>\n");
        h.append("<section><h2>").append(esc(Words.get("fleet.findings"))).append("</h2>\n");
        if (s.findings().isEmpty()) {
            h.append("<p>").append(esc(Words.get("fleet.noFindings"))).append("</p>\n");
        } else {
            h.append("<table><thead><tr><th>").append(esc(Words.get("fleet.col.finding"))).append("</th><th class=\"n\">")
                    .append(esc(Words.get("fleet.col.machines"))).append("</th><th class=\"n\">")
                    .append(esc(Words.get("fleet.col.share"))).append("</th><th class=\"bar\"></th></tr></thead><tbody>\n");
            for (FindingCount f : s.findings()) {
                h.append("<tr><td><a href=\"#m-").append(anchor(f.finding())).append("\"><code>").append(esc(f.finding()))
                        .append("</code></a></td><td class=\"n\">").append(f.machines()).append("</td><td class=\"n\">")
                        .append(esc(percent(f.machines(), s.machines()))).append("</td><td class=\"bar\">")
                        .append(bar(f.machines(), s.machines())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
        for (Dimension d : s.dimensions()) {
            h.append("<section><h2>").append(esc(d.title())).append("</h2>\n");
            if (d.groups().size() <= MATRIX_COLUMNS) {
                matrix(h, s, d);
            } else {
                groupRows(h, d);
            }
            h.append("</section>\n");
        }
        if (!s.findings().isEmpty()) {
            h.append("<section><h2>").append(esc(Words.get("fleet.machinesPerFinding"))).append("</h2>\n");
            for (FindingCount f : s.findings()) {
                // The link's target is inside the folded part: browsers unfold a <details> to show it.
                h.append("<details><summary><code>").append(esc(f.finding()))
                        .append("</code> ").append(esc(Words.get("fleet.html.machineCount", f.machines())))
                        .append("</summary>\n<ul class=\"machines\" id=\"m-").append(anchor(f.finding())).append("\">");
                for (String m : f.machineNames()) {
                    h.append("<li>").append(esc(m)).append("</li>");
                }
                h.append("</ul></details>\n");
            }
            h.append("</section>\n");
        }
        if (!s.skipped().isEmpty()) {
            h.append("<section><h2>").append(esc(Words.get("fleet.skippedHeading", s.skipped().size()))).append("</h2>\n")
                    .append("<table><thead><tr><th>").append(esc(Words.get("fleet.col.file"))).append("</th><th>")
                    .append(esc(Words.get("fleet.col.reason"))).append("</th></tr></thead><tbody>\n");
            for (Skipped k : s.skipped()) {
                h.append("<tr><td class=\"file\">").append(esc(k.where())).append("</td><td>").append(esc(k.reason())).append("</td></tr>\n");
            }
            h.append("</tbody></table></section>\n");
        }
        h.append("</main>\n</body></html>\n");
        return h.toString();
    }

    /** Up to this many values, a dimension is a table of findings by value; beyond, a list of values (a table that stays narrow). */
    static final int MATRIX_COLUMNS = 10;

    /**
     * Findings down, values across: "how often on each WSL version" reads along a row. Each
     * cell is shaded by its share, so the value where a finding gathers stands out.
     */
    private static void matrix(StringBuilder h, FleetSummary s, Dimension d) {
        double max = 0;
        for (Group g : d.groups()) {
            for (FindingCount f : g.findings()) {
                max = Math.max(max, (double) f.machines() / Math.max(1, g.machines()));
            }
        }
        h.append("<div class=\"wide\"><table class=\"matrix\"><thead><tr><th>").append(esc(Words.get("fleet.col.finding"))).append("</th>");
        for (Group g : d.groups()) {
            h.append("<th class=\"n\">").append(esc(g.value())).append("<div class=\"sub\">")
                    .append(esc(Words.get("fleet.html.machineCount", g.machines()))).append("</div></th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (FindingCount overall : s.findings()) {
            h.append("<tr><td><code>").append(esc(overall.finding())).append("</code></td>");
            for (Group g : d.groups()) {
                int n = g.findings().stream().filter(f -> f.finding().equals(overall.finding())).mapToInt(FindingCount::machines).sum();
                if (n == 0) {
                    h.append("<td class=\"n zero\">0</td>");
                    continue;
                }
                double share = (double) n / Math.max(1, g.machines());
                h.append("<td class=\"n\" style=\"background:rgba(74,120,176,")
                        .append(String.format(Locale.ROOT, "%.2f", 0.06 + 0.5 * share / Math.max(max, 1e-9))).append(")\">")
                        .append(n).append(" <span class=\"share\">").append(esc(percent(n, g.machines()))).append("</span></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    /** One block of rows per value: its machines, then each finding with its count and share. */
    private static void groupRows(StringBuilder h, Dimension d) {
        h.append("<table><thead><tr><th>").append(esc(d.title()))
                .append("</th><th class=\"n\">").append(esc(Words.get("fleet.col.machines"))).append("</th><th>")
                .append(esc(Words.get("fleet.col.finding"))).append("</th><th class=\"n\">")
                .append(esc(Words.get("fleet.col.withIt"))).append("</th><th class=\"n\">")
                .append(esc(Words.get("fleet.col.share"))).append("</th><th class=\"bar\"></th></tr></thead>\n");
        for (Group g : d.groups()) {
            int span = Math.max(1, g.findings().size());
            h.append("<tbody class=\"group\"><tr><th scope=\"rowgroup\" rowspan=\"").append(span).append("\">").append(esc(g.value()))
                    .append("</th><td class=\"n\" rowspan=\"").append(span).append("\">").append(g.machines()).append("</td>");
            if (g.findings().isEmpty()) {
                h.append("<td class=\"none\">").append(esc(Words.get("fleet.noFindings"))).append("</td><td class=\"n\">0</td><td class=\"n\">")
                        .append(esc(percent(0, g.machines()))).append("</td><td class=\"bar\"></td></tr>\n");
            }
            boolean first = true;
            for (FindingCount f : g.findings()) {
                h.append(first ? "" : "<tr>").append("<td><code>").append(esc(f.finding())).append("</code></td><td class=\"n\">")
                        .append(f.machines()).append("</td><td class=\"n\">").append(esc(percent(f.machines(), g.machines())))
                        .append("</td><td class=\"bar\">").append(bar(f.machines(), g.machines())).append("</td></tr>\n");
                first = false;
            }
            h.append("</tbody>\n");
        }
        h.append("</table>\n");
    }

    /** A finding id as a fragment id: ids are lower case words and dashes already; anything else becomes '-'. */
    private static String anchor(String finding) {
        return finding.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** A bar as wide as the share, drawn by the page's own style: nothing to load, printed as is. */
    private static String bar(int part, int whole) {
        double share = whole == 0 ? 0 : 100.0 * part / whole;
        return "<span class=\"track\"><span class=\"fill\" style=\"width:" + String.format(Locale.ROOT, "%.1f", share) + "%\"></span></span>";
    }

    private static final String CSS = """
            :root{color-scheme:light}
            body{margin:0;background:#fff;color:#1b1f24;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
            main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
            h1{font-size:1.6em;margin:0 0 .4em}
            h2{font-size:1.2em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid #d0d7de}
            ul.totals{list-style:none;padding:12px 16px;margin:0;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px}
            ul.totals li{margin:2px 0}
            table{border-collapse:collapse;width:100%;margin:.3em 0 1em}
            th,td{text-align:left;vertical-align:top;padding:4px 10px;border-bottom:1px solid #e5e8eb}
            thead th{background:#f6f8fa;border-bottom:2px solid #d0d7de;font-weight:600}
            tbody.group{border-top:2px solid #d0d7de}
            tbody.group th{font-weight:600;background:#fbfcfd}
            .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.bar,th.bar{width:22%;min-width:80px}
            .track{display:block;height:.75em;margin-top:.35em;background:#eef1f4;border-radius:2px}
            .fill{display:block;height:100%;background:#4a78b0;border-radius:2px}
            .track,.fill,table.matrix td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            div.wide{overflow-x:auto}
            table.matrix th.n,table.matrix td.n{min-width:5.5em}
            table.matrix td{border-left:1px solid #fff}
            td.zero{color:#8c959f}
            .share{color:#424a53;font-size:.85em}
            .sub{font-weight:400;color:#57606a;font-size:.85em}
            td.none{color:#57606a;font-style:italic}
            td.file{word-break:break-all}
            code{font-family:"Cascadia Mono",Consolas,"DejaVu Sans Mono",monospace;font-size:.92em}
            a{color:#0a58ca}
            details{margin:.3em 0;padding:6px 10px;border:1px solid #d0d7de;border-radius:6px}
            summary{cursor:pointer}
            ul.machines{columns:14em;margin:.5em 0 0;padding-left:1.2em}
            ul.machines li{break-inside:avoid;overflow-wrap:anywhere}
            @media print{main{max-width:none;padding:0}details{border:none;padding:0}tbody.group{break-inside:avoid}h2{break-after:avoid}}
            """;

    // ---- files ----

    /**
     * What stops {@code targets} from being written, before anything is read: each file once, none
     * of them an input (an export given with --fleet), a folder to write in.
     */
    public static List<String> problems(List<Path> targets, List<Path> inputs) {
        return ReportFiles.problems(targets, inputs);
    }

    /** Writes the CSV and the HTML asked for (null: not asked), each in full or not at all. */
    public static List<Path> write(FleetSummary s, Path csv, Path html) throws IOException {
        List<Path> written = new ArrayList<>();
        if (csv != null) {
            // With a byte-order mark, Excel reads the file as UTF-8 (machine names with accents).
            byte[] body = csv(s).getBytes(StandardCharsets.UTF_8);
            ReportFiles.atomically(csv, out -> {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.write(body);
            });
            written.add(csv);
        }
        if (html != null) {
            byte[] body = html(s).getBytes(StandardCharsets.UTF_8);
            ReportFiles.atomically(html, out -> out.write(body));
            written.add(html);
        }
        return written;
    }
}
