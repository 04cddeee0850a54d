// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One ssh_config line read as OpenSSH reads it: blank, comment, or {@code Keyword value} /
 * {@code Keyword=value} with a case-insensitive keyword.
 */
record SshConfigLine(String keyword, String value, int valueStart, int valueEnd) {
    static final SshConfigLine NONE = new SshConfigLine(null, null, -1, -1);

    static SshConfigLine read(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == text.length() || text.charAt(i) == '#') {
            return NONE;
        }
        int k = i;
        while (k < text.length() && text.charAt(k) != ' ' && text.charAt(k) != '\t' && text.charAt(k) != '=') {
            k++;
        }
        String keyword = text.substring(i, k).toLowerCase(Locale.ROOT);
        int v = k;
        while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
            v++;
        }
        if (v < text.length() && text.charAt(v) == '=') {
            v++;
            while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
                v++;
            }
        }
        int end = commentStart(text, v);
        while (end > v && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return new SshConfigLine(keyword, text.substring(v, end), v, end);
    }

    /**
     * Where a trailing comment starts: OpenSSH (8.x+) reads '#' at the start of a word, outside
     * quotes, as the start of a comment.
     */
    private static int commentStart(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && (i == from || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                return i;
            }
        }
        return text.length();
    }

    boolean is(String kw) {
        return kw.equals(keyword);
    }

    boolean startsSection() {
        return is("host") || is("match");
    }

    /** Arguments split as OpenSSH does: whitespace separated, double quotes group. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                if (any) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            args.add(cur.toString());
        }
        return args;
    }

    /** The patterns of a Host line: arguments, each possibly a comma-separated list. */
    List<String> hostPatterns() {
        List<String> patterns = new ArrayList<>();
        for (String a : arguments()) {
            for (String p : a.split(",")) {
                if (!p.isEmpty()) {
                    patterns.add(p);
                }
            }
        }
        return patterns;
    }
}
