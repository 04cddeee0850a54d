// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.WslDistros;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.session.DiagnosisSession;
import dev.netdoctor.session.SessionEvent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The real engine, each run on its own background thread (never the FX thread). */
public final class EngineRunner implements SessionRunner {
    private static final System.Logger LOG = System.getLogger(EngineRunner.class.getName());

    /** Where the checks run, opened at the start of each run (a WSL distro may have to start first). */
    public interface LinuxSideOpener {
        LinuxSide open() throws Exception;
    }

    private final LinuxSideOpener opener;

    public EngineRunner() {
        this(LocalLinuxSide::new);
    }

    public EngineRunner(LinuxSideOpener opener) {
        this.opener = opener;
    }

    /** Checks a WSL distro from Windows: the one the user chose, opened through {@code wslExe}. */
    public static EngineRunner wsl(String wslExe, DistroViewModel distros) {
        return new EngineRunner(() -> WslDistros.open(wslExe, distros.chosenName(),
                note -> LOG.log(System.Logger.Level.INFO, note)));
    }

    @Override
    public Running start(DiagnosisRequest request, Consumer<SessionEvent> listener) {
        CompletableFuture<DiagnosisResult> result = new CompletableFuture<>();
        AtomicReference<DiagnosisSession> session = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread t = Thread.ofPlatform().daemon().name("diagnosis").start(() -> {
            try {
                LinuxSide side = opener.open();
                try {
                    DiagnosisSession s = new DiagnosisSession(new HostInspector(side), request, listener);
                    session.set(s);
                    if (cancelled.get()) {
                        s.cancel();
                    }
                    result.complete(s.run());
                } finally {
                    if (side instanceof AutoCloseable closeable) {
                        closeable.close(); // a WSL distro's relay ends with the run
                    }
                }
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return new Running() {
            @Override
            public void cancel() {
                cancelled.set(true);
                DiagnosisSession s = session.get();
                if (s != null) {
                    s.cancel();
                }
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
