// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigKeys.Key;
import dev.netdoctor.config.RawLines.Line;
import dev.netdoctor.config.WslConfigSyntax.BrokenHeader;
import dev.netdoctor.config.WslConfigSyntax.Continues;
import dev.netdoctor.config.WslConfigSyntax.Header;
import dev.netdoctor.config.WslConfigSyntax.Parsed;
import dev.netdoctor.config.WslConfigSyntax.Setting;
import dev.netdoctor.config.WslConfigSyntax.Skipped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A settings file's lines as WSL reads them: {@link ConfigReader}'s one reading of a
 * {@link SettingsDocument}, which the check turns into findings and every edit uses to find the
 * line it changes. Physical lines are joined where a value continues with a backslash, each joined
 * line has the section WSL files its key under, and /etc/wsl.conf says where the distro stops.
 *
 * @param entries  the logical lines, in file order
 * @param stopsAt  /etc/wsl.conf: the 1-based line where the distro stops reading (it cannot read it)
 * @param unread   WSL reads no setting at all from the file as it is encoded (UTF-16 it misreads)
 */
public record ConfigLines(ConfigFileKind file, SettingsDocument document, List<Entry> entries, OptionalInt stopsAt,
                          boolean unread) {
    private static final String UTF8_MARK = new String(TextEncoding.UTF8_MARK, java.nio.charset.StandardCharsets.ISO_8859_1);

    public ConfigLines {
        entries = List.copyOf(entries);
    }

    /**
     * One logical line: physical lines {@code first..last} (0-based) as WSL sees them, joined with
     * {@code \n} where a value continues. {@code text} is what WSL parses: in /etc/wsl.conf, read
     * as bytes, a CRLF line keeps its CR ({@code crSeen}) and line 1 of a file saved with a UTF-8
     * byte order mark starts with the mark's {@code prefix} chars.
     *
     * @param section  the section a key on this line is filed under (after this line, for a header)
     * @param dangling a value that ends in a backslash where nothing can continue it: WSL skips it,
     *                 and a line added after it would become part of it
     */
    public record Entry(int first, int last, String text, int prefix, boolean crSeen, boolean dangling, Parsed parsed,
                        SectionBuffer section, Key known) {
        /** The key of WSL's table this line sets ({@code [experimental] networkingMode} is wsl2.networkingMode), if any. */
        public Optional<Key> key() {
            return Optional.ofNullable(known);
        }

        public int line() {
            return first + 1;
        }

        /** The line makes the distro stop reading /etc/wsl.conf (and is skipped in .wslconfig). */
        public boolean invalid() {
            return parsed instanceof BrokenHeader || parsed == Skipped.INVALID;
        }

        public Setting setting() {
            return (Setting) parsed;
        }
    }

    /** Reads a document as WSL would read it, were it written as it is. */
    static ConfigLines of(ConfigFileKind file, SettingsDocument document) {
        TextEncoding encoding = document.encoding();
        if (!file.readsAsText(encoding)) {
            // .wslconfig: WSL finds no setting and reads on; wsl.conf: the distro stops at line 1
            return new ConfigLines(file, document, List.of(), file.stopsAtInvalidLine() ? OptionalInt.of(1) : OptionalInt.empty(), true);
        }
        List<Line> lines = document.lines();
        // The distro reads /etc/wsl.conf as bytes: a UTF-8 byte order mark is the start of line 1 to it.
        String mark = file == ConfigFileKind.WSL_CONF && encoding == TextEncoding.UTF8_BOM ? UTF8_MARK : "";
        if (lines.isEmpty() && !mark.isEmpty()) {
            lines = List.of(new Line("", ""));
        }
        List<Entry> entries = new ArrayList<>();
        OptionalInt stopsAt = OptionalInt.empty();
        SectionBuffer section = SectionBuffer.EMPTY;
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            String text = (i == 0 ? mark : "") + physical(file, lines.get(i));
            Parsed parsed = WslConfigSyntax.parse(text);
            // A value ending in a backslash goes on: Windows' text mode turned CRLF into LF, the
            // distro sees "\\\r" (the CR is skipped and the LF ends the value), so there only LF continues.
            while (parsed instanceof Continues && i + 1 < lines.size() && continues(file, lines.get(i).ending())) {
                i++;
                text = text + "\n" + physical(file, lines.get(i));
                parsed = WslConfigSyntax.parse(text);
            }
            boolean dangling = parsed instanceof Continues;
            if (dangling) {
                parsed = Skipped.INVALID; // a backslash before the end of the file: WSL's "Invalid escaped character"
            }
            section = section.after(parsed);
            Key known = parsed instanceof Setting s ? ConfigKeys.lookup(file, section.fullName(s.key())).orElse(null) : null;
            boolean crSeen = file == ConfigFileKind.WSL_CONF && lines.get(i).ending().equals("\r\n");
            Entry entry = new Entry(first, i, text, first == 0 ? mark.length() : 0, crSeen, dangling, parsed, section, known);
            if (stopsAt.isEmpty() && file.stopsAtInvalidLine() && entry.invalid()) {
                stopsAt = OptionalInt.of(entry.line());
            }
            entries.add(entry);
        }
        return new ConfigLines(file, document, entries, stopsAt, false);
    }

    private static String physical(ConfigFileKind file, Line line) {
        return file == ConfigFileKind.WSL_CONF && line.ending().equals("\r\n") ? line.text() + "\r" : line.text();
    }

    private static boolean continues(ConfigFileKind file, String ending) {
        return file == ConfigFileKind.WSLCONFIG ? !ending.isEmpty() : ending.equals("\n");
    }

    /** The lines WSL reads: all of .wslconfig; /etc/wsl.conf up to the line where it stops. */
    public List<Entry> read() {
        return entries.stream().takeWhile(e -> stopsAt.isEmpty() || e.line() < stopsAt.getAsInt()).toList();
    }

    /**
     * Every line WSL reads that sets this key of its table ({@code wsl2.networkingMode}, under
     * either of its names), in file order. WSL uses the first (ConfigKey::Parse) and ignores the rest.
     */
    public List<Entry> settingsOf(String key) {
        return read().stream().filter(e -> e.key().map(k -> k.answersTo(key)).orElse(false)).toList();
    }

    /**
     * Where a line added to {@code [section]} goes: right after the last setting of the first
     * header of that name, or after the header itself, so it stays clear of the comments and blank
     * lines that usually introduce the next section. A broken header ends the section too: past
     * it, WSL files keys under a mangled name. Empty without such a header.
     */
    public OptionalInt endOfSection(String section) {
        for (int n = 0; n < entries.size(); n++) {
            if (entries.get(n).parsed() instanceof Header(String name) && name.equalsIgnoreCase(section)) {
                int after = entries.get(n).last();
                for (int k = n + 1; k < entries.size(); k++) {
                    Parsed parsed = entries.get(k).parsed();
                    if (parsed instanceof Header || parsed instanceof BrokenHeader) {
                        break;
                    }
                    if (parsed instanceof Setting) {
                        after = entries.get(k).last();
                    }
                }
                return OptionalInt.of(after + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Where lines added at the end of the file go: the end, or before a last line whose value ends
     * in a backslash, which any line after it would complete, changing what WSL reads there.
     */
    public int endOfFile() {
        return !entries.isEmpty() && entries.getLast().dangling() ? entries.getLast().first() : document.lines().size();
    }
}
