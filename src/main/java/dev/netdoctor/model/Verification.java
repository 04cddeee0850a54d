// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What became of each problem once the checks ran again after a fix: one comparison, so the
 * Verify step, the report and the PDF can never tell the same run two ways.
 */
public final class Verification {
    private Verification() {
    }

    /** What became of one finding. */
    public enum Change {
        /** Not found again. */
        GONE,
        /** Found again. */
        STILL,
        /**
         * The ssh fix changes what ssh sends, not the network: the drop of marked packets is still
         * measured, so "gone" would be a lie and "still there" would make users undo a working fix.
         */
        FIXED_FOR_SSH,
        /** Found now, not before. */
        NEW,
        /**
         * "WSL is not running the networking mode you set", found now: WSL reads .wslconfig only
         * when it starts, so right after the mode was changed this is expected, not a new problem.
         */
        NEW_UNTIL_RESTART;

        /** As the user reads it, e.g. "gone ✓". */
        public String words() {
            return switch (this) {
                case GONE -> Words.get("verify.gone");
                case STILL -> Words.get("verify.still");
                case FIXED_FOR_SSH -> Words.get("verify.fixedForSsh");
                case NEW -> Words.get("verify.new");
                case NEW_UNTIL_RESTART -> Words.get("verify.newUntilRestart");
            };
        }

        /** Whether it was not found before. */
        public boolean isNew() {
            return this == NEW || this == NEW_UNTIL_RESTART;
        }

        /** Whether the user may take it as fixed. */
        public boolean fixed() {
            return this == GONE || this == FIXED_FOR_SSH;
        }
    }

    /** One finding (of the first run, or of the second for {@link Change#NEW}) and what became of it. */
    public record Row(Finding finding, Change change) {
    }

    /**
     * The problems and warnings of {@code before}, each with what became of it in {@code after},
     * then those of {@code after} that are new. Information (the all-clear, the facts) is not
     * compared; a finding that says how a fix worked out ({@link FindingId#DSCP_FIXED_FOR_SSH}) is
     * the fix's outcome, not a new problem.
     */
    public static List<Row> compare(DiagnosisResult before, DiagnosisResult after) {
        Set<FindingId> afterIds = after.findings().stream().map(Finding::id).collect(Collectors.toSet());
        Set<FindingId> beforeIds = before.findings().stream().map(Finding::id).collect(Collectors.toSet());
        Set<FindingId> outcomes = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Finding f : before.findings()) {
            if (f.severity() == Severity.INFO) {
                continue;
            }
            boolean gone = !afterIds.contains(f.id());
            boolean fixedForSsh = gone && f.id() == FindingId.DSCP_MARKED_SYN_DROPPED && afterIds.contains(FindingId.DSCP_FIXED_FOR_SSH);
            if (fixedForSsh) {
                outcomes.add(FindingId.DSCP_FIXED_FOR_SSH);
            }
            rows.add(new Row(f, fixedForSsh ? Change.FIXED_FOR_SSH : gone ? Change.GONE : Change.STILL));
        }
        after.findings().stream().filter(f -> f.severity() != Severity.INFO && !beforeIds.contains(f.id()) && !outcomes.contains(f.id()))
                .forEach(f -> rows.add(new Row(f, f.id() == FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE ? Change.NEW_UNTIL_RESTART : Change.NEW)));
        return rows;
    }
}
