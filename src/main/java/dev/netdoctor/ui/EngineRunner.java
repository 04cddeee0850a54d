package dev.netdoctor.ui;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.session.DiagnosisSession;
import dev.netdoctor.session.SessionEvent;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The real engine, each run on its own background thread (never the FX thread). */
public final class EngineRunner implements SessionRunner {
    private final HostInspector inspector;

    public EngineRunner() {
        this(new HostInspector(new LocalLinuxSide()));
    }

    public EngineRunner(HostInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public Running start(DiagnosisRequest request, Consumer<SessionEvent> listener) {
        DiagnosisSession session = new DiagnosisSession(inspector, request, listener);
        CompletableFuture<DiagnosisResult> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().daemon().name("diagnosis").start(() -> {
            try {
                result.complete(session.run());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return new Running() {
            @Override
            public void cancel() {
                session.cancel();
            }

            @Override
            public CompletableFuture<DiagnosisResult> result() {
                return result;
            }

            @Override
            public String toString() {
                return "diagnosis on " + t.getName();
            }
        };
    }
}
