// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.fixtures.Results;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports for results of every finding type, read back with PDFBox the way a help desk would see them. */
class PdfReportTest {
    static List<ReportData> every() {
        return Results.everyFindingType();
    }

    static byte[] pdf(ReportData data, HtmlReport.Paper paper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(data, paper, out);
        return out.toByteArray();
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }

    static List<String> bookmarks(PDDocument doc) {
        List<String> names = new ArrayList<>();
        var outline = doc.getDocumentCatalog().getDocumentOutline();
        if (outline != null) {
            for (PDOutlineItem item : outline.children()) {
                names.add(item.getTitle());
            }
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("every")
    void everyFindingTypeMakesACompleteReport(ReportData data) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(data, HtmlReport.Paper.A4))) {
            String text = text(doc);
            String flat = data.result().verdict().replaceAll("\\s+", " ");
            assertThat(text).contains("WSL Net Doctor").containsIgnoringCase("verdict").contains(flat);
            if (data.result().request().target() != null) {
                assertThat(text).contains(data.result().request().target());
            }
            for (Finding f : data.result().findings()) {
                assertThat(text).contains(f.title().replaceAll("\\s+", " ")).contains(f.id().id());
            }
            assertThat(text).contains("What was asked").contains("This computer").contains("Checks").contains("Fixes");
            for (ProbeOutcome p : data.result().probes()) {
                assertThat(text).contains(p.probeId().id());
            }
            assertThat(text).containsPattern("Page 1 of \\d+");
            assertThat(bookmarks(doc)).contains("Verdict", "What was asked", "This computer", "Findings", "Checks", "Fixes",
                    "Appendix: raw evidence");
            assertThat(bookmarks(doc)).filteredOn(b -> b.startsWith("Finding: ")).hasSize(data.result().findings().size());
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
    }

    /** Writing a PDF tells nothing on the console but warnings: no INFO lines in a help desk's script output. */
    @Test
    void writingAPdfSaysNothingButWarnings() throws Exception {
        PdfReport.write(Results.recorded("healthy"), HtmlReport.Paper.A4, new ByteArrayOutputStream());
        List<String> loggers = com.openhtmltopdf.util.XRLog.listRegisteredLoggers();
        assertThat(loggers).isNotEmpty();
        for (String name : loggers) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            assertThat(logger.isLoggable(java.util.logging.Level.INFO)).as(name).isFalse();
            assertThat(logger.isLoggable(java.util.logging.Level.WARNING)).as(name).isTrue();
        }
    }

    @Test
    void theAppendixKeepsEveryCommandAndItsOutputUncut() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        try (PDDocument doc = Loader.loadPDF(pdf(dscp, HtmlReport.Paper.A4))) {
            String text = text(doc);
            assertThat(text).contains("$ ping -4 -n -c 3").contains("packets transmitted")
                    .contains("ip -j rule list").contains("Connection timed out");
        }
    }

    /**
     * Commands wrap only between their words, an option with its value: a line ending in "-"
     * or "-o" made the command read, and copy, wrong. Parameters wrap after their key, never
     * inside an address.
     */
    @Test
    void commandsAndParametersWrapOnlyWhereTheyMayBreak() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        try (PDDocument doc = Loader.loadPDF(pdf(dscp, HtmlReport.Paper.A4))) {
            List<String> lines = text(doc).lines().map(String::stripTrailing).toList();
            assertThat(lines).filteredOn(l -> l.contains("UserKnownHostsFile")).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).contains("-o UserKnownHostsFile=/dev/null"));
            assertThat(lines).noneMatch(l -> l.endsWith(" -") || l.endsWith(" -o"));
            assertThat(lines).noneMatch(l -> l.matches(".*\\b198\\.(19\\.)?$"));
        }
        assertThat(Html.command("ssh -v -o IPQoS=none -p 22 -- 198.19.1.2"))
                .isEqualTo("<span class=\"nb\">ssh</span> <span class=\"nb\">-v</span> <span class=\"nb\">-o IPQoS=none</span>"
                        + " <span class=\"nb\">-p 22</span> <span class=\"nb\">-- 198.19.1.2</span>");
    }

    @Test
    void theTermsTheEvidenceUsesAreExplainedAtTheEnd() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        String html = HtmlReport.render(dscp, HtmlReport.Paper.A4);
        assertThat(html).contains("<h2 id=\"terms\">Terms used in this report</h2>");
        try (PDDocument doc = Loader.loadPDF(pdf(dscp, HtmlReport.Paper.A4))) {
            String text = text(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Terms used in this report")
                    .contains("SYN the first packet of a TCP connection: \"may I connect?\"").contains("IPQoS ssh's setting for the priority tag");
        }
        assertThat(HtmlReport.render(Results.recorded("healthy"), HtmlReport.Paper.A4)).as("terms only when used")
                .doesNotContain("mirrored networking");
    }

    @Test
    void a4AndLetterAreReallyThoseSizes() throws IOException {
        try (PDDocument a4 = Loader.loadPDF(pdf(Results.recorded("healthy"), HtmlReport.Paper.A4));
             PDDocument letter = Loader.loadPDF(pdf(Results.recorded("healthy"), HtmlReport.Paper.LETTER))) {
            PDPage p = a4.getPage(0);
            assertThat(p.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            assertThat(p.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
            PDPage q = letter.getPage(0);
            assertThat(q.getMediaBox().getWidth()).isCloseTo(612f, org.assertj.core.data.Offset.offset(2f));
            assertThat(q.getMediaBox().getHeight()).isCloseTo(792f, org.assertj.core.data.Offset.offset(2f));
        }
    }

    @Test
    void fontsAreEmbeddedAndTheDocumentIsTaggedForScreenReaders() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(Results.recorded("mirrored"), HtmlReport.Paper.A4))) {
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("WSL Net Doctor report");
        }
    }

    @Test
    void fixesAndTheVerificationAreReported() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        ReportData withFix = new ReportData(dscp.result(), List.of(new FixRecord(dev.netdoctor.model.FixId.SSH_CONFIG_IPQOS_NONE,
                "Turn off SSH packet marking for 198.19.1.*", "applied", "/home/u/.ssh/config", "/home/u/.ssh/config.wsl-net-doctor-x.bak",
                "--- a/config\n+++ b/config\n@@ -1 +1,3 @@\n+Host 198.19.1.*\n+  IPQoS none\n Host nas", "ssh -G confirms: ipqos none none",
                OffsetDateTime.parse("2026-11-22T03:00:00Z"))), Results.recorded("healthy").result(), false);
        try (PDDocument doc = Loader.loadPDF(pdf(withFix, HtmlReport.Paper.A4))) {
            String text = text(doc);
            assertThat(text).contains("Turn off SSH packet marking for 198.19.1.*: applied")
                    .contains("config.wsl-net-doctor-x.bak").contains("+ IPQoS none").contains("ssh -G confirms")
                    .contains("Verification").contains("gone");
        }
    }

    /**
     * After the ssh fix the network still drops marked packets: the PDF says "fixed for ssh" as the
     * wizard does (never "gone"), and its first page says where things stand after the fix too.
     */
    @Test
    void theReportTellsTheSshFixAsTheWizardDoesAndItsFirstPageHasTheVerdictAfterTheFix() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        dev.netdoctor.model.DiagnosisResult b = dscp.result();
        dev.netdoctor.model.Finding fixedForSsh = new dev.netdoctor.model.Finding(dev.netdoctor.model.FindingId.DSCP_FIXED_FOR_SSH,
                dev.netdoctor.model.Severity.WARNING, dev.netdoctor.model.Confidence.HIGH, "Fixed for ssh: it no longer marks its packets to 198.19.1.2",
                "", List.of(), List.of());
        dev.netdoctor.model.DiagnosisResult after = new dev.netdoctor.model.DiagnosisResult(b.schemaVersion(), b.tool(), b.toolVersion(), b.startedAt(),
                b.durationMillis(), b.request(), b.environment(), b.probes(), List.of(fixedForSsh),
                "Worth knowing: Fixed for ssh: it no longer marks its packets to 198.19.1.2", true);
        ReportData withFix = new ReportData(b, List.of(), after, false);
        byte[] bytes = pdf(withFix, HtmlReport.Paper.A4);
        // kept to be looked at (pdftoppm -png): the first page with both verdicts
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reports")).resolve("after-ssh-fix.pdf"), bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = text(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("fixed for ssh").doesNotContain("gone ✓");
            org.apache.pdfbox.text.PDFTextStripper firstPage = new org.apache.pdfbox.text.PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(doc).replaceAll("\\s+", " ")).containsIgnoringCase("After the fix")
                    .contains("Worth knowing: Fixed for ssh: it no longer marks its packets to 198.19.1.2");
        }
    }

    @Test
    void hostileTextInCommandOutputIsShownNotInterpreted() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        var r = dscp.result();
        List<ProbeOutcome> probes = new ArrayList<>(r.probes());
        probes.add(new ProbeOutcome(dev.netdoctor.model.ProbeId.OUTSIDE_VANTAGE, "Odd output", dev.netdoctor.model.ProbeStatus.COMPLETED, "odd", Map.of(), 0, 1, null,
                List.of(new Evidence("odd", "echo", "<script>alert(1)</script> & \u0007bell \u001b[31mred ]]> \uD83D\uDE00 Ünïcødé Ω")), null));
        ReportData odd = ReportData.of(new dev.netdoctor.model.DiagnosisResult(r.schemaVersion(), r.tool(), r.toolVersion(), r.startedAt(),
                r.durationMillis(), r.request(), r.environment(), probes, r.findings(), r.verdict(), r.complete()));
        String html = HtmlReport.render(odd, HtmlReport.Paper.A4);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;").doesNotContain("<script>");
        try (PDDocument doc = Loader.loadPDF(pdf(odd, HtmlReport.Paper.A4))) {
            assertThat(text(doc)).contains("<script>alert(1)</script> &").contains("Ünïcødé Ω");
        }
    }

    @org.junit.jupiter.api.Test
    void aDeadDnsPathShowsTheDnsEvidenceTableWithEachServersAnswerPerTransport() throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf(dev.netdoctor.report.fixtures.Results.recorded("dns-static"),
                HtmlReport.Paper.A4))) {
            String text = text(doc);
            assertThat(bookmarks(doc)).contains("Name lookup (DNS)");
            assertThat(text).contains("Name lookup (DNS)").contains("not written by WSL (no WSL header)")
                    .contains("[network] generateResolvConf = false")
                    .contains("DNS server Asked over Answer Addresses Time")
                    .contains("198.18.9.9 UDP did not answer").contains("198.18.9.9 TCP could not be asked")
                    .contains("Let WSL write resolv.conf again");
        }
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf(dev.netdoctor.report.fixtures.Results.recorded("dns-blocked"),
                HtmlReport.Paper.A4))) {
            assertThat(text(doc)).contains("WSL's DNS proxy on Windows").contains("198.18.1.1 UDP did not answer")
                    .contains("198.18.1.1 TCP did not answer").contains("Turn on WSL's DNS tunneling");
        }
    }

    @org.junit.jupiter.api.Test
    void theSettingsFilesSectionListsEveryLineWslReadsOtherwise() throws IOException {
        byte[] bytes = pdf(dev.netdoctor.report.fixtures.Results.settingsFiles(), HtmlReport.Paper.A4);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/report-settings.pdf"), bytes);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            String text = text(doc);
            assertThat(bookmarks(doc)).contains("WSL's settings files");
            assertThat(text).contains("WSL's settings files").contains("Line As written What WSL does")
                    .contains("networkingMode=mirrored").contains("memory=8gb").contains("Reading stops at line 3")
                    .contains("wslconfig-duplicate-key").contains("Rewrite the ignored lines of .wslconfig");
        }
    }
}
