// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.ReportData;
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
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders a saved result (diagnose --json, or the wizard's saved JSON) as PDF, HTML, Markdown or JSON.",
        footer = {"", "Example:", "  wsl-net-doctor report --from result.json --pdf report.pdf --redact"})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "RESULT.json", description = "The saved result.")
    Path from;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the (possibly redacted) result as JSON.")
    Path json;

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        ReportFiles.Request request = options.request(json);
        if (!request.any()) {
            err.println("wsl-net-doctor: say what to write: --pdf, --html, --markdown or --json.");
            return ExitCodes.BAD_INPUT;
        }
        ReportData data;
        try {
            if (!Files.isRegularFile(from) || Files.size(from) > 64L * 1024 * 1024) {
                err.println("wsl-net-doctor: " + from + " is not a result file.");
                return ExitCodes.BAD_INPUT;
            }
            data = JsonReport.read(Files.readString(from, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("wsl-net-doctor: cannot read " + from + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try {
            for (Path p : ReportFiles.write(data, request)) {
                spec.commandLine().getOut().println("Wrote " + p);
            }
            return ExitCodes.NO_PROBLEM;
        } catch (IOException e) {
            err.println("wsl-net-doctor: the report could not be written: " + e.getMessage());
            return ExitCodes.INCOMPLETE;
        }
    }
}
