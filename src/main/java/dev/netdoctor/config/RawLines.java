// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Text split into lines that keep their own endings ({@code \n}, {@code \r\n}, or none for a
 * last line without one), so that joining them gives back every byte. The one splitter: the
 * settings reader, the settings editor, the diff and the ssh_config edit split alike, and a line
 * number means the same line to all of them.
 */
public final class RawLines {
    /** One line: its content without the ending, and the ending itself. */
    public record Line(String text, String ending) {
        public String raw() {
            return text + ending;
        }
    }

    private RawLines() {
    }

    public static List<Line> split(String all) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < all.length()) {
            int nl = all.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new Line(all.substring(start), ""));
                break;
            }
            boolean crlf = nl > start && all.charAt(nl - 1) == '\r';
            lines.add(new Line(all.substring(start, crlf ? nl - 1 : nl), crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return lines;
    }

    public static String join(List<Line> lines) {
        StringBuilder all = new StringBuilder();
        lines.forEach(l -> all.append(l.raw()));
        return all.toString();
    }
}
