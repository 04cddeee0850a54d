// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.SummaryLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code diagnose --summary-line}: the last line of stdout, what a fleet tool keeps, with the CLI's own exit code. */
class SummaryLineCliTest {
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String lastLine(String out) {
        List<String> lines = out.lines().toList();
        assertThat(lines).isNotEmpty();
        return lines.getLast();
    }

    @Test
    void endsTheTextReportWithTheLineAndKeepsTheExitCode() throws Exception {
        CliRun r = CliRun.of("diagnose", "--target", "127.0.0.1:" + closedPort(), "--summary-line", "--quiet", "--timeout", "10");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        String last = lastLine(r.out());
        assertThat(last).startsWith("wsl-net-doctor/1 ").hasSizeLessThanOrEqualTo(SummaryLine.MAX_LENGTH);
        assertThat(r.out().lines().count()).as("the text report comes first").isGreaterThan(3);
        SummaryLine s = SummaryLine.parse(last).orElseThrow();
        assertThat(s.verdict()).isEqualTo(SummaryLine.PROBLEM);
        assertThat(s.findings()).contains("port-refused");
        assertThat(s.exit()).hasValue(r.exit());
        assertThat(s.complete()).isPresent();
        assertThat(last).as("no address by default").doesNotContain("127.0.0.1").doesNotContain("127%2E0");
        assertThat(r.err()).doesNotContain("wsl-net-doctor/1");
    }

    @Test
    void theSameRunWithoutTheOptionPrintsNoLine() throws Exception {
        CliRun r = CliRun.of("diagnose", "--target", "127.0.0.1:" + closedPort(), "--quiet", "--timeout", "10");
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(r.out()).doesNotContain(SummaryLine.MARKER);
    }

    @Test
    void notWithJsonSoTheJsonStaysOneDocument() {
        CliRun r = CliRun.of("diagnose", "--target", "127.0.0.1:1", "--json", "--summary-line");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("wsl-net-doctor: --summary-line").contains("--json");
        assertThat(CliRun.of("diagnose", "--json", "--summary-line-names").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void badInputStillEndsWithALineThatSaysNothingRan() {
        CliRun r = CliRun.of("diagnose", "--target", "host name", "--summary-line");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("wsl-net-doctor: ");
        SummaryLine s = SummaryLine.parse(lastLine(r.out())).orElseThrow();
        assertThat(s.verdict()).isEqualTo(SummaryLine.NOT_RUN);
        assertThat(s.exit()).hasValue(ExitCodes.BAD_INPUT);
        assertThat(r.out().lines().count()).isEqualTo(1);
    }

    @Test
    void noDistroToDiagnoseEndsWithALineThatSaysNothingRan(@TempDir Path dir) {
        CliRun r = CliRun.of("diagnose", "--wsl-exe", dir.resolve("no-wsl.exe").toString(), "--summary-line", "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        SummaryLine s = SummaryLine.parse(lastLine(r.out())).orElseThrow();
        assertThat(s.verdict()).isEqualTo(SummaryLine.NOT_RUN);
        assertThat(s.exit()).hasValue(ExitCodes.INCOMPLETE);
    }

    @Test
    void namesOnlyWhenAskedAndNeverWithRedact() {
        CliRun r = CliRun.of("diagnose", "--target", "127.0.0.1:1", "--summary-line-names", "--redact");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--redact");
        assertThat(SummaryLine.parse(lastLine(r.out())).orElseThrow().exit()).hasValue(ExitCodes.BAD_INPUT);
    }
}
