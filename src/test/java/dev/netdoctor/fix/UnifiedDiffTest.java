// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class UnifiedDiffTest {
    @Test
    void showsAnInsertedBlockWithContext() {
        String diff = UnifiedDiff.of("a/config", "User me\nHost nas\n  User x\n".getBytes(),
                "b/config", "User me\n\nHost n\n  IPQoS none\nHost nas\n  User x\n".getBytes());
        assertThat(diff).isEqualTo("""
                --- a/config
                +++ b/config
                @@ -1,3 +1,6 @@
                 User me
                +
                +Host n
                +  IPQoS none
                 Host nas
                   User x
                """);
    }

    @Test
    void identicalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a", "x\n".getBytes(), "b", "x\n".getBytes())).isEmpty();
    }

    @Test
    void aChangedLineFarFromOthersGetsItsOwnHunk() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append("line").append(i).append('\n');
        }
        String b = a.toString().replace("line2\n", "LINE2\n").replace("line28\n", "LINE28\n");
        String diff = UnifiedDiff.of("a", a.toString().getBytes(), "b", b.getBytes());
        assertThat(diff.lines().filter(l -> l.startsWith("@@"))).containsExactly("@@ -1,5 +1,5 @@", "@@ -25,6 +25,6 @@");
    }

    @Test
    void aChangedOnlyLineAndARemovedOnlyLineCountAsUnifiedDiffDoes() {
        assertThat(UnifiedDiff.of("a", "x\n".getBytes(), "b", "y\n".getBytes())).isEqualTo("--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n");
        assertThat(UnifiedDiff.of("a", "x\n".getBytes(), "b", new byte[0])).isEqualTo("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
        assertThat(UnifiedDiff.of("a", new byte[0], "b", "x\ny\n".getBytes())).isEqualTo("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
    }

    /** Changes up to six unchanged lines apart share a hunk (their contexts touch); seven apart, they do not. */
    @Test
    void changesCloseTogetherShareAHunk() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add("line" + i);
        }
        String a = String.join("\n", lines) + "\n";
        String sixApart = a.replace("line5\n", "LINE5\n").replace("line12\n", "LINE12\n");
        assertThat(hunks(UnifiedDiff.of("a", a.getBytes(), "b", sixApart.getBytes()))).containsExactly("@@ -2,14 +2,14 @@");
        String sevenApart = a.replace("line5\n", "LINE5\n").replace("line13\n", "LINE13\n");
        assertThat(hunks(UnifiedDiff.of("a", a.getBytes(), "b", sevenApart.getBytes()))).containsExactly("@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@");
    }

    /** After lines were added above, a later hunk names its line in the old and in the new file. */
    @Test
    void aLaterHunkCountsTheLinesAddedAndRemovedBeforeIt() {
        StringBuilder a = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            a.append("line").append(i).append('\n');
        }
        String b = "# added 1\n# added 2\n" + a.toString().replace("line3\n", "").replace("line25\n", "LINE25\n");
        assertThat(hunks(UnifiedDiff.of("a", a.toString().getBytes(), "b", b.getBytes())))
                .containsExactly("@@ -1,6 +1,7 @@", "@@ -22,7 +23,7 @@");
    }

    /**
     * What is shown is what changes, and no more: applied to the old text the diff gives the new
     * one, and it adds and removes no more lines than the fewest any diff needs.
     */
    @Test
    void theDiffTurnsTheOldTextIntoTheNewWithTheFewestLines() {
        Random random = new Random(25);
        for (int round = 0; round < 400; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            String diff = UnifiedDiff.of("a", join(a), "b", join(b));
            if (a.equals(b)) {
                assertThat(diff).isEmpty();
                continue;
            }
            assertThat(apply(a, diff)).as("%s -> %s:%n%s", a, b, diff).isEqualTo(b);
            long changed = diff.lines().skip(2).filter(l -> l.startsWith("+") || l.startsWith("-")).count();
            assertThat(changed).as("%s -> %s:%n%s", a, b, diff).isEqualTo(a.size() + b.size() - 2L * lcs(a, b));
        }
    }

    private static List<String> randomLines(Random random) {
        List<String> out = new ArrayList<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf((char) ('a' + random.nextInt(3))));
        }
        return out;
    }

    private static byte[] join(List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString().getBytes(UTF_8);
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** Applies the hunks in order, checking every context and removed line against the old text. */
    private static List<String> apply(List<String> old, String diff) {
        List<String> out = new ArrayList<>();
        List<String> rows = diff.lines().skip(2).toList();
        int next = 0; // index in old of the first line not yet copied
        for (int r = 0; r < rows.size(); ) {
            Matcher m = HUNK.matcher(rows.get(r));
            assertThat(m.matches()).as(rows.get(r)).isTrue();
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            int start = oldCount == 0 ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(1)) - 1;
            assertThat(Integer.parseInt(m.group(3)) - (newCount == 0 ? 0 : 1)).as("new start").isEqualTo(out.size() + start - next);
            out.addAll(old.subList(next, start));
            int at = start;
            int seenOld = 0;
            int seenNew = 0;
            for (r++; r < rows.size() && !rows.get(r).startsWith("@@"); r++) {
                String row = rows.get(r);
                String text = row.substring(1);
                switch (row.charAt(0)) {
                    case ' ' -> {
                        assertThat(old.get(at++)).isEqualTo(text);
                        out.add(text);
                        seenOld++;
                        seenNew++;
                    }
                    case '-' -> {
                        assertThat(old.get(at++)).isEqualTo(text);
                        seenOld++;
                    }
                    case '+' -> {
                        out.add(text);
                        seenNew++;
                    }
                    default -> throw new AssertionError("not a diff line: " + row);
                }
            }
            assertThat(seenOld).as("old count").isEqualTo(oldCount);
            assertThat(seenNew).as("new count").isEqualTo(newCount);
            next = at;
        }
        out.addAll(old.subList(next, old.size()));
        return out;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }

    private static List<String> hunks(String diff) {
        return diff.lines().filter(l -> l.startsWith("@@")).toList();
    }
}
