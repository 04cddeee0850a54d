// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * How a settings file is encoded, told by its byte order mark or, without one, by its NUL bytes;
 * and the one way its bytes become text and back.
 *
 * <p>Text here is "raw": one char per byte of the file's UTF-8 form (ISO-8859-1 holds every byte
 * as one char). A UTF-8 file's bytes that are not valid UTF-8 so survive an edit untouched, a line
 * of text means the same bytes to the reader and to the editor, and UTF-16 text is handled as the
 * UTF-8 it would be. The byte order mark is not part of the text: {@link #encode} puts it back.
 */
public enum TextEncoding {
    UTF8, UTF8_BOM, UTF16LE_BOM, UTF16LE, UTF16BE_BOM, UTF16BE;

    static final byte[] UTF8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The byte order mark this encoding writes first (none for the encodings without one). */
    public byte[] mark() {
        return switch (this) {
            case UTF8_BOM -> UTF8_MARK.clone();
            case UTF16LE_BOM -> new byte[]{(byte) 0xFF, (byte) 0xFE};
            case UTF16BE_BOM -> new byte[]{(byte) 0xFE, (byte) 0xFF};
            default -> new byte[0];
        };
    }

    public boolean isUtf16() {
        return this != UTF8 && this != UTF8_BOM;
    }

    /** How people know it (Notepad's names). */
    public String display() {
        return switch (this) {
            case UTF8 -> "UTF-8";
            case UTF8_BOM -> "UTF-8 with BOM";
            case UTF16LE_BOM -> "UTF-16 LE (\"Unicode\")";
            case UTF16LE -> "UTF-16 LE without a byte order mark";
            case UTF16BE_BOM -> "UTF-16 BE (\"Unicode big endian\")";
            case UTF16BE -> "UTF-16 BE without a byte order mark";
        };
    }

    /**
     * A byte order mark decides; without one, text that is mostly ASCII in UTF-16 shows itself
     * by a NUL in every other byte (PowerShell 5's {@code >} and some editors write that).
     */
    public static TextEncoding detect(byte[] content) {
        if (startsWith(content, UTF8_MARK)) {
            return UTF8_BOM;
        }
        if (startsWith(content, (byte) 0xFF, (byte) 0xFE)) {
            return UTF16LE_BOM;
        }
        if (startsWith(content, (byte) 0xFE, (byte) 0xFF)) {
            return UTF16BE_BOM;
        }
        if (mostlyNulAt(content, 1)) {
            return UTF16LE;
        }
        return mostlyNulAt(content, 0) ? UTF16BE : UTF8;
    }

    /**
     * The text of these bytes (which must be in this encoding), without the byte order mark; empty
     * when UTF-16 bytes are not valid UTF-16. Strict, since the text may be written back: a lossy
     * reading would silently damage the user's file.
     */
    public Optional<String> decode(byte[] bytes) {
        return decode(bytes, CodingErrorAction.REPORT);
    }

    /**
     * The text of any bytes for people to compare, never failing. Lenient where {@link #decode} is
     * strict: a UTF-16 unit that is not text shows as the replacement character, because a diff
     * must show whatever file it is given (SafeApply shows one for every preview, also of a file
     * every edit refused) and it is never written back. A UTF-8 byte order mark stays in the text,
     * so a diff shows it go; UTF-16's mark is not shown (the text between NULs is what differs).
     */
    public static String decodeForDisplay(byte[] bytes) {
        TextEncoding encoding = detect(bytes);
        return encoding.isUtf16() ? encoding.decode(bytes, CodingErrorAction.REPLACE).orElseThrow()
                : new String(bytes, ISO_8859_1);
    }

    private Optional<String> decode(byte[] bytes, CodingErrorAction onError) {
        int skip = startsWith(bytes, mark()) ? mark().length : 0;
        if (!isUtf16()) {
            return Optional.of(new String(bytes, skip, bytes.length - skip, ISO_8859_1));
        }
        try {
            String text = charset().newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return Optional.of(new String(text.getBytes(UTF_8), ISO_8859_1));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Raw text as bytes in this encoding, byte order mark first. */
    public byte[] encode(String raw) {
        byte[] utf8 = raw.getBytes(ISO_8859_1);
        byte[] body = isUtf16() ? new String(utf8, UTF_8).getBytes(charset()) : utf8;
        byte[] mark = mark();
        byte[] out = Arrays.copyOf(mark, mark.length + body.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }

    private Charset charset() {
        return this == UTF16LE || this == UTF16LE_BOM ? UTF_16LE : UTF_16BE;
    }

    /** Raw text (one char per byte of UTF-8) as people read it. */
    public static String readable(String raw) {
        return new String(raw.getBytes(ISO_8859_1), UTF_8);
    }

    /** Text of ours (ASCII, or any Java string) as raw text. */
    public static String raw(String text) {
        return new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    /** Half or more of the two-byte units have their NUL on this side and a character on the other. */
    private static boolean mostlyNulAt(byte[] content, int nulSide) {
        int units = content.length / 2;
        int asciiLike = 0;
        for (int unit = 0; unit < units; unit++) {
            if (content[2 * unit + nulSide] == 0 && content[2 * unit + 1 - nulSide] != 0) {
                asciiLike++;
            }
        }
        return units > 0 && 2 * asciiLike >= units;
    }

    static boolean startsWith(byte[] content, byte... prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
