// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.SummaryLine;
import dev.netdoctor.report.FleetSummary.Dimension;
import dev.netdoctor.report.FleetSummary.FindingCount;
import dev.netdoctor.report.FleetSummary.Group;
import dev.netdoctor.report.fixtures.Fleet;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FleetSummaryTest {
    private static FleetMachine machine(String name, String verdict, List<String> findings, String wsl, String mode, String windows,
                                        boolean complete) {
        return new FleetMachine(name, name, verdict, findings, 0, wsl, mode, windows, complete);
    }

    private static Dimension dimension(FleetSummary s, String key) {
        return s.dimensions().stream().filter(d -> d.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void countsEachFindingOncePerMachineWithTheMachinesNamed() {
        FleetSummary s = FleetSummary.of(List.of(
                machine("laptop-10", "problem", List.of("port-refused", "clock-skew", "port-refused"), "2.3.26.0", "nat", "10.0.26100.2605", true),
                machine("laptop-9", "problem", List.of("port-refused"), "2.3.26.0", "mirrored", "10.0.22631.4460", true),
                machine("laptop-2", "no-problem", List.of(), "2.10.1.0", "nat", null, true),
                machine("laptop-3", "incomplete", List.of("clock-skew"), null, "", "-", false),
                machine("laptop-4", "not-run", List.of(), null, null, null, false)), List.of());

        assertThat(s.machines()).isEqualTo(5);
        // a machine where no diagnosis ran was not cut short: it never started
        assertThat(s.incomplete()).isEqualTo(1);
        assertThat(s.verdicts()).containsExactly(Map.entry("problem", 2), Map.entry("incomplete", 1), Map.entry("no-problem", 1),
                Map.entry("not-run", 1));
        assertThat(s.findings()).extracting(FindingCount::finding, FindingCount::machines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("clock-skew", 2), org.assertj.core.groups.Tuple.tuple("port-refused", 2));
        // names in the order a person counts: laptop-9 before laptop-10
        assertThat(s.findings().get(1).machineNames()).containsExactly("laptop-9", "laptop-10");

        Dimension wsl = dimension(s, "wsl");
        // versions compared as numbers, unknown last
        assertThat(wsl.groups()).extracting(Group::value).containsExactly("2.3.26.0", "2.10.1.0", SummaryLine.UNKNOWN);
        assertThat(wsl.groups().get(0).machines()).isEqualTo(2);
        assertThat(wsl.groups().get(0).findings()).extracting(FindingCount::finding, FindingCount::machines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("port-refused", 2), org.assertj.core.groups.Tuple.tuple("clock-skew", 1));
        assertThat(dimension(s, "mode").groups()).extracting(Group::value, Group::machines)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mirrored", 1), org.assertj.core.groups.Tuple.tuple("nat", 2),
                        org.assertj.core.groups.Tuple.tuple(SummaryLine.UNKNOWN, 2));
        assertThat(dimension(s, "windows").groups()).extracting(Group::value)
                .containsExactly("10.0.22631.4460", "10.0.26100.2605", SummaryLine.UNKNOWN);
    }

    @Test
    void aSavedResultCountsAsItsSummaryLineTellsIt() {
        var result = Results.recorded("clock-skew").result();
        FleetMachine m = FleetMachine.of("clock-skew.json", "x/clock-skew.json", result);
        SummaryLine line = SummaryLine.of(result, false);
        assertThat(m.verdict()).isEqualTo(line.verdict());
        assertThat(m.findings()).isEqualTo(line.findings()).containsExactly("clock-skew");
        assertThat(m.wsl()).isEqualTo("2.3.26.0");
        assertThat(m.mode()).isEqualTo("nat");
        assertThat(m.windows()).isEqualTo("10.0.26100.2605");
        assertThat(m.complete()).isTrue();
    }

    @Test
    void aThousandGeneratedMachinesAddUpToWhatWasGenerated() {
        List<Fleet.Machine> generated = Fleet.machines(1000, 7);
        FleetSummary s = FleetSummary.of(generated.stream().map(g -> FleetMachine.of(g.name(), g.name(), g.result())).toList(), List.of());

        assertThat(s.machines()).isEqualTo(1000);
        assertThat(s.verdicts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        assertThat(s.incomplete()).isEqualTo((int) generated.stream().filter(g -> !g.result().complete()).count());
        Map<String, Long> byBuild = generated.stream().collect(Collectors.groupingBy(Fleet.Machine::build, Collectors.counting()));
        assertThat(dimension(s, "windows").groups()).allSatisfy(g -> assertThat((long) g.machines()).isEqualTo(byBuild.get(g.value())));
        Map<String, Long> byMode = generated.stream().collect(Collectors.groupingBy(Fleet.Machine::mode, Collectors.counting()));
        assertThat(dimension(s, "mode").groups()).extracting(Group::value).containsExactlyInAnyOrderElementsOf(byMode.keySet());
        for (FindingCount f : s.findings()) {
            List<String> expected = generated.stream()
                    .filter(g -> g.result().findings().stream().anyMatch(x -> x.id().id().equals(f.finding())))
                    .map(Fleet.Machine::name).sorted().toList();
            assertThat(f.machineNames()).as(f.finding()).isEqualTo(expected);
            // each dimension splits the finding's machines without losing or adding one
            for (Dimension d : s.dimensions()) {
                int sum = d.groups().stream().flatMap(g -> g.findings().stream()).filter(x -> x.finding().equals(f.finding()))
                        .mapToInt(FindingCount::machines).sum();
                assertThat(sum).as(d.key() + " " + f.finding()).isEqualTo(f.machines());
            }
        }
        assertThat(s.findings()).hasSizeGreaterThan(8);
    }
}
