// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.time.OffsetDateTime;

/**
 * One thing the Fix step did, for the report: which fix, what happened (applied, undone,
 * refused, already in place), the file, its backup, the diff shown, and the check's verdict.
 */
public record FixRecord(FixId fixId, String title, String action, String file, String backup, String diff,
                        String verification, OffsetDateTime at) {
    /** What happened, as the report and the JSON say it. */
    public static final String APPLIED = "applied";
    public static final String UNDONE = "undone";

    /** A fix that was not made, and why (the conflicts, in the edit's words). */
    public static String refused(String why) {
        return "refused: " + why;
    }
}
