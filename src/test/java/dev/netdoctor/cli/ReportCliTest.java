// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.report.JsonReport;
import dev.netdoctor.report.fixtures.Results;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCliTest {
    @TempDir
    Path dir;



    private Path saved(String name) throws Exception {
        return Files.writeString(dir.resolve(name + ".json"), JsonReport.write(Results.recorded(name)));
    }

    @Test
    void aSavedResultBecomesPdfHtmlMarkdownAndJson() throws Exception {
        Path from = saved("dscp");
        Path pdf = dir.resolve("r.pdf");
        Path md = dir.resolve("r.md");
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.of("report", "--from", from.toString(), "--pdf", pdf.toString(), "--markdown", md.toString(),
                "--html", html.toString(), "--json", json.toString(), "--paper", "letter");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote " + pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Marked SSH packets are dropped");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(610f, 614f);
        }
        assertThat(Files.readString(md)).contains("**Verdict:** Marked SSH packets are dropped");
        assertThat(Files.readString(html)).startsWith("<?xml").contains("<bookmarks>");
        assertThat(JsonReport.read(Files.readString(json)).result().findings()).isNotEmpty();
    }

    @Test
    void redactionGivesTheSamePlaceholdersEverywhere() throws Exception {
        Path from = saved("dscp");
        Path pdf = dir.resolve("r.pdf");
        Path md = dir.resolve("r.md");
        Path json = dir.resolve("r.json");
        CliRun r = CliRun.of("report", "--from", from.toString(), "--pdf", pdf.toString(), "--markdown", md.toString(), "--json", json.toString(), "--redact");
        assertThat(r.exit()).as(r.err()).isZero();
        String pdfText;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pdfText = new PDFTextStripper().getText(doc);
        }
        // The recorded run's DNS server is the only private address in it.
        for (String text : new String[]{pdfText, Files.readString(md), Files.readString(json)}) {
            assertThat(text).doesNotContain("10.255.255.53");
        }
        assertThat(pdfText).contains("redacted");
        assertThat(JsonReport.read(Files.readString(json)).redacted()).isTrue();
    }

    @Test
    void badInputChangesNothing() throws Exception {
        assertThat(CliRun.of("report", "--from", dir.resolve("missing.json").toString(), "--pdf", dir.resolve("x.pdf").toString()).exit())
                .isEqualTo(ExitCodes.BAD_INPUT);
        Path garbage = Files.writeString(dir.resolve("g.json"), "{not json");
        CliRun r = CliRun.of("report", "--from", garbage.toString(), "--pdf", dir.resolve("x.pdf").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("not a JSON file");
        assertThat(CliRun.of("report", "--from", saved("healthy").toString()).exit()).as("nothing asked for").isEqualTo(ExitCodes.BAD_INPUT);
        CliRun folder = CliRun.of("report", "--from", saved("healthy").toString(), "--pdf", dir.toString());
        assertThat(folder.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(folder.err()).contains("is a folder");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
