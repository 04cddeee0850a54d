// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.RawLines;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A config file as lines, byte for byte: each line keeps its own ending ({@code \n},
 * {@code \r\n} or none for a last line without newline). Text is held as ISO-8859-1, which
 * maps every byte to one char and back, so bytes that are not valid UTF-8 survive untouched.
 */
final class TextLines {
    /** One line: its content without the ending, and the ending itself. */
    record Line(String text, String ending) {
        String raw() {
            return text + ending;
        }
    }

    private final List<Line> lines;

    private TextLines(List<Line> lines) {
        this.lines = lines;
    }

    static TextLines parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Line> lines = RawLines.split(all).stream().map(l -> new Line(l.text(), l.ending())).toList();
        return new TextLines(lines);
    }

    List<Line> lines() {
        return lines;
    }

    /** The ending most lines use; LF for a file without any. */
    String dominantEnding() {
        long crlf = lines.stream().filter(l -> l.ending().equals("\r\n")).count();
        long lf = lines.stream().filter(l -> l.ending().equals("\n")).count();
        return crlf > lf ? "\r\n" : "\n";
    }

    boolean endsWithNewline() {
        return lines.isEmpty() || !lines.getLast().ending().isEmpty();
    }

    static byte[] join(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.raw()));
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Text that came from us (ASCII) in the file's byte-preserving representation. */
    static String ours(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
