// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.netdoctor.model.ReportData;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The report as a PDF: the HTML report laid out on A4 or Letter, with page numbers, the
 * headings as bookmarks, DejaVu fonts embedded (so names in most scripts render; the fonts'
 * license allows shipping them), and tagged for screen readers (PDF/UA).
 */
public final class PdfReport {
    private static final String FONTS = "/dev/netdoctor/report/fonts/";

    static {
        // openhtmltopdf tells every stylesheet parse and font load at INFO on the console's stderr
        // (six lines per PDF in a help desk's script); its warnings and errors still go out.
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private PdfReport() {
    }

    public static void write(ReportData report, HtmlReport.Paper paper, OutputStream out) throws IOException {
        String html = HtmlReport.render(report, paper);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("WSL Net Doctor");
        // The generic families too: page margin boxes and anything unstyled fall back to them, and
        // PDF/UA allows no font that is not embedded.
        for (String family : new String[]{"DejaVu Sans", "sans-serif", "serif"}) {
            font(builder, "DejaVuSans.ttf", family, 400);
            font(builder, "DejaVuSans-Bold.ttf", family, 700);
        }
        font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400);
        font(builder, "DejaVuSansMono.ttf", "monospace", 400);
        builder.withHtmlContent(html, PdfReport.class.getResource(FONTS) == null ? null : PdfReport.class.getResource(FONTS).toExternalForm());
        builder.toStream(out);
        try {
            builder.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> {
            InputStream in = PdfReport.class.getResourceAsStream(FONTS + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("font " + file + " is missing from the application"));
            }
            return in;
        }, family, weight, FontStyle.NORMAL, true);
    }
}
