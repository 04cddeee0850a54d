// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import java.util.List;

/**
 * One place where WSL reads a settings file differently from how it looks.
 *
 * @param kind     which finding it belongs to
 * @param reason   why, as a stable id ({@code unknown-key}, {@code invalid-value}, ...)
 * @param line     the 1-based line (0: the whole file)
 * @param lastLine the last line it spans (a value continued with a backslash spans several)
 * @param text     the line as written, readable (UTF-8)
 * @param key      the key as WSL files it ({@code wsl2.networkingMode}), when the line is a setting
 * @param what     what WSL does with it, in plain words
 * @param repairs  how to write it so WSL reads what was meant; empty when there is no safe rewrite
 */
public record ConfigIssue(Kind kind, String reason, int line, int lastLine, String text, String key, String what,
                          List<Repair> repairs) {
    public ConfigIssue {
        repairs = List.copyOf(repairs);
    }

    public enum Kind {
        LINE_IGNORED("wslconfig-line-ignored"),
        DUPLICATE_KEY("wslconfig-duplicate-key"),
        ENCODING("wslconfig-encoding"),
        PARSING_STOPS("wsl-conf-parsing-stops");

        private final String findingId;

        Kind(String findingId) {
            this.findingId = findingId;
        }

        public String findingId() {
            return findingId;
        }
    }

    /** An edit that makes the file say what WSL should read. Line numbers are 1-based; text is raw (one char per byte). */
    public sealed interface Repair permits Replace, Move, CommentOut, Reencode, DropBom {}

    /** The line becomes {@code text}. */
    public record Replace(int line, String text) implements Repair {}

    /** Lines {@code line..lastLine} go, and {@code text} is added to the first {@code [section]} (or a new one at the end). */
    public record Move(int line, int lastLine, String section, String text) implements Repair {}

    /** Lines {@code line..lastLine} stay, as {@code #} comments. */
    public record CommentOut(int line, int lastLine) implements Repair {}

    /** The whole file is written again as UTF-8 without a byte order mark, same text. */
    public record Reencode() implements Repair {}

    /** The UTF-8 byte order mark at the start goes; nothing else changes. */
    public record DropBom() implements Repair {}
}
