// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.fix.UnifiedDiff;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's preview of a change: what + and - mean, where each change is, no diff headers a window cuts. */
class ChangePreviewTest {
    private static final String LONG = "/tmp/junit-3511184041452182221/home1042977988916061363/.ssh/config";

    @Test
    void theHeadersGiveWayToWordsAndEachChangeSaysWhereItStarts() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 1200; i++) {
            before.append("# line ").append(i).append('\n');
        }
        String after = before.toString().replace("# line 1100\n", "# line 1100\nHost 198.18.1.*\n    IPQoS none\n");
        String diff = UnifiedDiff.of(LONG, before.toString().getBytes(UTF_8), LONG, after.getBytes(UTF_8));
        assertThat(diff).startsWith("--- " + LONG);

        String shown = ChangePreview.of(diff);
        assertThat(shown).startsWith("Lines marked + will be added, lines marked - removed")
                .doesNotContain("--- ").doesNotContain("+++ ").doesNotContain("@@").doesNotContain(LONG)
                .contains("From line 1098:\n # line 1098\n # line 1099\n # line 1100\n+Host 198.18.1.*\n+    IPQoS none\n # line 1101\n");
    }

    @Test
    void aNewFileStartsAtItsFirstLineAndTheDiffsOwnNotesReadAsSentences() {
        String diff = "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+[wsl2]\n+dnsTunneling=true\n\\ The file uses Windows line endings (CRLF), kept.\n";
        assertThat(ChangePreview.of(diff)).endsWith("From line 1:\n+[wsl2]\n+dnsTunneling=true\n\nThe file uses Windows line endings (CRLF), kept.\n");
    }
}
