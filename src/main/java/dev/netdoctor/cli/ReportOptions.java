// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.report.HtmlReport;
import dev.netdoctor.report.ReportFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The report files a command can write, shared by diagnose and report. */
final class ReportOptions {
    @Option(names = "--pdf", paramLabel = "FILE", description = "Write the full report as PDF.")
    Path pdf;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a summary in Markdown, for a ticket.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the full report as HTML.")
    Path html;

    @Option(names = "--redact", description = "Replace user names, host names and addresses by placeholders (host-1, user-1, ip-1…) in every output.")
    boolean redact;

    @Option(names = "--paper", defaultValue = "a4", paramLabel = "a4|letter", description = "Paper size of the PDF, ${DEFAULT-VALUE} by default.")
    HtmlReport.Paper paper;

    ReportFiles.Request request(Path json) {
        return new ReportFiles.Request(pdf, markdown, html, json, paper, redact);
    }
}
