// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A config file as lines, byte for byte: what every ssh_config edit builds on. */
class TextLinesTest {
    private static TextLines of(String text) {
        return TextLines.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyByteComesBackAndEachLineKeepsItsEnding() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        assertThat(TextLines.join(TextLines.parse(bytes).lines())).isEqualTo(bytes);
        assertThat(of("a\r\nb\nc").lines()).containsExactly(new TextLines.Line("a", "\r\n"), new TextLines.Line("b", "\n"),
                new TextLines.Line("c", ""));
    }

    /** New lines take the ending most lines have; on a tie, and in a file without any, LF. */
    @Test
    void theDominantEndingIsTheOneMostLinesUse() {
        assertThat(of("a\r\nb\r\nc\n").dominantEnding()).isEqualTo("\r\n");
        assertThat(of("a\r\nb\nc\n").dominantEnding()).isEqualTo("\n");
        assertThat(of("a\r\nb\n").dominantEnding()).isEqualTo("\n");
        assertThat(of("a").dominantEnding()).isEqualTo("\n");
        assertThat(of("a\r\nb").dominantEnding()).isEqualTo("\r\n");
    }

    @Test
    void anEmptyFileCountsAsEndingWithANewline() {
        assertThat(of("").endsWithNewline()).isTrue();
        assertThat(of("a\n").endsWithNewline()).isTrue();
        assertThat(of("a").endsWithNewline()).isFalse();
        assertThat(of("").lines()).isEqualTo(List.of());
    }

    /** Our own words are ASCII: in the file's one-char-per-byte form they are the same text. */
    @Test
    void ourTextIsItsUtf8Bytes() {
        assertThat(TextLines.ours("Host 198.18.1.*")).isEqualTo("Host 198.18.1.*");
        assertThat(TextLines.ours("é")).isEqualTo("\u00c3\u00a9");
    }
}
