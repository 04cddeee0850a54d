// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Notepad-made .wslconfig has CRLF on every line: the preview says so once, in words, and
 * marks only a line whose ending differs from the file's, never a literal \r on every line.
 */
class DiffLineEndingsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCrlfFileIsSaidOnceNotOnEveryLine() {
        String diff = UnifiedDiff.of("a/.wslconfig", b("[wsl2]\r\nmemory=8GB\r\n"), "b/.wslconfig",
                b("[wsl2]\r\nmemory=8GB\r\nnetworkingMode=mirrored\r\n"));
        assertThat(diff).doesNotContain("\\r").doesNotContain("\r")
                .contains("\n+networkingMode=mirrored\n")
                .endsWith("\\ The file uses Windows line endings (CRLF), kept.\n");
        assertThat(diff.lines().filter(l -> l.contains("CRLF"))).hasSize(1);
    }

    @Test
    void aLineThatEndsOtherwiseThanTheFileSaysSo() {
        String diff = UnifiedDiff.of("a/x", b("one\r\ntwo\r\n"), "b/x", b("one\r\ntwo\r\nthree\n"));
        assertThat(diff).contains("+three  (Unix line ending, LF)").doesNotContain(", kept.");
        String lf = UnifiedDiff.of("a/x", b("one\ntwo\n"), "b/x", b("one\ntwo\nthree\n"));
        assertThat(lf).doesNotContain("line ending").doesNotContain("CRLF");
    }

    @Test
    void aNewFileIsNotSaidToKeepAnything() {
        String diff = UnifiedDiff.of("a/.wslconfig", new byte[0], "b/.wslconfig", b("[wsl2]\r\ndnsTunneling=true\r\n"));
        assertThat(diff).contains("+[wsl2]\n").doesNotContain("kept").contains("(CRLF)");
    }
}
