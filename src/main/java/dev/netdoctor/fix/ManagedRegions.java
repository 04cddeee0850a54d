// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parts of a config file that another tool writes and rewrites between two marker comments:
 * {@code # DevPod Start ws} … {@code # DevPod End ws}, {@code # BEGIN ANSIBLE MANAGED BLOCK} …
 * {@code # END ANSIBLE MANAGED BLOCK}, {@code # >>> conda initialize >>>} … {@code # <<< … <<<},
 * {@code # Google Compute Engine Section} … {@code # End of Google Compute Engine Section}. A line
 * we add between them is lost the next time that tool runs, so our edits stay outside.
 */
final class ManagedRegions {
    /** Words that only say which end of a region a comment marks. */
    private static final Set<String> MARKERS = Set.of("start", "begin", "beginning", "end", "stop", "of", "the");

    /** From the opening to the closing marker line (0-based, both included), and the two comments as written. */
    record Region(int open, int close, String opening, String closing) {
        /** Whether a line inserted before line {@code at} (0-based) lands between the markers. */
        boolean splitBy(int at) {
            return open < at && at <= close;
        }
    }

    private ManagedRegions() {
    }

    static List<Region> find(List<String> lines) {
        List<Region> regions = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int close = 0; close < lines.size(); close++) {
            String closing = comment(lines.get(close));
            if (closing == null || !closes(closing)) {
                continue;
            }
            Set<String> key = key(closing);
            int open = -1;
            int opener = -1;
            for (int i = close - 1; i >= 0; i--) {
                String c = comment(lines.get(i));
                if (c == null || used.contains(i) || closes(c)) {
                    continue;
                }
                // the same words as the closing marker (without start/end) pair them best
                if (!key.isEmpty() && key(c).containsAll(key) && (opens(c) || key(c).equals(key))) {
                    open = i;
                    break;
                }
                if (opener < 0 && opens(c)) {
                    opener = i;
                }
            }
            open = open >= 0 ? open : opener;
            if (open >= 0) {
                used.add(open);
                used.add(close);
                regions.add(new Region(open, close, lines.get(open).strip(), lines.get(close).strip()));
            }
        }
        return regions;
    }

    /** The text of a comment line after its '#', or null for any other line. */
    static String comment(String line) {
        String s = line.strip();
        return s.startsWith("#") ? s.substring(1).toLowerCase(Locale.ROOT) : null;
    }

    private static boolean opens(String comment) {
        return comment.contains(">>>") || words(comment).stream().anyMatch(w -> w.equals("start") || w.equals("begin")
                || w.equals("beginning"));
    }

    private static boolean closes(String comment) {
        return comment.contains("<<<") || words(comment).stream().anyMatch(w -> w.equals("end") || w.equals("stop"));
    }

    private static Set<String> key(String comment) {
        Set<String> key = new HashSet<>(words(comment));
        key.removeAll(MARKERS);
        return key;
    }

    private static List<String> words(String comment) {
        return List.of(comment.split("[^\\p{L}\\p{N}]+")).stream().filter(w -> !w.isEmpty()).toList();
    }
}
