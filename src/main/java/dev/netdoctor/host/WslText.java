// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.nio.charset.StandardCharsets;

/**
 * Decodes what wsl.exe prints. Its own messages and tables come in UTF-16LE (often without a
 * byte order mark) unless WSL_UTF8=1 is honoured; commands run inside the distro print their
 * own bytes, normally UTF-8. So: a BOM decides, else NUL bytes in the odd positions give
 * UTF-16LE away, else UTF-8.
 */
public final class WslText {
    private WslText() {
    }

    public static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (looksUtf16le(bytes)) {
            return new String(bytes, 0, bytes.length - bytes.length % 2, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** At least half of the 2-byte units are an ASCII byte followed by NUL. */
    static boolean looksUtf16le(byte[] b) {
        int units = b.length / 2;
        if (units == 0) {
            return false;
        }
        int asciiUnits = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            if (b[i + 1] == 0 && b[i] != 0 && (b[i] & 0x80) == 0) {
                asciiUnits++;
            }
        }
        return asciiUnits * 2 >= units;
    }
}
