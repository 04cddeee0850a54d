// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;

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
}
