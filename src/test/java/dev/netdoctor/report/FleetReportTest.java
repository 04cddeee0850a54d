// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.report.FleetSummary.Skipped;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetReportTest {
    private static final String EVIL = "<script>alert(1)</script>&\"x\"";

    private static FleetSummary summary() {
        return FleetSummary.of(List.of(
                new FleetMachine("=HYPERLINK(\"http://x\",\"y\")", "a.csv row 2", "problem", List.of("port-refused"), 0, "2.3.26.0", "nat",
                        "10.0.26100.2605", true),
                new FleetMachine(EVIL, "b.json", "problem", List.of("port-refused", "clock-skew"), 0, "2.4.13.0", "mirrored", null, false),
                new FleetMachine("Ω-laptop, sales", "c.json", "no-problem", List.of(), 2, "2.4.13.0", "nat", null, true)),
                List.of(new Skipped("<b>bad</b>.json", "This is not a JSON file")));
    }

    @Test
    void csvIsTidyQuotedAndCannotStartAFormula() {
        String csv = FleetReport.csv(summary());
        List<List<String>> rows = IntuneCsv.parse(csv);
        assertThat(rows.get(0)).isEqualTo(FleetReport.CSV_COLUMNS);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(FleetReport.CSV_COLUMNS.size()));
        assertThat(rows).contains(List.of("all", "all", "port-refused", "2", "3", "66.7"),
                List.of("wsl", "2.4.13.0", "clock-skew", "1", "2", "50.0"),
                List.of("windows", "unknown", "port-refused", "1", "2", "50.0"),
                List.of("machine", "'=HYPERLINK(\"http://x\",\"y\")", "port-refused", "1", "1", "100.0"),
                List.of("machine", EVIL, "clock-skew", "1", "1", "100.0"));
        // a group without findings still says how many machines it has
        assertThat(rows).contains(List.of("mode", "nat", "port-refused", "1", "2", "50.0"));
        assertThat(csv).contains("\r\n").doesNotContain(",=").doesNotContain("\n=");
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1")) {
            assertThat(FleetReport.csvCell(formula)).startsWith("'");
        }
        assertThat(FleetReport.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(FleetReport.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void htmlEscapesEveryNameFromOutsideAndLoadsNothing() {
        String html = FleetReport.html(summary());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        assertThat(html).doesNotContain("<script").doesNotContain("<b>bad")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;x&quot;")
                .contains("&lt;b&gt;bad&lt;/b&gt;.json");
        // self-contained: no address to fetch anything from, no script, no external style or font
        assertThat(html).doesNotContain("src=").doesNotContain("<link").doesNotContain("url(").doesNotContain("@import")
                .doesNotContainPattern("href=\"(?!#)");
        assertThat(html).contains("<ul class=\"machines\" id=\"m-port-refused\">").contains("<li>&lt;script&gt;");
        assertThat(html).contains("Finding ids that summary lines had no room for (not counted above): 2");
        // one table per dimension, one for the findings, one for what was skipped
        assertThat(html.split("<table", -1)).hasSize(1 + 1 + 3 + 1);
        assertThat(html.split("<table class=\"matrix\"", -1)).hasSize(1 + 3);
    }

    @Test
    void textShowsTotalsTablesAndMachinesOnOneLineEach() {
        String text = FleetReport.text(summary());
        assertThat(text).contains("Machines read: 3\n")
                .contains("Verdicts: problem 2, no-problem 1")
                .contains("Runs cut short (findings may be missing): 1")
                .contains("WSL version").contains("Networking mode").contains("Windows build")
                .contains("port-refused (2): <script>alert(1)</script>&\"x\", =HYPERLINK");
        assertThat(FleetReport.printable("a\u001b[31mred\nb")).isEqualTo("a?[31mred?b");
    }

    @Test
    void aDimensionWithManyValuesStaysNarrow() {
        List<FleetMachine> machines = new java.util.ArrayList<>();
        for (int i = 0; i < FleetReport.MATRIX_COLUMNS + 2; i++) {
            machines.add(new FleetMachine("pc-" + i, "x", "problem", List.of("port-refused"), 0, "2.3.26.0", "nat", "10.0.26100." + i, true));
        }
        String html = FleetReport.html(FleetSummary.of(machines, List.of()));
        // WSL version and mode as tables of findings by value, the dozen Windows builds as a list of values
        assertThat(html.split("<table class=\"matrix\"", -1)).hasSize(1 + 2);
        assertThat(html).contains("<tbody class=\"group\"><tr><th scope=\"rowgroup\" rowspan=\"1\">10.0.26100.11</th>");
    }
}
