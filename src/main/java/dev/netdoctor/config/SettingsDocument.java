// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.RawLines.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A .wslconfig or /etc/wsl.conf being edited: its raw lines (see {@link TextEncoding}) and the
 * encoding it is written back in. The one editor of settings files: every edit of them (the
 * networking mode, DNS tunneling, generateResolvConf, the rewrites of lines WSL misreads) changes
 * lines through it, and {@link ConfigReader#lines} reads the same document the same way the check
 * reads the file. Lines it does not touch keep their bytes and their line breaks; the file keeps
 * its encoding, its byte order mark, and its final line break or the lack of one.
 */
public record SettingsDocument(TextEncoding encoding, List<Line> lines) {
    private static final String CRLF = "\r\n";
    private static final String LF = "\n";

    public SettingsDocument {
        lines = List.copyOf(lines);
    }

    /** The file's bytes as a document in their own encoding; empty when UTF-16 bytes are not UTF-16 text. */
    public static Optional<SettingsDocument> decode(byte[] bytes) {
        TextEncoding encoding = TextEncoding.detect(bytes);
        return encoding.decode(bytes).map(text -> new SettingsDocument(encoding, RawLines.split(text)));
    }

    public byte[] toBytes() {
        return encoding.encode(RawLines.join(lines));
    }

    /** The same lines, to be written in another encoding (a rewrite as UTF-8, a byte order mark dropped). */
    public SettingsDocument withEncoding(TextEncoding other) {
        return new SettingsDocument(other, lines);
    }

    /**
     * The line break a new line gets: the one most lines use. A file without any line break is
     * new or one line long; it lives on Windows, where Notepad and WSL itself write CRLF.
     */
    public String newline() {
        long crlf = lines.stream().filter(line -> line.ending().equals(CRLF)).count();
        long lf = lines.stream().filter(line -> line.ending().equals(LF)).count();
        return crlf >= lf ? CRLF : LF;
    }

    /** Line {@code index} (0-based) becomes {@code text}, keeping its line break. */
    public SettingsDocument replacing(int index, String text) {
        List<Line> changed = new ArrayList<>(lines);
        changed.set(index, new Line(text, lines.get(index).ending()));
        return new SettingsDocument(encoding, changed);
    }

    /** Lines {@code first..last} (0-based) stay, as {@code #} comments. */
    public SettingsDocument commentingOut(int first, int last) {
        SettingsDocument updated = this;
        for (int i = first; i <= last; i++) {
            updated = updated.replacing(i, "# " + lines.get(i).text());
        }
        return updated;
    }

    /**
     * A setting's value becomes {@code value}, as WSL will read it: the key's spelling, the spacing,
     * a trailing comment and quotes around the old value stay. A value continued over several
     * lines is written on the first, and the lines that continued it stay as {@code #} comments.
     */
    public SettingsDocument withValue(ConfigLines.Entry entry, String value) {
        WslConfigSyntax.Setting setting = (WslConfigSyntax.Setting) entry.parsed();
        String seen = entry.text().substring(entry.prefix());
        int start = setting.valueStart() - entry.prefix();
        int end = setting.valueEnd() - entry.prefix();
        boolean quoted = end - start >= 2 && seen.charAt(start) == '"' && seen.charAt(end - 1) == '"';
        String tail = seen.substring(end);
        tail = tail.substring(tail.lastIndexOf('\n') + 1);
        String text = seen.substring(0, start) + (quoted ? '"' + value + '"' : value) + tail;
        if (entry.crSeen() && text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1); // the CR the reader saw is the line break's, kept apart
        }
        SettingsDocument updated = replacing(entry.first(), text);
        return entry.last() > entry.first() ? updated.commentingOut(entry.first() + 1, entry.last()) : updated;
    }

    /**
     * Inserts a line before {@code position}. When it lands after a last line that had no line
     * break, that line gets one and the new line goes without: the file keeps ending the way
     * it did.
     */
    public SettingsDocument inserting(int position, String text) {
        List<Line> changed = new ArrayList<>(lines);
        String newline = newline();
        Line before = position > 0 ? changed.get(position - 1) : null;
        if (before != null && before.ending().isEmpty()) {
            changed.set(position - 1, new Line(before.text(), newline));
            changed.add(position, new Line(text, ""));
        } else {
            changed.add(position, new Line(text, newline));
        }
        return new SettingsDocument(encoding, changed);
    }

    /** Whether line {@code index} holds nothing but blanks. */
    public boolean isBlank(int index) {
        return lines.get(index).text().chars().allMatch(WslConfigSyntax::isSpace);
    }
}
