// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * Something observed in this run: a sentence, and where it came from a command, the command
 * line and its output.
 */
public record Evidence(String summary, String command, String output) {
    public static Evidence of(String summary) {
        return new Evidence(summary, null, null);
    }
}
