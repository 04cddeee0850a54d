// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.verify;

/** One line of the Verify step: the same thing before and after the fixes. */
public record BeforeAfter(String what, String before, String after, boolean better) {
}
