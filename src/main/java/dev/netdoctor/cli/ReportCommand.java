// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Words;
import dev.netdoctor.report.FleetInputs;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.report.ReportFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Renders a saved result (diagnose --json, or the wizard's saved JSON) as PDF, HTML, Markdown or JSON.",
                "With --fleet: sums up many results (saved results, folders of them, Intune's CSV export of the summary lines):"
                        + " how often each finding occurs, by WSL version, networking mode and Windows build."},
        footer = {"", "Examples:", "  wsl-net-doctor report --from result.json --pdf report.pdf --redact",
                "  wsl-net-doctor report --fleet results/ intune-export.csv --html fleet.html --csv fleet.csv"})
public final class ReportCommand implements Callable<Integer> {
    static final long MAX_RESULT_BYTES = 64L * 1024 * 1024;

    /** Why {@code from} cannot be a saved result, in the user's words; null when it may be one. */
    static String notAResultFile(Path from) {
        if (Files.isDirectory(from)) {
            return from + " is a folder; give the result file (diagnose --json > result.json).";
        }
        if (!Files.exists(from)) {
            return "There is no file " + from + ".";
        }
        if (!Files.isRegularFile(from)) {
            return from + " is not an ordinary file.";
        }
        if (!Files.isReadable(from)) {
            return "There is no permission to read " + from + ".";
        }
        try {
            long size = Files.size(from);
            if (size == 0) {
                return from + " is empty; a result is the JSON of diagnose --json or the wizard's Save JSON.";
            }
            if (size > MAX_RESULT_BYTES) {
                return from + " is too large to be a result (" + (size >> 20) + " MB).";
            }
        } catch (IOException e) {
            return "There is no permission to read " + from + ".";
        }
        return null;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "RESULT.json", description = "The saved result.")
    Path from;

    @Option(names = "--fleet", arity = "1..*", paramLabel = "FOLDER_OR_FILE",
            description = "Sum up many results: saved results (.json), folders of them (searched " + FleetInputs.MAX_DEPTH + " levels deep),"
                    + " and Intune's CSV export of the detection script's output. A text table on the terminal unless --csv or --html (one page) is given.")
    List<Path> fleet;

    @Option(names = "--csv", paramLabel = "FILE", description = "With --fleet: write the counts as CSV, one row per finding and group.")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the (possibly redacted) result as JSON.")
    Path json;

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (fleet != null || csv != null) {
            return new FleetReportRun(spec.commandLine(), fleet, from, csv, json, options).call();
        }
        if (from == null) {
            err.println("wsl-net-doctor: " + Words.get("cli.report.fromOrFleet"));
            return ExitCodes.BAD_INPUT;
        }
        ReportFiles.Request request = options.request(json);
        if (!request.any()) {
            err.println("wsl-net-doctor: " + Words.get("cli.report.nothingAsked"));
            return ExitCodes.BAD_INPUT;
        }
        String notReadable = notAResultFile(from);
        if (notReadable != null) {
            err.println("wsl-net-doctor: " + notReadable);
            return ExitCodes.BAD_INPUT;
        }
        List<String> problems = ReportFiles.problems(request, from);
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("wsl-net-doctor: " + p));
            return ExitCodes.BAD_INPUT;
        }
        ReportData data;
        try {
            data = JsonReport.read(Files.readString(from, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            err.println("wsl-net-doctor: " + Words.get("cli.report.notUtf8", from));
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            err.println("wsl-net-doctor: " + from + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try {
            for (Path p : ReportFiles.write(data, request)) {
                spec.commandLine().getOut().println(Words.get("cli.wrote", p));
            }
            return ExitCodes.NO_PROBLEM;
        } catch (IOException e) {
            err.println("wsl-net-doctor: " + Words.get("cli.report.notWritten", e.getMessage()));
            return ExitCodes.INCOMPLETE;
        } catch (RuntimeException e) {
            // A result this version reads but cannot lay out (a value it never writes itself):
            // one line, not a stack trace; the details go to the log.
            System.getLogger(ReportCommand.class.getName()).log(System.Logger.Level.WARNING, "report of " + from + " failed", e);
            err.println("wsl-net-doctor: " + Words.get("cli.report.cannotLayOut", from, e.getClass().getSimpleName()));
            return ExitCodes.BAD_INPUT;
        }
    }
}
