// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.SummaryLine;
import dev.netdoctor.report.FleetReport;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.report.fixtures.Fleet;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFleetCliTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Intune's export of the detection script: the summary line the CLI prints for each result, as the last output line. */
    private static String intuneExport(List<Fleet.Machine> machines) {
        StringBuilder csv = new StringBuilder("Device name,Primary UPN,Detection status,Pre-remediation detection output\r\n");
        for (Fleet.Machine m : machines) {
            String line = SummaryLine.of(m.result(), false).format();
            csv.append(m.name()).append(",user@example.com,With issues,\"Checking WSL...\n").append(line).append("\"\r\n");
        }
        return csv.toString();
    }

    @Test
    void aFolderOfResultsAndBadFilesGivesATableAndTheBadOnesListed() throws Exception {
        write("fleet/a/laptop-1.json", JsonReport.write(Results.recorded("clock-skew")));
        write("fleet/a/laptop-2.json", JsonReport.write(Results.recorded("vpn-mtu")));
        write("fleet/b/broken.json", "{\"schemaVersion\": 1,");
        write("fleet/readme.txt", "results of the sales laptops");
        CliRun r = CliRun.of("report", "--fleet", dir.resolve("fleet").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Machines read: 2").contains("clock-skew (1): a/laptop-1.json")
                .contains("path-mtu-blackhole (1): a/laptop-2.json").contains("Windows build");
        assertThat(r.err()).contains("skipped " + dir.resolve("fleet/b/broken.json") + ": This is not a JSON file")
                .contains("skipped " + dir.resolve("fleet/readme.txt") + ": neither .json nor .csv");
    }

    @Test
    void nothingReadableIsTheUsageExitCodeWithAClearMessage() throws Exception {
        Path empty = write("empty.csv", "");
        Path foreign = write("other.json", "{\"devices\": []}");
        CliRun r = CliRun.of("report", "--fleet", empty.toString(), foreign.toString(), dir.resolve("missing.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no result could be read (3 files looked at)").contains("There is no file " + dir.resolve("missing.json"));
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theSameFleetAsSavedResultsAndAsIntunesExportSumsUpAlike() throws Exception {
        List<Fleet.Machine> machines = Fleet.write(dir.resolve("results"), 60, 11);
        Path export = write("export.csv", intuneExport(machines));
        Path fromJson = dir.resolve("json.csv");
        Path fromCsv = dir.resolve("intune.csv");
        CliRun a = CliRun.of("report", "--fleet", dir.resolve("results").toString(), "--csv", fromJson.toString());
        CliRun b = CliRun.of("report", "--fleet", export.toString(), "--csv", fromCsv.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(a.out()).contains("Machines read: 60").contains("Wrote " + fromJson);
        // machines are named by file (laptop-0001.json) or by Intune's device name (laptop-0001): the counts are the same
        List<String> json = Files.readAllLines(fromJson).stream().filter(l -> !l.startsWith("machine,")).toList();
        List<String> csv = Files.readAllLines(fromCsv).stream().filter(l -> !l.startsWith("machine,")).toList();
        assertThat(csv).isEqualTo(json);
        assertThat(Files.readString(fromCsv)).contains("machine,laptop-0001,");
        assertThat(Files.readString(fromJson)).contains("machine,batch-0/laptop-0001.json,");
    }

    @Test
    void aThousandResultsAreAllCountedIntoTheHtmlAndCsv() throws Exception {
        List<Fleet.Machine> machines = Fleet.write(dir.resolve("results"), 1000, 29);
        Path html = dir.resolve("fleet.html");
        Path csv = dir.resolve("fleet.csv");
        CliRun r = CliRun.of("report", "--fleet", dir.resolve("results").toString(), "--html", html.toString(), "--csv", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Machines read: 1000");
        long withMtu = machines.stream().filter(m -> m.result().findings().stream().anyMatch(f -> f.id().id().equals("path-mtu-blackhole"))).count();
        assertThat(Files.readAllLines(csv)).contains("all,all,path-mtu-blackhole," + withMtu + ",1000," + String.format(java.util.Locale.ROOT, "%.1f", withMtu / 10.0));
        assertThat(Files.readString(html)).contains("<details><summary><code>path-mtu-blackhole</code> on " + withMtu + " machines");
    }

    @Test
    void anOutputIsNeverWrittenOverAnInput() throws Exception {
        List<Fleet.Machine> machines = Fleet.write(dir.resolve("results"), 3, 1);
        Path export = write("export.csv", intuneExport(machines));
        String before = Files.readString(export);
        CliRun r = CliRun.of("report", "--fleet", export.toString(), "--csv", export.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(export + " is the result being read");
        assertThat(Files.readString(export)).isEqualTo(before);
        // inside a folder given with --fleet, found while reading
        Path inFolder = dir.resolve("results/batch-0/laptop-0000.json");
        CliRun inside = CliRun.of("report", "--fleet", dir.resolve("results").toString(), "--html", inFolder.toString());
        assertThat(inside.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(inside.err()).contains(inFolder + " is the result being read");
    }

    @Test
    void oneResultsOptionsAreRefusedWithFleetAndCsvNeedsFleet() throws Exception {
        Path one = write("one.json", JsonReport.write(Results.recorded("dscp")));
        CliRun mixed = CliRun.of("report", "--fleet", one.toString(), "--pdf", dir.resolve("r.pdf").toString(), "--redact");
        assertThat(mixed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("--pdf, --redact make a report of one result and cannot be used with --fleet");
        CliRun csvAlone = CliRun.of("report", "--from", one.toString(), "--csv", dir.resolve("r.csv").toString());
        assertThat(csvAlone.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(csvAlone.err()).contains("--csv writes a fleet summary");
        CliRun neither = CliRun.of("report", "--html", dir.resolve("r.html").toString());
        assertThat(neither.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(neither.err()).contains("--from RESULT.json for one result, or --fleet");
        assertThat(FleetReport.CSV_COLUMNS).hasSize(6);
    }
}
