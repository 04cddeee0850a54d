// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What became of each problem after a fix: one comparison for the Verify step, the report and the PDF. */
class VerificationTest {
    private static Finding finding(FindingId id, Severity severity) {
        return new Finding(id, severity, Confidence.HIGH, id.id() + " title", "", List.of(), List.of());
    }

    private static DiagnosisResult result(Finding... findings) {
        return new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-12-06T20:00:00Z"), 1,
                new DiagnosisResult.Request(null, List.of(), null, 1000, 10000), null, List.of(), List.of(findings), "", true);
    }

    @Test
    void theSshFixIsFixedForSshNotGoneAndItsOutcomeIsNoNewProblem() {
        DiagnosisResult before = result(finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM), finding(FindingId.PATH_MTU_BLACKHOLE, Severity.WARNING),
                finding(FindingId.NO_PROBLEM_FOUND, Severity.INFO));
        DiagnosisResult after = result(finding(FindingId.DSCP_FIXED_FOR_SSH, Severity.WARNING), finding(FindingId.PATH_MTU_BLACKHOLE, Severity.WARNING),
                finding(FindingId.DNS_SERVER_UNREACHABLE, Severity.PROBLEM), finding(FindingId.NO_PROBLEM_FOUND, Severity.INFO));

        List<Verification.Row> rows = Verification.compare(before, after);
        assertThat(rows).extracting(r -> r.finding().id(), Verification.Row::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FindingId.DSCP_MARKED_SYN_DROPPED, Verification.Change.FIXED_FOR_SSH),
                org.assertj.core.groups.Tuple.tuple(FindingId.PATH_MTU_BLACKHOLE, Verification.Change.STILL),
                org.assertj.core.groups.Tuple.tuple(FindingId.DNS_SERVER_UNREACHABLE, Verification.Change.NEW));
        assertThat(Verification.Change.FIXED_FOR_SSH.words()).startsWith("fixed for ssh");
        assertThat(Verification.Change.FIXED_FOR_SSH.fixed()).isTrue();
        assertThat(Verification.Change.NEW.fixed()).isFalse();
    }

    @Test
    void aProblemNotFoundAgainIsGone() {
        List<Verification.Row> rows = Verification.compare(result(finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM)),
                result(finding(FindingId.NO_PROBLEM_FOUND, Severity.INFO)));
        assertThat(rows).singleElement().extracting(Verification.Row::change).isEqualTo(Verification.Change.GONE);
        assertThat(Verification.Change.GONE.words()).startsWith("gone");
    }

    /** After the networking-mode fix WSL runs the old mode until it restarts: expected, said so in every face. */
    @Test
    void aModeNotYetInEffectIsExpectedUntilWslRestarts() {
        List<Verification.Row> rows = Verification.compare(result(finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM)),
                result(finding(FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE, Severity.WARNING)));
        assertThat(rows).extracting(Verification.Row::change).containsExactly(Verification.Change.GONE, Verification.Change.NEW_UNTIL_RESTART);
        assertThat(Verification.Change.NEW_UNTIL_RESTART.words()).startsWith("expected until WSL restarts");
        assertThat(Verification.Change.NEW_UNTIL_RESTART.isNew()).isTrue();
        assertThat(Verification.Change.NEW_UNTIL_RESTART.fixed()).isFalse();
    }
}
