// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

/** The one decoder and the one editor of settings files: bytes out as they came in, in the file's own encoding. */
class SettingsDocumentTest {
    private static final String TEXT = "[wsl2]\r\nkernel=C:\\\\k\u00e9rnel\nmemory=4GB";

    private static byte[] saved(TextEncoding encoding, String text) {
        return switch (encoding) {
            case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
            case UTF8_BOM -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            case UTF16LE_BOM -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
            case UTF16LE -> text.getBytes(StandardCharsets.UTF_16LE);
            case UTF16BE_BOM -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
            case UTF16BE -> text.getBytes(StandardCharsets.UTF_16BE);
        };
    }

    @ParameterizedTest
    @EnumSource(TextEncoding.class)
    void everyEncodingIsReadAndWrittenBackByteForByte(TextEncoding encoding) {
        byte[] bytes = saved(encoding, TEXT);
        SettingsDocument document = SettingsDocument.decode(bytes).orElseThrow();

        assertThat(document.encoding()).isEqualTo(encoding);
        assertThat(document.lines()).extracting(RawLines.Line::ending).containsExactly("\r\n", "\n", "");
        assertThat(TextEncoding.readable(document.lines().get(1).text())).isEqualTo("kernel=C:\\\\k\u00e9rnel");
        assertThat(document.toBytes()).isEqualTo(bytes);
    }

    @Test
    void utf8BytesThatAreNotUtf8SurviveAnEditOfAnotherLine() {
        byte[] bytes = "[wsl2]\n# caf\u00e9\nmemory=4GB\n".getBytes(ISO_8859_1); // 0xE9 alone: not UTF-8
        SettingsDocument document = SettingsDocument.decode(bytes).orElseThrow();

        byte[] edited = document.replacing(2, "memory=8GB").toBytes();
        assertThat(edited).isEqualTo("[wsl2]\n# caf\u00e9\nmemory=8GB\n".getBytes(ISO_8859_1));
    }

    @Test
    void utf16ThatIsNotTextIsNotDecodedForWritingButIsShownInADiff() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b', 0, 0x00, (byte) 0xD8}; // ends in half a surrogate pair
        assertThat(SettingsDocument.decode(bytes)).isEmpty();
        assertThat(TextEncoding.readable(TextEncoding.decodeForDisplay(bytes))).isEqualTo("ab\uFFFD");
    }

    @Test
    void aDiffShowsAUtf8ByteOrderMarkSoThatItsRemovalShows() {
        byte[] bytes = "\uFEFF[boot]".getBytes(StandardCharsets.UTF_8);
        assertThat(TextEncoding.readable(TextEncoding.decodeForDisplay(bytes))).isEqualTo("\uFEFF[boot]");
        assertThat(TextEncoding.UTF8_BOM.decode(bytes)).contains("[boot]");
    }

    @Test
    void anotherEncodingWritesTheSameText() {
        byte[] utf16 = saved(TextEncoding.UTF16LE_BOM, TEXT);
        byte[] utf8 = SettingsDocument.decode(utf16).orElseThrow().withEncoding(TextEncoding.UTF8).toBytes();
        assertThat(utf8).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLineInsertedAfterALastLineWithoutABreakKeepsTheFileEndingAsItDid() {
        SettingsDocument document = SettingsDocument.decode("[wsl2]\r\nmemory=4GB".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        byte[] out = document.inserting(2, "swap=0").toBytes();
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("[wsl2]\r\nmemory=4GB\r\nswap=0");
        assertThat(Arrays.equals(document.commentingOut(1, 1).toBytes(), "[wsl2]\r\n# memory=4GB".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
