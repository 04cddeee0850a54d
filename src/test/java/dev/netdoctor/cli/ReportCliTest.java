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
        dev.netdoctor.report.ResultSchema.DIAGNOSIS.check(Files.readString(json));
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
        dev.netdoctor.report.ResultSchema.DIAGNOSIS.check(Files.readString(json));
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
        assertThat(folder.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(folder.err()).contains("is a folder");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** A link stays a link: the report goes into the file it names. */
    @Test
    void aReportWrittenToALinkGoesIntoTheFileItNames() throws Exception {
        Path real = Files.writeString(dir.resolve("real.md"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), real.getFileName());
        CliRun r = CliRun.of("report", "--from", saved("dscp").toString(), "--markdown", link.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("**Verdict:**");
    }

    /** A device or a pipe is never replaced by a file (as root, /dev/stdout or /dev/full would be). */
    @Test
    void aPipeIsRefusedAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).isZero();
        CliRun r = CliRun.of("report", "--from", saved("dscp").toString(), "--html", fifo.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("not an ordinary file");
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void theSameFileTwiceOrTheResultItselfIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path from = saved("dscp");
        byte[] before = Files.readAllBytes(from);
        CliRun twice = CliRun.of("report", "--from", from.toString(), "--markdown", dir.resolve("a.md").toString(), "--html", dir.resolve("a.md").toString());
        assertThat(twice.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(twice.err()).contains("asked for twice");
        assertThat(dir.resolve("a.md")).doesNotExist();
        CliRun itself = CliRun.of("report", "--from", from.toString(), "--json", from.toString());
        assertThat(itself.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(itself.err()).contains("is the result being read");
        assertThat(Files.readAllBytes(from)).isEqualTo(before);
    }

    /** A result with a part missing gets one line and exit 2, never a stack trace. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "request|This result has no request",
            "environment|This result has no environment",
            "startedAt|This result has no startedAt",
            "verdict|This result has no verdict",
            "probes|This result cannot be read: a part of it is missing or not as WSL Net Doctor writes it"})
    void aResultWithAPartMissingIsSaidInOneLine(String part, String said) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(JsonReport.write(Results.recorded("dscp")));
        tree.putNull(part);
        Path from = Files.writeString(dir.resolve("cut.json"), mapper.writeValueAsString(tree));
        for (String form : new String[]{"--html", "--markdown", "--pdf"}) {
            CliRun r = CliRun.of("report", "--from", from.toString(), form, dir.resolve("out").toString());
            assertThat(r.exit()).as(form + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(said).doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.err().lines()).hasSize(1);
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "|is empty",
            "{\"schemaVersion\":\"x\"}|its schemaVersion is not a number",
            "[1,2]|not a WSL Net Doctor result"})
    void filesThatAreNoResultAreNamedPlainly(String content, String said) throws Exception {
        Path from = Files.writeString(dir.resolve("odd.json"), content == null ? "" : content);
        CliRun r = CliRun.of("report", "--from", from.toString(), "--markdown", dir.resolve("o.md").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(said);
        CliRun missing = CliRun.of("report", "--from", dir.resolve("nothere.json").toString(), "--markdown", dir.resolve("o.md").toString());
        assertThat(missing.err()).contains("There is no file");
    }

    /** diagnose says a report it cannot write before its checks, not after them. */
    @Test
    void diagnoseRefusesAnUnwritableReportBeforeItsChecks() {
        long started = System.nanoTime();
        CliRun r = CliRun.of("diagnose", "--target", "127.0.0.1:1", "--quiet", "--pdf", dir.resolve("no/such/folder/r.pdf").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("does not exist");
        assertThat(r.out()).as("no checks ran").isEmpty();
    }
}
