// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.Words;
import dev.netdoctor.report.FleetInputs;
import dev.netdoctor.report.FleetReport;
import dev.netdoctor.report.FleetSummary;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code report --fleet}: reads many results, sums them up and writes the summary. A file that
 * is not a result never stops the run: it is listed and skipped; only a run that could read no
 * result at all fails (with the usage exit status, since what was given was not results).
 */
final class FleetReportRun implements Callable<Integer> {
    private final CommandLine cl;
    private final List<Path> fleet;
    private final Path from;
    private final Path csv;
    private final Path json;
    private final ReportOptions options;

    FleetReportRun(CommandLine cl, List<Path> fleet, Path from, Path csv, Path json, ReportOptions options) {
        this.cl = cl;
        this.fleet = fleet;
        this.from = from;
        this.csv = csv;
        this.json = json;
        this.options = options;
    }

    @Override
    public Integer call() {
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        String wrong = wrongOptions();
        if (wrong != null) {
            err.println("wsl-net-doctor: " + wrong);
            err.println(Words.get("cli.tryHelp", cl.getCommandSpec().qualifiedName()));
            return ExitCodes.BAD_INPUT;
        }
        List<Path> targets = Arrays.asList(csv, options.html);
        List<String> problems = FleetReport.problems(targets, fleet);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("wsl-net-doctor: " + p));
            return ExitCodes.BAD_INPUT;
        }
        FleetInputs.Read read = FleetInputs.read(fleet, ReportCommand::notAResultFile, ReportCommand.MAX_RESULT_BYTES);
        for (FleetSummary.Skipped s : read.skipped()) {
            err.println(Words.get("cli.fleet.skipped", FleetReport.printable(s.where()), FleetReport.printable(s.reason())));
        }
        if (read.machines().isEmpty()) {
            err.println("wsl-net-doctor: " + Words.get("cli.fleet.nothingRead", read.files().size()));
            return ExitCodes.BAD_INPUT;
        }
        // A folder given with --fleet may hold the very file asked for as output.
        problems = FleetReport.problems(targets, read.files());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("wsl-net-doctor: " + p));
            return ExitCodes.BAD_INPUT;
        }
        FleetSummary summary = FleetSummary.of(read.machines(), read.skipped());
        if (csv == null && options.html == null) {
            out.print(FleetReport.text(summary));
            out.flush();
            return ExitCodes.NO_PROBLEM;
        }
        FleetReport.totals(summary).forEach(out::println);
        try {
            for (Path p : FleetReport.write(summary, csv, options.html)) {
                out.println(Words.get("cli.wrote", p));
            }
            return ExitCodes.NO_PROBLEM;
        } catch (IOException e) {
            err.println("wsl-net-doctor: " + Words.get("cli.report.notWritten", e.getMessage()));
            return ExitCodes.INCOMPLETE;
        }
    }

    /** The options that belong to one result's report, not to a fleet summary; null when none is given. */
    private String wrongOptions() {
        if (fleet == null) {
            return Words.get("cli.fleet.csvNeedsFleet");
        }
        List<String> wrong = new ArrayList<>();
        if (from != null) {
            wrong.add("--from");
        }
        if (options.pdf != null) {
            wrong.add("--pdf");
        }
        if (options.markdown != null) {
            wrong.add("--markdown");
        }
        if (json != null) {
            wrong.add("--json");
        }
        if (options.redact) {
            wrong.add("--redact");
        }
        return wrong.isEmpty() ? null : Words.get("cli.fleet.notWithFleet", String.join(", ", wrong));
    }
}
