// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.verify;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Severity;
import dev.netdoctor.session.ProbeCatalog;
import dev.netdoctor.ui.Texts;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Set<FindingId> afterIds = after.findings().stream().map(Finding::id).collect(Collectors.toSet());
        Set<FindingId> followUps = new java.util.HashSet<>();
        for (Finding f : before.findings()) {
            if (f.severity() != Severity.INFO) {
                boolean gone = !afterIds.contains(f.id());
                // The ssh fix changes what ssh sends, not the network: the drop is still measured,
                // so "gone" would be a lie and "still there" would make users undo a working fix.
                boolean fixedForSsh = gone && f.id() == FindingId.DSCP_MARKED_SYN_DROPPED && afterIds.contains(FindingId.DSCP_FIXED_FOR_SSH);
                if (fixedForSsh) {
                    followUps.add(FindingId.DSCP_FIXED_FOR_SSH);
                }
                String now = fixedForSsh ? Texts.get("verify.fixedForSsh") : gone ? Texts.get("verify.gone") : Texts.get("verify.still");
                out.add(new BeforeAfter(f.title(), Texts.get("verify.found"), now, gone));
            }
        }
        Set<FindingId> beforeIds = before.findings().stream().map(Finding::id).collect(Collectors.toSet());
        after.findings().stream().filter(f -> f.severity() != Severity.INFO && !beforeIds.contains(f.id()) && !followUps.contains(f.id()))
                .forEach(f -> out.add(new BeforeAfter(f.title(), "—", Texts.get(newWords(f.id())), false)));
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

    /**
     * WSL reads .wslconfig only when it starts: right after the networking mode was changed, WSL
     * still runs the old one, which is expected, not a new problem.
     */
    private static String newWords(FindingId id) {
        return id == FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE ? "verify.newUntilRestart" : "verify.new";
    }

    private static Map<ProbeId, ProbeOutcome> byId(List<ProbeOutcome> probes) {
        return probes.stream().collect(Collectors.toMap(ProbeOutcome::probeId, Function.identity(), (p, q) -> p));
    }
}
