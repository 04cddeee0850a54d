// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.WslConfigSyntax.BrokenHeader;
import dev.netdoctor.config.WslConfigSyntax.Header;
import dev.netdoctor.config.WslConfigSyntax.Parsed;

/**
 * WSL builds a key's full name ("wsl2.networkingMode") in one buffer: a header fills it and
 * records the section's length, and each key line first cuts the buffer back to that length.
 * A broken header is skipped, but the name it began to read has already replaced the buffer
 * while the length stays. The keys after it land in a truncated name, or in one padded with
 * NULs that matches no section; this record reproduces that so we never edit a line WSL
 * files elsewhere.
 */
public record SectionBuffer(String buffer, int length) {
    public static final SectionBuffer EMPTY = new SectionBuffer("", 0);

    public SectionBuffer after(Parsed line) {
        return switch (line) {
            case Header(String name) -> new SectionBuffer(name, name.length());
            case BrokenHeader(String name) -> new SectionBuffer(name, length);
            default -> this;
        };
    }

    /** The section a key line now lands in ("" before any header). */
    public String name() {
        return buffer.length() >= length
                ? buffer.substring(0, length)
                : buffer + "\0".repeat(length - buffer.length());
    }

    /** The key's full name as WSL builds it: {@code section.key}, or the bare key before any section. */
    public String fullName(String key) {
        return length == 0 ? key : name() + "." + key;
    }
}
