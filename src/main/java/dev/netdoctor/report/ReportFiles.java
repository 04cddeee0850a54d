// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Words;

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

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * What stops these files from being written, checked before any work is done (a CLI run
     * takes seconds of checks first): one sentence per problem, empty when all can be written.
     * {@code input}: the file the result is read from, which a report must not replace.
     */
    public static List<String> problems(Request request, Path input) {
        return problems(java.util.Arrays.asList(request.pdf(), request.html(), request.markdown(), request.json()),
                input == null ? List.of() : List.of(input));
    }

    /** The same for any files ({@code targets}, null entries not asked for) and the files read ({@code inputs}). */
    static List<String> problems(List<Path> targets, List<Path> inputs) {
        List<String> problems = new ArrayList<>();
        java.util.Map<Path, Path> seen = new java.util.HashMap<>();
        for (Path target : targets) {
            if (target == null) {
                continue;
            }
            try {
                Path real = destination(target);
                Path other = seen.putIfAbsent(real, target);
                if (other != null) {
                    problems.add(Words.get("report.files.twice", target));
                } else if (isAnInput(real, inputs)) {
                    problems.add(Words.get("report.files.isInput", target));
                } else if (!Files.isWritable(real.getParent())) {
                    problems.add(Words.get("report.files.noPermission", real.getParent()));
                }
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private static boolean isAnInput(Path real, List<Path> inputs) throws IOException {
        if (!Files.exists(real)) {
            return false;
        }
        for (Path input : inputs) {
            if (Files.exists(input) && Files.isSameFile(real, input)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a report for {@code target} really goes: through a link to the file it names, so the
     * link stays a link. A folder, a device or a pipe is refused: moving a file over /dev/stdout
     * or /dev/full (as root) would replace it.
     */
    static Path destination(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            try {
                abs = abs.toRealPath();
            } catch (IOException e) {
                throw new IOException(Words.get("report.files.deadLink", target), e);
            }
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(Words.get("report.files.noFolder", target));
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(Words.get("report.files.folder", target));
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            throw new IOException(Words.get("report.files.notOrdinary", target));
        }
        return abs;
    }

    static void atomically(Path target, Writer writer) throws IOException {
        Path abs = destination(target);
        Path dir = abs.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(Words.get("report.files.noPermission", dir), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(Words.get("report.files.noReplace", abs), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
