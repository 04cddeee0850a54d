// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab benchmark's reading of results and its goal lines; the measuring itself needs the lab. */
class LabBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode recordedSeed1() throws Exception {
        return JSON.readTree(Path.of("src/test/resources/dev/netdoctor/report/results/dscp.json").toFile());
    }

    private static ObjectNode dscpParameters(JsonNode result) {
        for (JsonNode p : result.path("probes")) {
            if (p.path("probeId").asText().equals("dscp-connect")) {
                return (ObjectNode) p.path("parameters");
            }
        }
        throw new AssertionError("no dscp-connect in the recorded result");
    }

    @Test
    void aResultOfAnOlderBuildHasNoRoundTripAndNoWaitButItsTimeOutIsRead() throws Exception {
        JsonNode seed1 = recordedSeed1();
        assertThat(LabBenchmark.dscpParameter(seed1, "rttMillis")).isEmpty();
        assertThat(LabBenchmark.dscpParameter(seed1, "waitMillis")).isEmpty();
        assertThat(LabBenchmark.dscpParameter(seed1, "timeoutMillis")).hasValue(2000);
    }

    @Test
    void theRoundTripAndWaitAreReadAsTextOrNumberAndNonsenseIsNone() throws Exception {
        JsonNode seed1 = recordedSeed1();
        dscpParameters(seed1).put("rttMillis", " 0.4 ").put("waitMillis", 300).put("rounds", "three");
        assertThat(LabBenchmark.dscpParameter(seed1, "rttMillis")).hasValue(0.4);
        assertThat(LabBenchmark.dscpParameter(seed1, "waitMillis")).hasValue(300);
        assertThat(LabBenchmark.dscpParameter(seed1, "rounds")).isEmpty();
        assertThat(LabBenchmark.dscpParameter(JSON.readTree("{\"probes\":[]}"), "rttMillis")).isEmpty();
    }

    @Test
    void millisShowATenthOnlyForSmallFractions() {
        assertThat(LabBenchmark.millis(OptionalDouble.empty())).isEqualTo("-");
        assertThat(LabBenchmark.millis(OptionalDouble.of(0.44))).isEqualTo("0.4");
        assertThat(LabBenchmark.millis(OptionalDouble.of(3))).isEqualTo("3");
        assertThat(LabBenchmark.millis(OptionalDouble.of(312.6))).isEqualTo("313");
        assertThat(LabBenchmark.millis(OptionalDouble.of(-1))).as("no unmarked answer measured").isEqualTo("none");
    }

    @Test
    void cpuIsUserPlusSystemFromGnuTimesLastLine() {
        assertThat(LabBenchmark.cpuMillis("0.52 0.10\n")).isEqualTo(620);
        assertThat(LabBenchmark.cpuMillis("Command exited with non-zero status 1\n0.50 0.25")).isEqualTo(750);
        assertThat(LabBenchmark.cpuMillis("")).isEqualTo(-1);
    }

    @Test
    void goalsFollowIssue30() {
        var byName = LabBenchmark.SCENARIOS.stream().collect(java.util.stream.Collectors.toMap(LabBenchmark.Scenario::name, s -> s));
        assertThat(byName.get("dscp").wallGoal()).isEqualTo(1500);
        assertThat(byName.get("healthy").wallGoal()).isEqualTo(1000);
        assertThat(byName.get("dns-blocked").wallGoal()).isEqualTo(3000);
        assertThat(byName.get("dns-static").wallGoal()).isEqualTo(3000);
        assertThat(byName.get("wsl-dscp-warm").wallGoal()).isEqualTo(2500);
        assertThat(byName.get("wsl-dscp-cold").wallGoal()).isEqualTo(LabBenchmark.WSL_COLD_START_MILLIS + 2000);
        assertThat(byName.get("dns-static").ask()).isEqualTo(LabBenchmark.Ask.DNS_NAME);
        assertThat(byName.get("wsl-dscp-cold").from()).isEqualTo(LabBenchmark.From.WINDOWS_COLD);
    }

    @Test
    void aRowSaysMetOrMissedPerGoal() {
        var dscp = LabBenchmark.SCENARIOS.stream().filter(s -> s.name().equals("dscp")).findFirst().orElseThrow();
        var fast = new LabBenchmark.Row(dscp, "dscp-marked-syn-dropped", 900, 1400, 800, OptionalDouble.of(0.3), OptionalDouble.of(250), "127 s");
        assertThat(fast.line(true)).contains("wall ≤1500 met", "CPU met", " 0.3 ", " 250 ");
        var slow = new LabBenchmark.Row(dscp, "dscp-marked-syn-dropped", 2100, 2500, 1600, OptionalDouble.empty(), OptionalDouble.empty(), "127 s");
        assertThat(slow.line(true)).contains("wall ≤1500 MISSED", "CPU MISSED");
        assertThat(slow.line(false)).doesNotContain("CPU");
    }

    @Test
    void theWizardIsHeldToTheClisWholeRunPlusHalfASecond() {
        var dscp = LabBenchmark.SCENARIOS.stream().filter(s -> s.name().equals("dscp")).findFirst().orElseThrow();
        var cli = new LabBenchmark.Row(dscp, "dscp-marked-syn-dropped", 1100, 1500, 800, OptionalDouble.empty(), OptionalDouble.empty(), "-");
        assertThat(LabBenchmark.wizardLine(new LabBenchmark.WizardTimes(List.of(1900L, 2000L, 2100L), List.of(1200L), null), cli))
                .contains("2000 ms (median of 3", "whole run 1500 ms", "(≤2000): met");
        assertThat(LabBenchmark.wizardLine(new LabBenchmark.WizardTimes(List.of(2001L), List.of(), null), cli)).contains("MISSED");
        assertThat(LabBenchmark.wizardLine(new LabBenchmark.WizardTimes(List.of(), List.of(), "exit 1"), cli)).contains("not measured: exit 1");
    }

    @Test
    void theAppImagesOptionsAndClassPathComeFromItsCfgInOrder() {
        List<String> cfg = List.of("[Application]", "app.classpath=$APPDIR/wsl-net-doctor.jar", "app.mainclass=dev.netdoctor.Main",
                "app.classpath=$APPDIR/lib/picocli.jar", "[JavaOptions]", "java-options=-XX:AOTCache=$APPDIR/wsl-net-doctor.aot",
                "java-options=-XX:+UseSerialGC");
        Path app = Path.of("/opt/w/lib/app");
        assertThat(WizardJvm.fromCfg(cfg, "app.classpath=", app)).containsExactly("/opt/w/lib/app/wsl-net-doctor.jar", "/opt/w/lib/app/lib/picocli.jar");
        assertThat(WizardJvm.fromCfg(cfg, "java-options=", app)).containsExactly("-XX:AOTCache=/opt/w/lib/app/wsl-net-doctor.aot", "-XX:+UseSerialGC");
    }
}
