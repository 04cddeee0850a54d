// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.Words;
import dev.netdoctor.report.FleetSummary.Skipped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the results of many machines: saved results ({@code diagnose --json}), Intune's CSV
 * export of the detection script's output, and folders of either. Nothing in the input is
 * trusted: a file that is not a result is listed with why and skipped, and every read is
 * bounded (folder depth, number of files, bytes per file).
 */
public final class FleetInputs {
    /** How deep into sub-folders a folder is searched: a fleet's results are a few levels deep at most. */
    public static final int MAX_DEPTH = 8;
    /** How many files are read at most, all arguments together. */
    public static final int MAX_FILES = 50_000;

    /** What was read: one entry per machine, what was skipped, and every file opened (none may be written over). */
    public record Read(List<FleetMachine> machines, List<Skipped> skipped, List<Path> files) {
        public Read {
            machines = List.copyOf(machines);
            skipped = List.copyOf(skipped);
            files = List.copyOf(files);
        }
    }

    private final Function<Path, String> notAResult;
    private final long maxBytes;
    private final List<FleetMachine> machines = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<Path> opened = new ArrayList<>();
    /** The files to read, with the name each machine gets, in the order found. */
    private final List<Map.Entry<Path, String>> queue = new ArrayList<>();
    /** Files already queued: a file given itself and inside a folder given too counts once. */
    private final java.util.Set<Path> seen = new java.util.HashSet<>();

    /**
     * @param notAResult why a path cannot be a result file (missing, not ordinary, unreadable,
     *                   empty, too large), null when it may be one: the single-result report's own check
     * @param maxBytes   the most bytes read from one file
     */
    private FleetInputs(Function<Path, String> notAResult, long maxBytes) {
        this.notAResult = notAResult;
        this.maxBytes = maxBytes;
    }

    public static Read read(List<Path> paths, Function<Path, String> notAResult, long maxBytes) {
        FleetInputs inputs = new FleetInputs(notAResult, maxBytes);
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                inputs.folder(p);
            } else {
                inputs.file(p, p.toString());
            }
        }
        // Parsing a result is the work here, and each file is parsed alone: on every core, in order.
        List<Read> each = java.util.stream.IntStream.range(0, inputs.queue.size()).parallel()
                .mapToObj(i -> inputs.readOne(inputs.queue.get(i).getKey(), inputs.queue.get(i).getValue()))
                .toList();
        for (Read r : each) {
            inputs.machines.addAll(r.machines());
            inputs.skipped.addAll(r.skipped());
        }
        return new Read(inputs.machines, inputs.skipped, inputs.opened);
    }

    private void folder(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            // Links are not followed: a link to a parent folder would make the walk endless.
            Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                found.add(file);
                            } else if (attrs.isSymbolicLink()) {
                                skipped.add(new Skipped(file.toString(), Words.get("fleet.skip.link")));
                            }
                            return found.size() > MAX_FILES ? java.nio.file.FileVisitResult.TERMINATE
                                    : java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            skipped.add(new Skipped(file.toString(), Words.get("fleet.skip.folder", message(e))));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            skipped.add(new Skipped(root.toString(), Words.get("fleet.skip.folder", message(e))));
            return;
        }
        found.sort(null);
        for (Path p : found) {
            String name = root.relativize(p).toString().replace('\\', '/');
            String ext = extension(p);
            if (!ext.equals("json") && !ext.equals("csv")) {
                skipped.add(new Skipped(p.toString(), Words.get("fleet.skip.notJsonOrCsv")));
                continue;
            }
            if (!file(p, name)) {
                return;
            }
        }
    }

    /** Puts one file in the queue; false once the limit on files is reached. */
    private boolean file(Path p, String name) {
        if (opened.size() >= MAX_FILES) {
            skipped.add(new Skipped(p.toString(), Words.get("fleet.skip.tooManyFiles", MAX_FILES)));
            return false;
        }
        if (!seen.add(p.toAbsolutePath().normalize())) {
            return true;
        }
        opened.add(p);
        queue.add(Map.entry(p, name));
        return true;
    }

    /** Reads one file: its machines, or why it gave none. */
    private Read readOne(Path p, String name) {
        List<FleetMachine> found = new ArrayList<>();
        List<Skipped> notRead = new ArrayList<>();
        String why = notAResult.apply(p);
        if (why != null) {
            notRead.add(new Skipped(p.toString(), why));
            return new Read(found, notRead, List.of(p));
        }
        String text;
        try {
            text = text(p);
        } catch (CharacterCodingException e) {
            notRead.add(new Skipped(p.toString(), Words.get("fleet.skip.notText")));
            return new Read(found, notRead, List.of(p));
        } catch (IOException e) {
            notRead.add(new Skipped(p.toString(), message(e)));
            return new Read(found, notRead, List.of(p));
        }
        String ext = extension(p);
        boolean json = ext.equals("json") || (!ext.equals("csv") && looksLikeJson(text));
        if (json) {
            try {
                found.add(FleetMachine.of(name, p.toString(), JsonReport.readWithoutProbes(text).result()));
            } catch (IOException e) {
                notRead.add(new Skipped(p.toString(), withoutLocation(e.getMessage())));
            } catch (RuntimeException e) {
                // A value this version never writes itself: this file is skipped, the rest are read.
                notRead.add(new Skipped(p.toString(), Words.get("fleet.skip.unusual", e.getClass().getSimpleName())));
            }
        } else {
            IntuneCsv.read(text, p.toString(), found, notRead);
        }
        return new Read(found, notRead, List.of(p));
    }

    /** The parser's reason without its "(start marker at [Source: …" tail: one line per file in a long list. */
    private static String withoutLocation(String message) {
        int at = message.indexOf(" (start marker at");
        int source = message.indexOf(" at [Source");
        int cut = at >= 0 ? at : source;
        return (cut >= 0 ? message.substring(0, cut) : message).lines().findFirst().orElse(message);
    }

    private static boolean looksLikeJson(String text) {
        String s = text.stripLeading();
        return s.startsWith("{") || s.startsWith("[");
    }

    private static String extension(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The file as text, at most {@code maxBytes} of it read even if it grew since it was looked
     * at: UTF-8 (Excel and the portal may put a byte-order mark first), or UTF-16 with its mark
     * (PowerShell 5.1's Out-File writes that).
     */
    private String text(Path p) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new IOException(Words.get("fleet.skip.tooLarge", maxBytes >> 20));
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                .toString();
    }

    private static String message(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.AccessDeniedException) {
            return Words.get("fleet.skip.noPermission");
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
