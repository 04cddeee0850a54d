// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.report.ReportFiles;
import dev.netdoctor.report.ResultSchema;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Results as the diagnosis makes them from generated runs (the robustness test's runs: every
 * check's data, from Linux, WSL in NAT and mirrored mode, from Windows with Windows' facts, checks
 * that did not finish, runs cut short, no target), written as {@code diagnose --json} and as
 * {@code diagnose --json --redact} write them, follow the published schema.
 */
class GeneratedResultsSchemaTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser();

    @Provide
    Arbitrary<DiagnoserRobustnessTest.Run> runs() {
        return DiagnoserRobustnessTest.runs(true);
    }

    @Provide
    Arbitrary<DiagnoserRobustnessTest.Run> nothingCompleted() {
        return DiagnoserRobustnessTest.runs(false);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void everyGeneratedResultValidates(@ForAll("runs") DiagnoserRobustnessTest.Run run, @ForAll boolean complete, @ForAll boolean ssh) {
        check(run, complete, ssh);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void everyResultOfChecksThatDidNotFinishValidates(@ForAll("nothingCompleted") DiagnoserRobustnessTest.Run run) {
        check(run, false, true);
    }

    /**
     * The run's environment; for the robustness test's runs without one (rules must cope), the one
     * the session writes when the machine's facts could not be read: a result always has one.
     */
    private static Environment environment(DiagnoserRobustnessTest.Run run) {
        return run.environment() != null ? run.environment() : new Environment("Linux", null,
                new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of("unknown: the scan took longer than 6 s")), List.of(), null,
                List.of(), SshClientFacts.missing("not checked: the scan took longer than 6 s"), null, null, List.of());
    }

    private static void check(DiagnoserRobustnessTest.Run run, boolean complete, boolean ssh) {
        List<Finding> findings = DIAGNOSER.diagnose(run.target(), ssh, run.environment(), run.outcomes(), complete);
        DiagnosisResult result = new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, "wsl-net-doctor", "0.1.0",
                OffsetDateTime.parse("2025-06-01T12:00:00.123456789Z"), 1234,
                new DiagnosisResult.Request(run.target() == null ? null : run.target().toString(), run.servicePorts(), null, 2000, 20000,
                        run.servicePorts(), !run.servicePorts().isEmpty(), ssh),
                environment(run), run.outcomes(), findings, Diagnoser.verdict(findings, complete), complete);
        ResultSchema.DIAGNOSIS.check(JsonReport.write(result));
        ResultSchema.DIAGNOSIS.check(JsonReport.write(ReportFiles.prepare(ReportData.of(result), true)));
    }
}
