// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

/**
 * The two files WSL reads settings from, and how each reader differs: Windows reads
 * {@code %UserProfile%\.wslconfig} as text ({@code ccs=UTF-8}: CRLF becomes LF, a UTF-8 or
 * UTF-16LE byte order mark is honoured) and skips lines it cannot read; the distro reads
 * {@code /etc/wsl.conf} as bytes and stops at the first such line (ParseConfigFile without
 * CFG_SKIP_INVALID_LINES).
 */
public enum ConfigFileKind {
    WSLCONFIG(".wslconfig"),
    WSL_CONF("/etc/wsl.conf");

    private final String display;

    ConfigFileKind(String display) {
        this.display = display;
    }

    /** How people name it: ".wslconfig", "/etc/wsl.conf". */
    public String display() {
        return display;
    }

    public boolean stopsAtInvalidLine() {
        return this == WSL_CONF;
    }

    /**
     * Whether WSL reads the file's settings at all when it is saved so: .wslconfig in UTF-8 (with
     * or without a byte order mark) or UTF-16 LE with its mark, the only UTF-16 that
     * {@code ccs=UTF-8} switches to; /etc/wsl.conf, read as bytes, in UTF-8 only.
     */
    public boolean readsAsText(TextEncoding encoding) {
        return !encoding.isUtf16() || this == WSLCONFIG && encoding == TextEncoding.UTF16LE_BOM;
    }
}
