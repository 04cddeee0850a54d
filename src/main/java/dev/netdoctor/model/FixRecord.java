// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.time.OffsetDateTime;

/**
 * One thing the Fix step did, for the report: which fix, what happened (applied, undone,
 * refused, already in place), the file, its backup, the diff shown, the check's verdict, and for
 * an applied fix the command that undoes it.
 */
public record FixRecord(FixId fixId, String title, String action, String file, String backup, String diff,
                        String verification, OffsetDateTime at, String undo) {
    /**
     * A record without an undo command: one that was not applied, or one read from a report
     * written before the report kept it.
     *
     * @param undo the command that undoes an applied fix, as the user pastes it (null otherwise)
     */
    public FixRecord(FixId fixId, String title, String action, String file, String backup, String diff,
                     String verification, OffsetDateTime at) {
        this(fixId, title, action, file, backup, diff, verification, at, null);
    }

    /** What happened, as the report and the JSON say it. */
    public static final String APPLIED = "applied";
    public static final String UNDONE = "undone";

    /** A fix that was not made, and why (the conflicts, in the edit's words). */
    public static String refused(String why) {
        return "refused: " + why;
    }
}
