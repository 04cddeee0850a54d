// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import java.util.Arrays;

/** How a settings file is encoded, told by its byte order mark or, without one, by its NUL bytes. */
public enum TextEncoding {
    UTF8, UTF8_BOM, UTF16LE_BOM, UTF16LE, UTF16BE_BOM, UTF16BE;

    static final byte[] UTF8_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

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
