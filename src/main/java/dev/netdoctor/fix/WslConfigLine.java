// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

/**
 * One physical line of a .wslconfig. The text is ISO-8859-1, one char per byte, so that bytes
 * which are not valid UTF-8 survive an edit unchanged; {@code ending} is {@code "\r\n"},
 * {@code "\n"}, or empty for a last line without a line break.
 */
record WslConfigLine(String content, String ending) {

    WslConfigLine withEnding(String newEnding) {
        return new WslConfigLine(content, newEnding);
    }

    WslConfigLine commentedOut() {
        return new WslConfigLine("# " + content, ending);
    }

    boolean isBlank() {
        return content.chars().allMatch(dev.netdoctor.config.WslConfigSyntax::isSpace);
    }
}
