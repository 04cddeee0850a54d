// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.ReportData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report in the forms asked for. Redaction happens once, before any form is made,
 * so the same value gets the same placeholder in the PDF, the Markdown and the JSON. Each file
 * is written next to its target and moved into place, so a failed write leaves no half file.
 */
public final class ReportFiles {
    /** Which files to write (null: not wanted). */
    public record Request(Path pdf, Path markdown, Path html, Path json, HtmlReport.Paper paper, boolean redact) {
        public boolean any() {
            return pdf != null || markdown != null || html != null || json != null;
        }
    }

    private ReportFiles() {
    }

    /** The data as the report will show it: redacted when asked. */
    public static ReportData prepare(ReportData data, boolean redact) {
        return redact ? Redaction.apply(data) : data;
    }

    public static List<Path> write(ReportData data, Request request) throws IOException {
        ReportData shown = prepare(data, request.redact());
        List<Path> written = new ArrayList<>();
        if (request.pdf() != null) {
            atomically(request.pdf(), out -> PdfReport.write(shown, request.paper(), out));
            written.add(request.pdf());
        }
        if (request.html() != null) {
            String html = HtmlReport.render(shown, request.paper());
            atomically(request.html(), out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
            written.add(request.html());
        }
        if (request.markdown() != null) {
            String md = MarkdownReport.summary(shown);
            atomically(request.markdown(), out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
            written.add(request.markdown());
        }
        if (request.json() != null) {
            String json = JsonReport.write(shown);
            atomically(request.json(), out -> out.write(json.getBytes(StandardCharsets.UTF_8)));
            written.add(request.json());
        }
        return written;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void atomically(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("The folder for " + target + " does not exist.");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(target + " is a folder, not a file name.");
        }
        Path temp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
