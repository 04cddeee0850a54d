// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.session.SessionEvent;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Starts a diagnosis off the FX thread. The real one runs the engine; tests script the events.
 * The listener is called on background threads.
 */
public interface SessionRunner {
    Running start(DiagnosisRequest request, Consumer<SessionEvent> listener);

    /** A diagnosis under way. */
    interface Running {
        /** Stops every probe within about a second; the result then completes as incomplete. */
        void cancel();

        CompletableFuture<DiagnosisResult> result();
    }
}
