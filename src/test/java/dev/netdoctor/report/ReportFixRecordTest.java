// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.fixtures.Results;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the report says about the fixes: the exact command that undoes each applied fix (in the
 * PDF too, where there is no Undo button), times to the second, and Markdown whose values cannot
 * break its markup (a pattern like 198.19.7.* inside bold).
 */
class ReportFixRecordTest {
    static final String UNDO = "wsl-net-doctor undo /home/u/.ssh/config.wsl-net-doctor-20261122T030000Z.bak";

    private static FixRecord applied(OffsetDateTime at) {
        return new FixRecord(FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking for 198.19.7.56", "applied", "/home/u/.ssh/config",
                "/home/u/.ssh/config.wsl-net-doctor-20261122T030000Z.bak", "--- a/config\n+++ b/config\n@@ -0,0 +1,2 @@\n+Host 198.19.7.56\n+  IPQoS none\n",
                "ssh -G confirms: ipqos none none", at, UNDO);
    }

    @Test
    void thePdfSaysHowToUndoEachAppliedFixAndWhenToTheSecond() throws IOException {
        ReportData dscp = Results.recorded("dscp");
        ReportData withFix = new ReportData(dscp.result(), List.of(applied(OffsetDateTime.parse("2026-11-22T03:00:00.123456789Z"))),
                null, false);
        try (PDDocument doc = Loader.loadPDF(PdfReportTest.pdf(withFix, HtmlReport.Paper.A4))) {
            String text = PdfReportTest.text(doc);
            // a long path may wrap at its hyphens on the page
            assertThat(text.replace(" ", "")).contains("Toundo" + UNDO.replace(" ", ""));
            assertThat(text).contains("To undo wsl-net-doctor undo /home/u/.ssh/config")
                    .contains("at 2026-11-22 03:00:00 +00:00").doesNotContain("123456789").doesNotContain("03:00:00.123");
        }
    }

    @Test
    void aFixUndoneLaterHasNoUndoCommandLeft() {
        FixRecord fix = applied(OffsetDateTime.parse("2026-11-22T03:00:00Z"));
        FixRecord undone = new FixRecord(fix.fixId(), fix.title(), FixRecord.UNDONE, fix.file(), null, null, null,
                OffsetDateTime.parse("2026-11-22T03:05:00Z"));
        ReportData report = new ReportData(Results.recorded("dscp").result(), List.of(fix, undone), null, false);
        assertThat(FixesSection.html(report)).doesNotContain(UNDO);
        assertThat(FixesSection.html(new ReportData(report.result(), List.of(fix), null, false))).contains(UNDO);
    }

    @Test
    void markdownEscapesMarkupInValuesSoBoldCloses() {
        ReportData dscp = Results.recorded("dscp");
        String md = MarkdownReport.summary(new ReportData(dscp.result(), List.of(applied(OffsetDateTime.parse("2026-11-22T03:00:00.5Z"))),
                null, false));
        assertThat(md).doesNotContain(".5Z").doesNotContain("03:00:00.5");
        // outside code spans, every unescaped * is half of a bold mark, and each bold opened is closed
        md.lines().map(line -> line.replaceAll("`[^`]*`", "").replace("\\*", "")).forEach(line -> {
            assertThat(line.replace("**", "")).as(line).doesNotContain("*");
            assertThat(line.split("\\*\\*", -1).length % 2).as(line).isEqualTo(1);
        });
        assertThat(md).contains("`" + UNDO + "`");
        assertThat(MarkdownReport.md("for 198.19.7.* and my_host [x]")).isEqualTo("for 198.19.7.\\* and my\\_host \\[x\\]");
        assertThat(MarkdownReport.code("a`b")).isEqualTo("`` a`b ``");
    }
}
