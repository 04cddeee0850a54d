// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportTest {
    static List<ReportData> every() {
        return Results.everyFindingType();
    }

    @ParameterizedTest
    @MethodSource("every")
    void aResultSurvivesTheRoundTrip(ReportData report) throws IOException {
        ReportData back = JsonReport.read(JsonReport.write(report));
        assertThat(back.result()).usingRecursiveComparison().isEqualTo(report.result());
        assertThat(JsonReport.write(back)).isEqualTo(JsonReport.write(report));
    }

    /** Preparing the writer on another thread while results are written changes no byte of them. */
    @Test
    void preparingTheWriterAheadChangesNothingWritten() throws Exception {
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
        for (String name : Results.RECORDED) {
            before.put(name, JsonReport.write(Results.recorded(name).result()));
        }
        Thread prepare = Thread.ofPlatform().start(JsonReport::prepare);
        for (String name : Results.RECORDED) {
            assertThat(JsonReport.write(Results.recorded(name).result())).as(name).isEqualTo(before.get(name));
        }
        prepare.join(30_000);
        JsonReport.prepare();
        assertThat(JsonReport.write(Results.recorded("dscp").result())).isEqualTo(before.get("dscp"));
    }

    /** Results recorded before the question said whether the target is an SSH server read as SSH: every target was one then. */
    @Test
    void whetherTheTargetIsAnSshServerIsWrittenAndOlderResultsReadAsSsh() throws IOException {
        for (String name : Results.RECORDED) {
            assertThat(Results.recorded(name).result().request().sshTarget()).as(name).isTrue();
        }
        dev.netdoctor.model.DiagnosisResult saved = Results.recorded("healthy").result();
        dev.netdoctor.model.DiagnosisResult.Request r = saved.request();
        dev.netdoctor.model.DiagnosisResult web = new dev.netdoctor.model.DiagnosisResult(saved.schemaVersion(), saved.tool(), saved.toolVersion(),
                saved.startedAt(), saved.durationMillis(), new dev.netdoctor.model.DiagnosisResult.Request(r.target(), r.servicePorts(), r.vantage(),
                r.attemptTimeoutMillis(), r.deadlineMillis(), r.windowsPorts(), r.otherDevices(), false),
                saved.environment(), saved.probes(), saved.findings(), saved.verdict(), saved.complete());
        String json = JsonReport.write(web);
        assertThat(JsonReport.mapper().readTree(json).path("request").path("ssh").isBoolean()).isTrue();
        assertThat(JsonReport.mapper().readTree(json).path("request").path("ssh").booleanValue()).isFalse();
        assertThat(JsonReport.read(json).result().request().sshTarget()).isFalse();
        assertThat(JsonReport.mapper().readTree(JsonReport.write(saved)).path("request").path("ssh").booleanValue()).isTrue();
    }

    /** The DNS path is an enum in the model, but scripts read its stable id: nat-dns-proxy, as before. */
    @Test
    void theDnsPathIsWrittenAndReadByItsStableId() throws IOException {
        for (String name : List.of("dns-blocked", "dns-static")) {
            ReportData saved = Results.recorded(name);
            String json = JsonReport.write(saved);
            dev.netdoctor.model.DnsPath path = saved.result().probes().stream()
                    .map(p -> p.dataAs(dev.netdoctor.model.ProbeData.DnsServers.class)).flatMap(java.util.Optional::stream)
                    .findFirst().orElseThrow().path();
            assertThat(json).contains("\"path\" : \"" + path.id() + "\"");
            assertThat(path.id()).isEqualTo(name.equals("dns-blocked") ? "nat-dns-proxy" : "other-servers");
        }
    }

    @Test
    void fixHistoryAndRedactionTravelWithTheResult() throws IOException {
        ReportData r = new ReportData(every().getFirst().result(), List.of(new FixRecord(dev.netdoctor.model.FixId.SSH_CONFIG_IPQOS_NONE, "Turn off marking",
                "applied", "/home/u/.ssh/config", "/home/u/.ssh/config.bak", "+IPQoS none", "ssh -G confirms",
                OffsetDateTime.parse("2026-11-22T03:00:00Z"))), every().getFirst().result(), true);
        ReportData back = JsonReport.read(JsonReport.write(r));
        assertThat(back.fixHistory()).isEqualTo(r.fixHistory());
        assertThat(back.redacted()).isTrue();
        assertThat(back.verification()).isEqualTo(r.verification());
    }

    @Test
    void foreignTextIsRefusedPlainly() {
        assertThatThrownBy(() -> JsonReport.read("not json")).hasMessageStartingWith("This is not a JSON file");
        assertThatThrownBy(() -> JsonReport.read("{\"a\":1}")).hasMessageContaining("not a WSL Net Doctor result");
        assertThatThrownBy(() -> JsonReport.read("{\"schemaVersion\":99}")).hasMessageContaining("schema version 99");
    }
}
