// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportWithoutProbesTest {
    @Test
    void everyRecordedResultReadsTheSameButForItsProbes() throws Exception {
        for (String name : Results.RECORDED) {
            String json = JsonReport.write(Results.recorded(name));
            ReportData full = JsonReport.read(json);
            ReportData light = JsonReport.readWithoutProbes(json);
            DiagnosisResult f = full.result();
            assertThat(full.result().probes()).as(name).isNotEmpty();
            assertThat(light.result().probes()).as(name).isEmpty();
            assertThat(light.result()).as(name).isEqualTo(new DiagnosisResult(f.schemaVersion(), f.tool(), f.toolVersion(), f.startedAt(),
                    f.durationMillis(), f.request(), f.environment(), java.util.List.of(), f.findings(), f.verdict(), f.complete()));
            assertThat(light.fixHistory()).isEqualTo(full.fixHistory());
        }
    }

    @Test
    void aResultCutShortOrOfAnotherToolIsStillToldApart() {
        String json = JsonReport.write(Results.recorded("dscp"));
        String cut = json.substring(0, json.length() - 40);
        assertThatThrownBy(() -> JsonReport.readWithoutProbes(cut)).isInstanceOf(IOException.class).hasMessageStartingWith("This is not a JSON file");
        assertThatThrownBy(() -> JsonReport.readWithoutProbes("{\"probes\": []}")).isInstanceOf(IOException.class)
                .hasMessageContaining("not a WSL Net Doctor result");
        assertThatThrownBy(() -> JsonReport.readWithoutProbes(json.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2")))
                .isInstanceOf(IOException.class).hasMessageContaining("schema version 2");
    }
}
