// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.verify;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Verification;
import dev.netdoctor.session.ProbeCatalog;
import dev.netdoctor.ui.Texts;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Verify step: the checks run again, shown next to the first run. */
public final class VerifyViewModel {
    /** The checks whose summaries say most about the problems we diagnose: the catalog marks them. */
    static final List<ProbeId> KEY_CHECKS = ProbeCatalog.verified();

    private final ObservableList<BeforeAfter> rows = FXCollections.observableArrayList();

    public ObservableList<BeforeAfter> rows() {
        return rows;
    }

    public void compare(DiagnosisResult before, DiagnosisResult after) {
        rows.setAll(rows(before, after));
    }

    static List<BeforeAfter> rows(DiagnosisResult before, DiagnosisResult after) {
        List<BeforeAfter> out = new java.util.ArrayList<>();
        boolean wasProblem = before.problemFound();
        boolean isProblem = after.problemFound();
        out.add(new BeforeAfter(Texts.get("verify.verdict"), before.verdict(), after.verdict(), wasProblem && !isProblem));
        for (Verification.Row row : Verification.compare(before, after)) {
            boolean isNew = row.change().isNew();
            out.add(new BeforeAfter(row.finding().title(), isNew ? "—" : Texts.get("verify.found"), row.change().words(), row.change().fixed()));
        }
        Map<ProbeId, ProbeOutcome> b = byId(before.probes());
        Map<ProbeId, ProbeOutcome> a = byId(after.probes());
        for (ProbeId id : KEY_CHECKS) {
            Optional<ProbeOutcome> x = Optional.ofNullable(b.get(id));
            Optional<ProbeOutcome> y = Optional.ofNullable(a.get(id));
            if (x.isPresent() || y.isPresent()) {
                String title = x.or(() -> y).map(ProbeOutcome::title).orElse(id.id());
                out.add(new BeforeAfter(title, x.map(ProbeOutcome::summary).orElse("—"), y.map(ProbeOutcome::summary).orElse("—"), false));
            }
        }
        return out;
    }

    private static Map<ProbeId, ProbeOutcome> byId(List<ProbeOutcome> probes) {
        return probes.stream().collect(Collectors.toMap(ProbeOutcome::probeId, Function.identity(), (p, q) -> p));
    }
}
