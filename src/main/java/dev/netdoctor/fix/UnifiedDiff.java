// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.RawLines;
import dev.netdoctor.config.TextEncoding;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line (Myers' O(ND) algorithm: our edits touch a few
 * lines, so D is small even for large files). For people to read before anything is written.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private record Op(char kind, String line) {
    }

    public static String of(String oldName, byte[] oldBytes, String newName, byte[] newBytes) {
        List<RawLines.Line> rawOld = RawLines.split(TextEncoding.decodeForDisplay(oldBytes));
        List<RawLines.Line> rawNew = RawLines.split(TextEncoding.decodeForDisplay(newBytes));
        // the file's own line ending is said once; only a line that ends otherwise is marked
        String usual = usualEnding(rawOld.isEmpty() ? rawNew : rawOld);
        List<String> a = lines(rawOld, usual);
        List<String> b = lines(rawNew, usual);
        List<Op> ops = diff(a, b);
        if (ops.stream().allMatch(o -> o.kind() == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- " + oldName + "\n+++ " + newName + "\n");
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are within 2*CONTEXT of each other
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end).kind() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            int oldLine = 1;
            int newLine = 1;
            for (int k = 0; k < start; k++) {
                if (ops.get(k).kind() != '+') {
                    oldLine++;
                }
                if (ops.get(k).kind() != '-') {
                    newLine++;
                }
            }
            int oldCount = 0;
            int newCount = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                Op o = ops.get(k);
                if (o.kind() != '+') {
                    oldCount++;
                }
                if (o.kind() != '-') {
                    newCount++;
                }
                body.append(o.kind()).append(o.line()).append('\n');
            }
            out.append("@@ -").append(range(oldLine, oldCount)).append(" +").append(range(newLine, newCount)).append(" @@\n").append(body);
            i = end;
        }
        if (usual.equals("\r\n")) {
            boolean kept = rawNew.stream().allMatch(l -> !l.ending().equals("\n"));
            out.append("\\ ").append(rawOld.isEmpty() ? "The lines end the Windows way (CRLF), as Windows' editors expect."
                    : kept ? "The file uses Windows line endings (CRLF), kept." : "The file uses Windows line endings (CRLF).").append('\n');
        }
        return out.toString();
    }

    /** The line ending most lines of a text have (a line without one counts for none). */
    private static String usualEnding(List<RawLines.Line> lines) {
        long crlf = lines.stream().filter(l -> l.ending().equals("\r\n")).count();
        long lf = lines.stream().filter(l -> l.ending().equals("\n")).count();
        return crlf > lf ? "\r\n" : "\n";
    }

    private static String range(int start, int count) {
        return count == 0 ? (start - 1) + ",0" : count == 1 ? Integer.toString(start) : start + "," + count;
    }

    /**
     * Lines for display; a line that ends otherwise than the file's usual way says so in words, so a
     * change of ending shows as a change of that line.
     * The text comes from the settings files' own decoder, so a UTF-16 file's diff shows its lines
     * and not a NUL between every letter; the decoder's lenient form, since a diff only shows.
     */
    private static List<String> lines(List<RawLines.Line> raw, String usual) {
        List<String> out = new ArrayList<>();
        for (RawLines.Line l : raw) {
            String ending = l.ending().isEmpty() ? "  (no newline at end of file)" : l.ending().equals(usual) ? ""
                    : l.ending().equals("\r\n") ? "  (Windows line ending, CRLF)" : l.ending().equals("\n") ? "  (Unix line ending, LF)"
                    : "  (line ending " + l.ending().replace("\r", "\\r").replace("\n", "\\n") + ")";
            out.add(TextEncoding.readable(l.text()) + ending);
        }
        return out;
    }

    /** Myers' greedy diff, with the trace kept to walk back the edit script. */
    private static List<Op> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int[] v = new int[2 * max + 2];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[max + k] = x;
                if (x >= n && y >= m) {
                    return backtrack(trace, a, b, max);
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static List<Op> backtrack(List<int[]> trace, List<String> a, List<String> b, int max) {
        List<Op> ops = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : v[max + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                ops.add(new Op(' ', a.get(--x)));
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    ops.add(new Op('+', b.get(--y)));
                } else {
                    ops.add(new Op('-', a.get(--x)));
                }
            }
        }
        java.util.Collections.reverse(ops);
        return ops;
    }
}
