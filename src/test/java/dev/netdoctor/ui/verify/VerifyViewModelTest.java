// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.verify;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.report.fixtures.Results;
import dev.netdoctor.ui.DscpNetworkRunner;
import dev.netdoctor.ui.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Verify's rows, without the FX toolkit: what each finding became, judged by ssh -G on the file and the diagnoser. */
class VerifyViewModelTest {
    @TempDir
    Path home;

    private DiagnosisResult runWith(String config) throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, config);
        return new DscpNetworkRunner(file).start(DiagnosisRequest.forTarget(dev.netdoctor.model.Target.parse(Fixtures.TARGET)), e -> { })
                .result().get(20, TimeUnit.SECONDS);
    }

    /** Each row as "what: before -> after". */
    private static List<String> rows(DiagnosisResult before, DiagnosisResult after) {
        return VerifyViewModel.rows(before, after).stream().map(r -> r.what() + ": " + r.before() + " -> " + r.after()).toList();
    }

    @Test
    void afterTheSshFixTheDropIsFixedForSshAndNotANewFinding() throws Exception {
        DiagnosisResult before = runWith("Host *\n    IPQoS af21 cs1\n");
        DiagnosisResult after = runWith("Host 198.18.1.*\n    IPQoS none\n\nHost *\n    IPQoS af21 cs1\n");
        List<String> rows = rows(before, after);
        assertThat(rows).anyMatch(r -> r.startsWith("Marked SSH packets are dropped") && r.contains("fixed for ssh"))
                .noneMatch(r -> r.contains("still there")).noneMatch(r -> r.endsWith("-> new"));
    }

    @Test
    void withTheMarkingStillInTheFileTheProblemIsStillThere() throws Exception {
        DiagnosisResult before = runWith("Host *\n    IPQoS af21 cs1\n");
        // The fix written for another host does not apply to this one.
        DiagnosisResult after = runWith("Host 198.51.100.*\n    IPQoS none\n\nHost *\n    IPQoS af21 cs1\n");
        assertThat(rows(before, after)).anyMatch(r -> r.startsWith("Marked SSH packets are dropped") && r.contains("still there"))
                .noneMatch(r -> r.contains("fixed for ssh"));
    }

    /**
     * After the networking-mode fix WSL still runs the old mode until it restarts: that finding is
     * expected then, and said so, never a bare "new" problem.
     */
    @Test
    void aModeNotYetInEffectAfterTheModeFixIsExpectedUntilWslRestarts() {
        DiagnosisResult before = Results.settingsFiles().result();
        DiagnosisResult after = Results.modeNotEffective().result();
        assertThat(before.findings()).extracting(f -> f.id()).doesNotContain(dev.netdoctor.model.FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE);
        assertThat(rows(before, after)).filteredOn(r -> r.startsWith("WSL is not running the networking mode you set")).singleElement()
                .satisfies(r -> assertThat(r).contains("-> expected until WSL restarts").doesNotEndWith("-> new"));
    }

    /** The DNS and settings-file checks say whether their fixes worked: Verify shows them before and after. */
    @Test
    void theDnsAndSettingsChecksAreComparedBeforeAndAfter() {
        DiagnosisResult dns = Results.recorded("dns-blocked").result();
        DiagnosisResult settings = Results.settingsFiles().result();
        assertThat(rows(dns, dns)).contains(row(dns, ProbeId.NAME_RESOLUTION), row(dns, ProbeId.DNS_SERVERS));
        assertThat(rows(settings, settings)).contains(row(settings, ProbeId.CONFIG_FILES));
    }

    private static String row(DiagnosisResult result, ProbeId id) {
        ProbeOutcome o = result.probes().stream().filter(id::is).findFirst().orElseThrow();
        return o.title() + ": " + o.summary() + " -> " + o.summary();
    }
}
