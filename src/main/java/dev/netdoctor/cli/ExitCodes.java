// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

/** The CLI's exit statuses; scripts depend on them. */
public final class ExitCodes {
    public static final int NO_PROBLEM = 0;
    public static final int PROBLEM_FOUND = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCOMPLETE = 3;

    private ExitCodes() {
    }
}
