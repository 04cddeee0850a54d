// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/** A UTF-8 .wslconfig as lines, with its byte order mark set aside so it can be put back. */
record WslConfigDocument(boolean bom, List<WslConfigLine> lines) {
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CRLF = "\r\n";
    private static final String LF = "\n";

    WslConfigDocument {
        lines = List.copyOf(lines);
    }

    static WslConfigDocument of(byte[] utf8, boolean bom) {
        int skip = bom ? UTF8_BOM.length : 0;
        List<WslConfigLine> lines = TextLines.parse(java.util.Arrays.copyOfRange(utf8, skip, utf8.length)).lines().stream()
                .map(line -> new WslConfigLine(line.text(), line.ending())).toList();
        return new WslConfigDocument(bom, lines);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(UTF8_BOM);
        }
        lines.forEach(line -> out.writeBytes((line.content() + line.ending()).getBytes(ISO_8859_1)));
        return out.toByteArray();
    }

    /**
     * The line break a new line gets: the one most lines use. A file without any line break is
     * new or one line long; it lives on Windows, where Notepad and WSL itself write CRLF.
     */
    String newline() {
        long crlf = lines.stream().filter(line -> line.ending().equals(CRLF)).count();
        long lf = lines.stream().filter(line -> line.ending().equals(LF)).count();
        return crlf >= lf ? CRLF : LF;
    }

    WslConfigDocument replacing(int index, WslConfigLine line) {
        List<WslConfigLine> changed = new ArrayList<>(lines);
        changed.set(index, line);
        return new WslConfigDocument(bom, changed);
    }

    /**
     * Inserts a line before {@code position}. When it lands after a last line that had no line
     * break, that line gets one and the new line goes without: the file keeps ending the way
     * it did.
     */
    WslConfigDocument inserting(int position, String content) {
        List<WslConfigLine> changed = new ArrayList<>(lines);
        String newline = newline();
        WslConfigLine before = position > 0 ? changed.get(position - 1) : null;
        if (before != null && before.ending().isEmpty()) {
            changed.set(position - 1, before.withEnding(newline));
            changed.add(position, new WslConfigLine(content, ""));
        } else {
            changed.add(position, new WslConfigLine(content, newline));
        }
        return new WslConfigDocument(bom, changed);
    }

    WslConfigDocument appending(String content) {
        return inserting(lines.size(), content);
    }

    boolean endsWithBlankLine() {
        return !lines.isEmpty() && lines.getLast().isBlank();
    }
}
