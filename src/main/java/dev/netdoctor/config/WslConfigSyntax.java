// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

/**
 * Reads one line the way WSL's own parser does (ParseConfigFile in microsoft/WSL,
 * src/shared/configfile/configfile.cpp), not the way a generic INI library would: a setting
 * we misread is one we would "fix" where WSL never looks. What it accepts:
 * <ul>
 *   <li>{@code [name]}: a letter, then letters and digits, then {@code ]}, then only spaces or a
 *       {@code #} comment. {@code [ wsl2 ]} or {@code [wsl-2]} is not a header;</li>
 *   <li>{@code key = value}: the same name rule for the key, spaces and tabs optional around
 *       {@code =}; the value ends at the line end or at a {@code #} outside double quotes;
 *       quotes are dropped, {@code \\ \" \b \n \t} are escapes, any other escape or an
 *       unclosed quote makes WSL skip the whole line;</li>
 *   <li>everything else, {@code #} and {@code ;} lines included, is skipped.</li>
 * </ul>
 * A backslash at the very end of a value continues it on the next line: {@link #parse} then says
 * {@link Continues}, and {@link ConfigReader} joins the next line (with a {@code \n} between)
 * and parses again, as WSL reads on. A {@code \r} is part of a line only where WSL sees it: in
 * /etc/wsl.conf, read as bytes; Windows' text mode turns .wslconfig's CRLF into LF first.
 */
public final class WslConfigSyntax {

    /** What one line is to WSL. */
    public sealed interface Parsed permits Header, BrokenHeader, Setting, Continues, Skipped {}

    public record Header(String name) implements Parsed {}

    /**
     * A header that starts right ({@code [wsl2]x}, {@code [wsl-2]}) but ends wrong: WSL skips
     * the line, yet the name it had begun to read stays in its buffer (see {@link SectionBuffer}).
     */
    public record BrokenHeader(String name) implements Parsed {}

    /**
     * {@code key = value}. {@code value} is what WSL reads (quotes removed, escapes resolved,
     * trailing blanks dropped); {@code valueStart}/{@code valueEnd} delimit it as written,
     * quotes included, trailing blanks and comment excluded.
     */
    public record Setting(String key, String value, int valueStart, int valueEnd) implements Parsed {}

    /** A setting whose value ends in a lone backslash: WSL reads the next line as more of the value. */
    public record Continues(String key) implements Parsed {}

    /**
     * A line WSL skips: blank or a {@code #} comment ({@code NOTHING}), or one it cannot read
     * ({@code INVALID}). Windows' reader of .wslconfig skips both and goes on; the distro's
     * reader of /etc/wsl.conf stops at the first invalid line ({@code CFG_SKIP_INVALID_LINES} is
     * not passed there).
     */
    public enum Skipped implements Parsed { NOTHING, INVALID }

    private WslConfigSyntax() {
    }

    public static Parsed parse(String line) {
        int first = skipSpaces(line, 0);
        if (first == line.length() || line.charAt(first) == '#' || line.charAt(first) == '\r') {
            return Skipped.NOTHING;
        }
        char c = line.charAt(first);
        if (c == '[') {
            return header(line, first + 1);
        }
        return isAlpha(c) ? setting(line, first) : Skipped.INVALID;
    }

    private static Parsed header(String line, int nameStart) {
        if (nameStart == line.length() || !isAlpha(line.charAt(nameStart))) {
            return Skipped.INVALID;
        }
        int nameEnd = skipAlnum(line, nameStart);
        String name = line.substring(nameStart, nameEnd);
        if (nameEnd < line.length() && line.charAt(nameEnd) == ']') {
            int rest = skipSpaces(line, nameEnd + 1);
            if (rest == line.length() || line.charAt(rest) == '#' || line.charAt(rest) == '\r') {
                return new Header(name);
            }
        }
        return new BrokenHeader(name);
    }

    private static Parsed setting(String line, int keyStart) {
        int keyEnd = skipAlnum(line, keyStart);
        int equals = skipSpaces(line, keyEnd);
        if (equals == line.length() || line.charAt(equals) != '=') {
            return Skipped.INVALID;
        }
        int valueStart = skipSpaces(line, equals + 1);
        StringBuilder value = new StringBuilder();
        int kept = 0;
        int valueEnd = valueStart;
        boolean inQuotes = false;
        for (int i = valueStart; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '#' && !inQuotes) || c == '\r') {
                break;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    return new Continues(line.substring(keyStart, keyEnd));
                }
                char next = line.charAt(++i);
                if (next == '\n' || next == '\r') {
                    // a continuation (joined by the reader), or the CR of a CRLF WSL skips; like
                    // any other character the backslash keeps the blanks before it
                    kept = value.length();
                    valueEnd = i + 1;
                    continue;
                }
                int escaped = unescape(next);
                if (escaped < 0) {
                    return Skipped.INVALID;
                }
                value.append((char) escaped);
            } else {
                value.append(c);
            }
            // Like WSL, only blanks after the last other character are trimmed; a closing
            // quote counts as another character, so quoted blanks stay.
            if (!isSpace(c)) {
                kept = value.length();
                valueEnd = i + 1;
            }
        }
        if (inQuotes) {
            return Skipped.INVALID;
        }
        return new Setting(line.substring(keyStart, keyEnd), value.substring(0, kept), valueStart, valueEnd);
    }

    private static int unescape(char c) {
        return switch (c) {
            case '\\', '"' -> c;
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> -1;
        };
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipAlnum(String line, int from) {
        int i = from;
        while (i < line.length() && (isAlpha(line.charAt(i)) || isDigit(line.charAt(i)))) {
            i++;
        }
        return i;
    }

    // WSL uses the C library's isalpha/isalnum in the "C" locale: ASCII only.
    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isSpace(int c) {
        return c == ' ' || c == '\t';
    }
}
