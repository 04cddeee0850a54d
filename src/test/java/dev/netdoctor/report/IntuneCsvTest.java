// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.report.FleetSummary.Skipped;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntuneCsvTest {
    static final String LINE_MTU = "wsl-net-doctor/1 verdict=problem findings=path-mtu-blackhole,clock-skew distro=Ubuntu%2024.04 mode=nat"
            + " wsl=2.3.26.0 kernel=5.15.167.4-1 windows=10.0.26100.2605 app=0.1.0 complete=true exit=1";
    static final String LINE_OK = "wsl-net-doctor/1 verdict=no-problem findings=none distro=redacted mode=mirrored"
            + " wsl=2.4.13.0 kernel=6.6.36.6-1 windows=10.0.22631.4460 app=0.1.0 complete=true exit=0";

    private final List<FleetMachine> machines = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();

    private void read(String csv) {
        IntuneCsv.read(csv, "export.csv", machines, skipped);
    }

    @Test
    void rfc4180QuotingCommasDoubledQuotesAndLineBreaksInsideCells() {
        List<List<String>> rows = IntuneCsv.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n");
        assertThat(rows).containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"));
        assertThat(IntuneCsv.parse("last,row,without,break")).containsExactly(List.of("last", "row", "without", "break"));
        assertThat(IntuneCsv.parse("a;\"b;c\"\n1;2")).containsExactly(List.of("a", "b;c"), List.of("1", "2"));
    }

    @Test
    void thePortalsColumnTitlesInAnyCaseAndTheOutputsLastLine() {
        read("Device name,Primary UPN,Detection status,Pre-remediation detection output,Post-remediation detection output\r\n"
                + "LAPTOP-0042,ana@example.com,With issues,\"Checking WSL...\r\n" + LINE_MTU + "\",\r\n"
                + "\"DESK, 7\",bo@example.com,Without issues,\"" + LINE_OK + "\",\r\n");
        assertThat(skipped).isEmpty();
        assertThat(machines).extracting(FleetMachine::name).containsExactly("LAPTOP-0042", "DESK, 7");
        FleetMachine first = machines.get(0);
        assertThat(first.findings()).containsExactly("path-mtu-blackhole", "clock-skew");
        assertThat(first.verdict()).isEqualTo("problem");
        assertThat(first.wsl()).isEqualTo("2.3.26.0");
        assertThat(first.windows()).isEqualTo("10.0.26100.2605");
        assertThat(first.source()).isEqualTo("export.csv row 2");
        assertThat(machines.get(1).findings()).isEmpty();
        assertThat(machines.get(1).mode()).isEqualTo("mirrored");
    }

    @Test
    void theReportApisColumnNamesAndTheLineInAnyOtherCell() {
        read("DEVICENAME,UPN,SomethingElse\n" + "PC-1,u,\"" + LINE_OK + "\"\n");
        assertThat(machines).extracting(FleetMachine::name).containsExactly("PC-1");
        machines.clear();
        read("PolicyId,devicename,PreRemediationDetectionScriptOutput,PostRemediationDetectionScriptOutput\n"
                + "p,PC-2,\"" + LINE_MTU + "\",\"" + LINE_OK + "\"\n");
        // the output before any remediation ran is the diagnosis
        assertThat(machines.get(0).verdict()).isEqualTo("problem");
    }

    @Test
    void aRowWithoutALineIsListedWithItsDeviceTheOthersAreRead() {
        read("Device name,Pre-remediation detection output\nPC-1,\"" + LINE_OK + "\"\nPC-2,\"Script timed out\"\n,\n");
        assertThat(machines).hasSize(1);
        assertThat(skipped).singleElement().satisfies(s -> {
            assertThat(s.where()).isEqualTo("export.csv row 3 (PC-2)");
            assertThat(s.reason()).contains("no wsl-net-doctor/ summary line");
        });
    }

    @Test
    void filesThatAreNoExportAreOneEntryEach() {
        read("");
        read("Device name,Output\r\n");
        read("Device name,Output\nPC-1,hello\nPC-2,world\n");
        read("Device name,Output\nPC-1,\"" + LINE_OK);
        assertThat(machines).isEmpty();
        assertThat(skipped).extracting(Skipped::reason).containsExactly("an empty CSV file", "a CSV file with a header and no rows",
                "no row holds a wsl-net-doctor/ summary line: not an export of WSL Net Doctor's detection script",
                "a CSV file cut short: a quoted cell never ends");
    }

    @Test
    void withoutADeviceColumnTheRowNamesTheMachine() {
        read("Output\n\"" + LINE_OK + "\"\n");
        assertThat(machines).extracting(FleetMachine::name).containsExactly("export.csv row 2");
    }
}
