// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.probe.Probe;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check a run can make is named in {@link ProbeId}, and every id there is a check: the rules find their evidence by it. */
class ProbeIdsTest {
    @Test
    void theChecksOfTheFullestRunAreExactlyTheProbeIds() {
        DiagnosisRequest fullest = new DiagnosisRequest(Target.parse("198.18.1.2"), List.of(8443),
                VantageRequest.parse("alice@198.18.2.3", null, null), null, null);
        List<ProbeId> ids = DiagnosisSession.defaultStages(fullest).stream().flatMap(List::stream).map(Probe::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        // the gateway is pinged only without a target: the fullest run without one adds it
        DiagnosisRequest notSure = new DiagnosisRequest(null, List.of(8443), VantageRequest.parse("alice@198.18.2.3", null, null),
                null, null).withWayOut();
        // a program on Windows is asked about only by its own question
        DiagnosisRequest windowsProgram = new DiagnosisRequest(null, List.of(), null, null, null).withWindowsPorts(List.of(5432));
        List<ProbeId> all = new java.util.ArrayList<>(ids);
        DiagnosisSession.defaultStages(notSure).stream().flatMap(List::stream).map(Probe::id).filter(id -> !ids.contains(id)).forEach(all::add);
        DiagnosisSession.defaultStages(windowsProgram).stream().flatMap(List::stream).map(Probe::id).filter(id -> !all.contains(id)).forEach(all::add);
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(Arrays.asList(ProbeId.values()));
    }
}
