// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * A line of .wslconfig or /etc/wsl.conf that WSL reads differently from how it looks.
 *
 * @param findingId  the finding it belongs to ({@code wslconfig-line-ignored}, ...)
 * @param reason     why, as a stable id ({@code no-section}, {@code unknown-key}, {@code invalid-value}, ...)
 * @param line       1-based (0: the whole file)
 * @param text       the line as written
 * @param key        the key as WSL files it, when the line is a setting (null otherwise)
 * @param what       what WSL does with it, in plain words
 * @param rewritable whether Net Doctor can rewrite it so WSL reads what was meant
 */
public record ConfigProblem(FindingId findingId, String reason, int line, String text, String key, String what, boolean rewritable) {
}
