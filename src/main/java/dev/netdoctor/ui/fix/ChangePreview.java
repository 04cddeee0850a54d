// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.ui.Texts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fix's unified diff as the preview shows it to someone who has never read one: the two file
 * header lines (long temporary paths a narrow window cut, and the file is named above the preview
 * anyway) give way to one line that says what + and - mean, and each {@code @@ -a,b +c,d @@} to
 * the line of the file it starts at. The lines themselves keep their +, - or space, exactly as
 * they will be written. The report and the CLI keep the diff itself, for those who read diffs.
 */
final class ChangePreview {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@.*$");

    private ChangePreview() {
    }

    static String of(String diff) {
        StringBuilder out = new StringBuilder(Texts.get("fix.preview.legend")).append('\n');
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("--- ") || line.startsWith("+++ ")) {
                continue;
            }
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                int from = Integer.parseInt(hunk.group(1));
                out.append('\n').append(Texts.get("fix.preview.from", Math.max(1, from))).append('\n');
            } else if (line.startsWith("\\ ")) {
                // the diff's own notes (line endings) read as a sentence
                out.append('\n').append(line.substring(2)).append('\n');
            } else if (!line.isEmpty()) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
