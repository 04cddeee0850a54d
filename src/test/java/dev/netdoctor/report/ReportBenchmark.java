// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.fixtures.Results;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: how long rendering a typical report takes once the JVM is warm (goal: under 1 s),
 * for recorded lab results; also writes the sample PDFs to target/reports to look at.
 *
 * <pre>mvn -B -Pbench verify</pre>
 */
public final class ReportBenchmark {
    private static final int WARMUP = 5;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Path dir = Path.of("target", "reports");
        Files.createDirectories(dir);
        System.out.printf("%nReport rendering, after %d warm-up renders, median of %d (goal: under 1000 ms)%n%n", WARMUP, runs);
        System.out.printf("%-20s %8s %10s %12s %10s%n", "result", "pages", "PDF bytes", "median ms", "goal");
        for (String name : List.of("dscp", "mirrored", "healthy")) {
            ReportData data = Results.recorded(name);
            for (int i = 0; i < WARMUP; i++) {
                PdfReport.write(data, HtmlReport.Paper.A4, new ByteArrayOutputStream());
            }
            List<Long> times = new ArrayList<>();
            byte[] last = null;
            for (int i = 0; i < runs; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long start = System.nanoTime();
                PdfReport.write(data, HtmlReport.Paper.A4, out);
                times.add((System.nanoTime() - start) / 1_000_000);
                last = out.toByteArray();
            }
            Collections.sort(times);
            long median = times.get(times.size() / 2);
            try (OutputStream f = Files.newOutputStream(dir.resolve(name + ".pdf"))) {
                f.write(last);
            }
            int pages;
            try (var doc = org.apache.pdfbox.Loader.loadPDF(last)) {
                pages = doc.getNumberOfPages();
            }
            System.out.printf("%-20s %8d %10d %12d %10s%n", name, pages, last.length, median, median < 1000 ? "met" : "MISSED");
        }
    }
}
