// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.session.SessionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A session that plays recorded results, one per start, in order: deterministic for tests. */
final class ScriptedRunner implements SessionRunner {
    private final List<DiagnosisResult> results;
    final List<DiagnosisRequest> requests = new CopyOnWriteArrayList<>();
    private int next;

    private final boolean samples;

    ScriptedRunner(DiagnosisResult... results) {
        this(true, results);
    }

    private ScriptedRunner(boolean samples, DiagnosisResult... results) {
        this.samples = samples;
        this.results = new ArrayList<>(List.of(results));
    }

    /**
     * Plays only what the recordings hold: no made-up ssh connection in the live tables (see
     * {@link Fixtures#events(DiagnosisResult, boolean)}).
     */
    static ScriptedRunner recordedOnly(DiagnosisResult... results) {
        return new ScriptedRunner(false, results);
    }

    @Override
    public Running start(DiagnosisRequest request, Consumer<SessionEvent> listener) {
        requests.add(request);
        DiagnosisResult r = results.get(Math.min(next++, results.size() - 1));
        CompletableFuture<DiagnosisResult> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            for (SessionEvent e : Fixtures.events(r, samples)) {
                listener.accept(e);
            }
            done.complete(r);
        });
        return completing(done);
    }

    /** A run that ends by itself (a test's recording or model): there is nothing to cancel. */
    static Running completing(CompletableFuture<DiagnosisResult> done) {
        return new Running() {
            @Override
            public void cancel() {
            }

            @Override
            public CompletableFuture<DiagnosisResult> result() {
                return done;
            }
        };
    }
}
